#include "plans/messages.h"

namespace apertura::plans {

std::string_view text(Msg message) {
  switch (message) {
    case Msg::plan_not_found: return "No existe el plan de acción {}.";
    case Msg::default_plan_title: return "Plan de acción local {} {}";
    case Msg::title_too_long: return "El título es demasiado largo.";
    case Msg::at_most_300: return "usa como máximo 300 caracteres";
    case Msg::plan_exists: return "Ya hay un plan de {} que empieza el {}.";
    case Msg::plan_exists_field: return "ya existe un plan con esa fecha de inicio";
    case Msg::no_next_status: return "ninguno: el plan concluyó";
    case Msg::one_step_at_a_time: return "Un plan avanza un paso a la vez; desde «{}» el siguiente es {}.";
    case Msg::cannot_move_to: return "no se puede pasar a {}";
    case Msg::not_publishable: return "El plan no se puede publicar todavía: le faltan {} elementos.";
    case Msg::self_assessment_needed: return "Para concluir el plan escribe la autoevaluación de fin de periodo.";
    case Msg::self_assessment_field: return "describe qué se logró y qué no";
    case Msg::status_changed_meanwhile:
      return "Alguien cambió el estado de este plan mientras tanto; vuelve a cargarlo para ver en qué estado quedó.";

    case Msg::start_date_format: return "escribe la fecha de inicio como AAAA-MM-DD";
    case Msg::end_date_format: return "escribe la fecha de término como AAAA-MM-DD";
    case Msg::must_end_after_start: return "El plan debe terminar después de empezar.";
    case Msg::end_after_start_field: return "debe ser posterior al inicio";
    case Msg::plan_lasts_a_year: return "Un plan de acción dura un año: del {} al {}.";
    case Msg::plan_lasts_a_year_field:
      return "el plan debe durar un año; solo la administración puede registrar otra duración";
    case Msg::other_period_reason: return "Un plan de acción dura un año; para otra duración escribe el motivo.";
    case Msg::other_period_reason_field: return "explica por qué el periodo no es de un año";

    case Msg::missing_commitment: return "falta el compromiso {}";
    case Msg::exactly_five: return "un plan tiene exactamente cinco compromisos; hay {}";
    case Msg::commitment_lacks: return "compromiso {}: {}";
    case Msg::lacks_title: return "falta el título";
    case Msg::lacks_problem: return "falta el problema público que atiende";
    case Msg::lacks_objective: return "falta el objetivo";
    case Msg::lacks_aims: return "elige al menos un fin de la declaración (a-n)";
    case Msg::lacks_institution: return "falta la institución responsable";
    case Msg::lacks_counterpart: return "falta la contraparte de la sociedad civil";
    case Msg::lacks_dates: return "faltan las fechas de inicio y término";
    case Msg::dates_outside_period: return "las fechas deben quedar dentro del periodo del plan ({} a {})";
    case Msg::lacks_indicator: return "necesita al menos un indicador con línea base y meta";
    case Msg::lacks_milestones: return "necesita al menos dos hitos con fecha";

    case Msg::commitment_not_found: return "No existe el compromiso {}.";
    case Msg::only_responsible_institution:
      return "Solo la institución responsable de este compromiso puede modificarlo.";
    case Msg::commitment_number_range: return "el número del compromiso va del 1 al 5";
    case Msg::commitment_title_field: return "escribe el título (máximo 300 caracteres)";
    case Msg::at_most_10000: return "usa como máximo 10,000 caracteres";
    case Msg::invalid_characters: return "el texto contiene caracteres no válidos";
    case Msg::not_an_aim: return "«{}» no es un fin de la declaración; usa letras de la a a la n";
    case Msg::date_format: return "escribe la fecha como AAAA-MM-DD";
    case Msg::within_plan_period: return "debe quedar dentro del periodo del plan ({} a {})";
    case Msg::not_before_start: return "no puede ser anterior al inicio";
    case Msg::progress_method_field: return "usa even (hitos iguales) o weighted (por peso)";
    case Msg::institution_of_jurisdiction: return "elige una institución de la jurisdicción del plan";
    case Msg::commitment_number_taken: return "El plan ya tiene un compromiso número {}.";
    case Msg::pick_other_number: return "elige otro número del 1 al 5";
    case Msg::commitments_while_editable:
      return "Los compromisos solo se agregan mientras el plan está en borrador o en co-creación.";
    case Msg::five_commitments_already: return "El plan ya tiene sus cinco compromisos.";
    case Msg::published_commitment_frozen:
      return "Un compromiso publicado ya no se modifica; se informa su avance con hitos e indicadores.";
    case Msg::only_admin_changes_institution: return "Solo la administración cambia la institución responsable.";
    case Msg::withdraw_when_published:
      return "Solo se retira un compromiso de un plan publicado o en implementación; antes, modifícalo.";
    case Msg::already_withdrawn: return "Este compromiso ya se retiró; su motivo está a la vista en su página.";
    case Msg::explain_withdrawal: return "Explica por qué se retira el compromiso.";
    case Msg::withdrawal_reason_field: return "escribe el motivo (máximo 2,000 caracteres)";
    case Msg::commitment_changed_meanwhile:
      return "Alguien modificó este compromiso mientras tanto; vuelve a cargarlo y revisa sus cambios antes de guardar "
             "los tuyos.";

    case Msg::milestone_changed_meanwhile:
      return "Alguien informó el avance de este hito mientras tanto; vuelve a cargarlo para ver su estado.";
    case Msg::indicator_changed_meanwhile:
      return "Alguien registró un valor de este indicador mientras tanto; vuelve a cargarlo para ver el último.";
    case Msg::milestones_before_publishing: return "Los hitos se definen antes de publicar el plan.";
    case Msg::milestone_description_field: return "describe el hito (máximo 2,000 caracteres)";
    case Msg::milestone_due_field: return "la fecha (AAAA-MM-DD) debe quedar dentro del periodo del plan";
    case Msg::weight_field: return "el peso es un número entero de 0 a 100";
    case Msg::milestone_not_found: return "No existe el hito {}.";
    case Msg::progress_when_published: return "El avance se informa cuando el plan está publicado o en implementación.";
    case Msg::pick_valid_status: return "Elige un estado válido.";
    case Msg::milestone_status_field: return "pending, in_progress, completed o cancelled";
    case Msg::completion_date_invalid: return "La fecha de cumplimiento no es válida.";
    case Msg::completion_date_field: return "escribe una fecha AAAA-MM-DD que no sea futura";
    case Msg::indicators_before_publishing: return "Los indicadores se definen antes de publicar el plan.";
    case Msg::measure_field: return "elige de la lista el dato del portal con que se calcula";
    case Msg::measure_institution_field: return "elige una institución de la jurisdicción del plan";
    case Msg::bound_source: return "{}, calculado con los datos de este portal";
    case Msg::bound_not_typed: return "Este indicador se calcula con los datos del portal; su valor no se escribe a mano.";
    case Msg::indicator_name_field: return "escribe el nombre del indicador (máximo 300 caracteres)";
    case Msg::number_field: return "escribe un número (por ejemplo 12.5)";
    case Msg::indicator_not_found: return "No existe el indicador {}.";
    case Msg::values_when_published:
      return "Los valores se registran cuando el plan está publicado o en implementación.";
    case Msg::measured_on_field: return "escribe la fecha de medición AAAA-MM-DD (no futura)";

    case Msg::member_name_field: return "escribe el nombre (máximo 200 caracteres)";
    case Msg::member_sector_field: return "elige gobierno, sociedad civil u órgano garante";
    case Msg::member_organization_field: return "escribe la organización o dependencia";
    case Msg::member_end_field: return "la fecha de término (AAAA-MM-DD) no puede ser anterior al inicio";
    case Msg::member_account_field: return "no hay una cuenta con ese correo; pide a la persona que se registre primero";
    case Msg::session_place_field: return "escribe el lugar o el enlace";
    case Msg::session_agenda_field: return "escribe el orden del día";
    case Msg::session_minutes_field: return "la minuta es demasiado larga (máximo 100,000 caracteres)";
    case Msg::session_not_found: return "No existe la sesión {}.";
    case Msg::agreement_description_field: return "describe el acuerdo (máximo 2,000 caracteres)";
    case Msg::agreement_owner_field: return "escribe quién es responsable";
    case Msg::agreement_due_field: return "escribe la fecha límite como AAAA-MM-DD";
    case Msg::agreement_not_found: return "No existe el acuerdo {}.";
    case Msg::document_title_field: return "describe el documento (máximo 300 caracteres)";
    case Msg::document_not_found: return "No existe el documento {}.";
    case Msg::document_file_missing: return "El archivo de este documento no está disponible.";

    case Msg::describe_evidence: return "Describe la evidencia.";
    case Msg::evidence_title_field: return "escribe un título de hasta 300 caracteres";
    case Msg::link_invalid: return "El enlace no es válido.";
    case Msg::link_field: return "escribe una dirección que empiece con https://";
    case Msg::no_such_process: return "No hay un proceso de contratación con ese identificador.";
    case Msg::process_field: return "escribe el OCID de un proceso publicado en Apertura";
    case Msg::only_civil_society_validates:
      return "Solo quienes integran por la sociedad civil el secretariado de esta jurisdicción validan su evidencia; "
             "pide a la administración que vincule tu cuenta a tu lugar en el secretariado.";
    case Msg::verdict_field: return "elige validada o impugnada";
    case Msg::contest_reason_field: return "explica por qué la impugnas";
    case Msg::at_most_2000: return "usa como máximo 2,000 caracteres";
    case Msg::evidence_not_found: return "No existe la evidencia {}.";
    case Msg::evidence_is_a_link: return "Esta evidencia es un enlace, no un archivo.";
    case Msg::evidence_file_missing: return "El archivo de esta evidencia no está disponible.";
    case Msg::evidence_changed_meanwhile:
      return "Alguien validó o impugnó esta evidencia mientras tanto; vuelve a cargarla para ver su estado.";
  }
  return "";
}

std::string sector_label_es(Sector sector) {
  switch (sector) {
    case Sector::government: return "Gobierno";
    case Sector::civil_society: return "Sociedad civil";
    case Sector::guarantor: return "Órgano garante";
  }
  return "";
}

std::string status_label_es(PlanStatus status) {
  switch (status) {
    case PlanStatus::draft: return "Borrador";
    case PlanStatus::co_creation: return "En co-creación";
    case PlanStatus::published: return "Publicado";
    case PlanStatus::in_progress: return "En implementación";
    case PlanStatus::closed: return "Concluido";
  }
  return "";
}

std::string milestone_status_label_es(MilestoneStatus status) {
  switch (status) {
    case MilestoneStatus::pending: return "Pendiente";
    case MilestoneStatus::in_progress: return "En curso";
    case MilestoneStatus::completed: return "Cumplido";
    case MilestoneStatus::cancelled: return "Cancelado";
  }
  return "";
}

std::string completion_label_es(CompletionLevel level) {
  switch (level) {
    case CompletionLevel::not_started: return "Sin iniciar";
    case CompletionLevel::limited: return "Limitado";
    case CompletionLevel::substantial: return "Sustancial";
    case CompletionLevel::complete: return "Completo";
    case CompletionLevel::withdrawn: return "Retirado";
  }
  return "";
}

const std::vector<std::pair<char, std::string>>& declaration_aims() {
  static const std::vector<std::pair<char, std::string>> aims = {
      {'a', "Transparentar las contrataciones públicas"},
      {'b', "Fortalecer la Alianza para el Gobierno Abierto"},
      {'c', "Promover el derecho de acceso a la información"},
      {'d', "Incrementar la información disponible"},
      {'e', "Transparentar la asignación y el ejercicio de recursos públicos"},
      {'f', "Rendición de cuentas e integridad en el servicio público"},
      {'g', "Participación ciudadana vinculante"},
      {'h', "Órganos consultivos e innovación ciudadana"},
      {'i', "Retroalimentación en línea y fuera de línea"},
      {'j', "Herramientas de innovación y co-creación"},
      {'k', "Lenguaje ciudadano y datos abiertos"},
      {'l', "Infografías y materiales que acercan la norma"},
      {'m', "Colaboración para resolver problemas públicos"},
      {'n', "Gestión documental y archivos"},
  };
  return aims;
}

}  // namespace apertura::plans
