#include "catalog/messages.h"

namespace apertura::catalog {

std::string_view text(Msg message) {
  switch (message) {
    case Msg::dataset_not_found: return "No existe el conjunto de datos «{}».";
    case Msg::resource_not_found: return "No existe el recurso {}.";
    case Msg::datastore_none: return "El recurso {} no tiene una tabla consultable: solo los archivos CSV guardados en el portal se cargan como tabla, y solo si no tienen errores.";
    case Msg::datastore_not_csv: return "Solo los recursos en formato CSV se cargan como tabla.";
    case Msg::datastore_field_unknown: return "la tabla no tiene el campo «{}»";
    case Msg::datastore_filter_value: return "«{}» no es un valor del campo «{}», que es de tipo {}";
    case Msg::datastore_sort: return "ordena por campos de la tabla, cada uno seguido de asc o desc (por ejemplo, «monto desc»)";
    case Msg::datastore_type_field: return "elige uno de los tipos de la lista para la columna «{}»";
    case Msg::datastore_type_count: return "indica el tipo de cada una de las {} columnas";
    case Msg::datastore_search_invalid: return "Revisa la consulta de la tabla.";
    case Msg::datastore_limit: return "debe ser un número entero entre 0 y {}";
    case Msg::datastore_offset: return "debe ser un número entero de 0 en adelante";
    case Msg::group_not_found: return "No existe el grupo temático «{}».";
    case Msg::publisher_not_found: return "No existe la institución publicadora «{}».";
    case Msg::sign_in_to_publish: return "Inicia sesión con una cuenta de institución para publicar datos.";
    case Msg::title_field: return "escribe un título (máximo 200 caracteres)";
    case Msg::slug_field:
      return "usa de 3 a 100 letras minúsculas sin acento, dígitos y guiones (por ejemplo, contratos-2026), o déjalo "
             "vacío para formarlo con el título";
    case Msg::slug_taken: return "Ya existe un conjunto de datos con la dirección «{}».";
    case Msg::slug_taken_field: return "elige otra dirección; esta ya está en uso";
    case Msg::description_field: return "describe qué contiene, de dónde sale y cómo se usa (máximo 20,000 caracteres)";
    case Msg::institution_field: return "elige una institución de la jurisdicción";
    case Msg::own_institution_only: return "publicas solo a nombre de tu propia institución";
    case Msg::frequency_field: return "elige cada cuánto se actualiza";
    case Msg::date_field: return "escribe la fecha como AAAA-MM-DD, o déjala vacía";
    case Msg::temporal_order: return "la fecha final no puede ser anterior a la inicial";
    case Msg::at_most_200: return "usa como máximo 200 caracteres";
    case Msg::contact_email_field: return "escribe un correo electrónico válido, o déjalo vacío";
    case Msg::version_label_field: return "usa como máximo 40 caracteres (por ejemplo, 2026.1)";
    case Msg::tag_field: return "cada etiqueta lleva de 2 a 50 caracteres; «{}» no";
    case Msg::too_many_tags: return "usa como máximo 20 etiquetas";
    case Msg::group_field: return "no existe el grupo temático «{}»";
    case Msg::invalid_characters: return "el texto contiene caracteres no válidos";
    case Msg::changed_meanwhile:
      return "Alguien cambió este conjunto de datos mientras lo editabas; vuelve a cargarlo para ver sus cambios antes de guardar los tuyos.";
    case Msg::already_published: return "El conjunto de datos ya está publicado.";
    case Msg::publish_needs_resource: return "Agrega al menos un recurso (un archivo o un enlace) antes de publicar.";
    case Msg::version_needs_publication: return "Publica el conjunto de datos antes de abrir una nueva versión.";
    case Msg::version_notes_field: return "di qué cambió en esta versión (máximo 2,000 caracteres)";
    case Msg::resource_name_field: return "escribe un nombre para el recurso (máximo 200 caracteres)";
    case Msg::resource_source_field: return "sube un archivo o escribe un enlace (uno de los dos)";
    case Msg::resource_url_field: return "escribe una dirección que empiece con https:// o http://";
    case Msg::resource_format_field: return "escribe el formato en mayúsculas, de 1 a 12 letras o dígitos (CSV, XLSX, JSON)";
    case Msg::file_empty: return "el archivo está vacío";
    case Msg::file_too_large: return "el archivo pesa más de {} MB; publícalo como enlace";
    case Msg::resource_not_current: return "Solo se retiran recursos de la versión vigente; los de versiones anteriores se conservan.";
    case Msg::catalog_title: return "Datos abiertos de Apertura";
    case Msg::link_check_unprepared: return "no se pudo preparar la consulta";
    case Msg::catalog_description: return "Los conjuntos de datos que publican las instituciones en este portal de gobierno abierto.";
  }
  return "";
}

std::string dataset_status_label_es(DatasetStatus status) {
  return status == DatasetStatus::published ? "Publicado" : "Borrador";
}

std::string frequency_label_es(Frequency frequency) {
  switch (frequency) {
    case Frequency::continuous: return "Continua";
    case Frequency::daily: return "Diaria";
    case Frequency::weekly: return "Semanal";
    case Frequency::monthly: return "Mensual";
    case Frequency::quarterly: return "Trimestral";
    case Frequency::semiannual: return "Semestral";
    case Frequency::annual: return "Anual";
    case Frequency::irregular: return "Sin periodicidad fija";
    case Frequency::never: return "No se actualiza";
  }
  return "";
}

std::string quality_check_label_es(QualityCheck check) {
  switch (check) {
    case QualityCheck::description: return "Una descripción de al menos 80 caracteres";
    case QualityCheck::publisher: return "La institución que lo publica";
    case QualityCheck::contact: return "Un correo de contacto";
    case QualityCheck::period: return "El periodo que cubre";
    case QualityCheck::place: return "El lugar que cubre";
    case QualityCheck::tags: return "Etiquetas";
    case QualityCheck::groups: return "Un grupo temático";
    case QualityCheck::open_format: return "Un recurso en formato abierto (CSV, JSON, XML, ODS…)";
    case QualityCheck::machine_readable: return "Un recurso que un programa lee como datos (no solo PDF o imágenes)";
    case QualityCheck::fresh: return "Actualizado a tiempo según su periodicidad";
    case QualityCheck::links: return "Enlaces que responden";
  }
  return "";
}

std::string field_type_label_es(FieldType type) {
  switch (type) {
    case FieldType::string: return "Texto";
    case FieldType::integer: return "Número entero";
    case FieldType::number: return "Número con decimales";
    case FieldType::boolean: return "Sí o no (true/false)";
    case FieldType::date: return "Fecha";
    case FieldType::datetime: return "Fecha y hora";
  }
  return "";
}

std::string data_error_kind_label_es(DataErrorKind kind) {
  switch (kind) {
    case DataErrorKind::encoding_error: return "Bytes que no son texto";
    case DataErrorKind::source_error: return "El archivo no se lee como CSV";
    case DataErrorKind::blank_header: return "Columnas sin nombre";
    case DataErrorKind::duplicate_header: return "Nombres de columna repetidos";
    case DataErrorKind::too_many_columns: return "Demasiadas columnas";
    case DataErrorKind::extra_cell: return "Filas con más celdas que columnas";
    case DataErrorKind::missing_cell: return "Filas con menos celdas que columnas";
    case DataErrorKind::type_error: return "Celdas de un tipo distinto al de su columna";
  }
  return "";
}

std::string data_error_text_es(const DataError& e) {
  std::string where = e.row > 0 ? "Fila " + std::to_string(e.row) : std::string("El archivo");
  if (e.column > 0) where += ", columna " + std::to_string(e.column);
  if (!e.field.empty()) where += " («" + e.field + "»)";
  switch (e.kind) {
    case DataErrorKind::encoding_error:
      return where + ": el byte " + e.detail + " del archivo no es texto en su juego de caracteres; guárdalo como UTF-8 y súbelo de nuevo.";
    case DataErrorKind::source_error:
      if (e.detail == "open-quote") return where + ": abre comillas que no se cierran.";
      if (e.detail == "long-cell") return where + ": una celda pasa de un megabyte; seguramente faltan unas comillas de cierre.";
      if (e.detail == "empty") return "El archivo está vacío: le falta al menos la fila de encabezados.";
      if (e.detail.rfind("schema:", 0) == 0) return "El esquema no tiene tantos campos como columnas el archivo.";
      return where + ": no se lee como CSV.";
    case DataErrorKind::blank_header: return where + ": la columna no tiene nombre.";
    case DataErrorKind::duplicate_header: return where + ": el nombre «" + e.cell + "» se repite.";
    case DataErrorKind::too_many_columns:
      return "El archivo tiene " + e.detail + " columnas; la tabla consultable admite hasta 1000.";
    case DataErrorKind::extra_cell:
      return where + ": la fila tiene " + e.detail + " celdas, más que columnas el encabezado" +
             (e.cell.empty() ? "" : " (la de más dice «" + e.cell + "»)") +
             "; si un texto lleva comas, debe ir entre comillas.";
    case DataErrorKind::missing_cell:
      return where + ": la fila tiene solo " + e.detail + " celdas, menos que columnas el encabezado.";
    case DataErrorKind::type_error: {
      auto type = parse_field_type(e.detail);
      std::string label = type ? field_type_label_es(*type) : e.detail;
      return where + ": «" + e.cell + "» no es del tipo de la columna: " + label + ".";
    }
  }
  return where;
}

std::string frequency_phrase_es(Frequency frequency) {
  switch (frequency) {
    case Frequency::continuous: return "se actualiza continuamente";
    case Frequency::daily: return "se actualiza cada día";
    case Frequency::weekly: return "se actualiza cada semana";
    case Frequency::monthly: return "se actualiza cada mes";
    case Frequency::quarterly: return "se actualiza cada trimestre";
    case Frequency::semiannual: return "se actualiza cada seis meses";
    case Frequency::annual: return "se actualiza cada año";
    case Frequency::irregular: return "se actualiza sin periodicidad fija";
    case Frequency::never: return "ya no se actualiza";
  }
  return "";
}

}  // namespace apertura::catalog
