#pragma once
// The open-data catalog's sentences for people, in one table (messages.cpp):
// datasets, resources and versions, and the labels of frequencies and states.
#include <string>
#include <string_view>

#include "catalog/dataset.h"
#include "catalog/datastore/datastore_table.h"
#include "catalog/quality.h"
#include "core/messages.h"

namespace apertura::catalog {

enum class Msg {
  dataset_not_found,
  resource_not_found,
  group_not_found,
  publisher_not_found,
  sign_in_to_publish,
  title_field,
  slug_field,
  slug_taken,
  slug_taken_field,
  description_field,
  institution_field,
  own_institution_only,
  frequency_field,
  date_field,
  temporal_order,
  at_most_200,
  contact_email_field,
  version_label_field,
  tag_field,
  too_many_tags,
  group_field,
  invalid_characters,
  changed_meanwhile,
  already_published,
  publish_needs_resource,
  version_needs_publication,
  version_notes_field,
  resource_name_field,
  resource_source_field,
  resource_url_field,
  resource_format_field,
  file_empty,
  file_too_large,
  resource_not_current,
  catalog_title,
  catalog_description,
  link_check_unprepared,
  datastore_none,
  datastore_not_csv,
  datastore_field_unknown,
  datastore_filter_value,
  datastore_sort,
  datastore_type_field,
  datastore_type_count,
  datastore_search_invalid,
  datastore_limit,
  datastore_offset,
};

// The Spanish sentence, with {} where values go.
std::string_view text(Msg message);

template <typename... Values>
std::string say(Msg message, const Values&... values) {
  return fill_in(text(message), values...);
}

// "Borrador", "Publicado".
std::string dataset_status_label_es(DatasetStatus status);
// "Mensual", "Anual", "Sin periodicidad fija".
std::string frequency_label_es(Frequency frequency);
// As a sentence goes on: "se actualiza cada mes", "ya no se actualiza".
std::string frequency_phrase_es(Frequency frequency);
// "Texto", "Número entero", "Fecha".
std::string field_type_label_es(FieldType type);
// A validation error as a sentence: "Fila 12, columna «monto»: «N/D» no es un número."
std::string data_error_text_es(const DataError& error);
// What a validation error's kind means, for the report's totals: "Celdas de un tipo distinto al de su columna".
std::string data_error_kind_label_es(DataErrorKind kind);
// What a quality check asks: "Correo de contacto".
std::string quality_check_label_es(QualityCheck check);

}  // namespace apertura::catalog
