#include "requests/messages.h"

namespace apertura::requests {

std::string_view text(Msg message) {
  switch (message) {
    case Msg::cost_simple_pages: return "Copias simples: {} hojas, las primeras {} sin costo";
    case Msg::cost_certified_pages: return "Copias certificadas: {} hojas";
    case Msg::cost_media: return "Discos o memorias USB";
    case Msg::cost_shipping: return "Envío por correo";
    case Msg::cost_free_late:
      return "La respuesta llegó fuera de plazo: la reproducción y el envío corren a cargo de la institución.";
    case Msg::cost_waived: return "La Unidad de Transparencia exentó el pago: {}";
    case Msg::quantity_field: return "escribe un número entero de 0 a 100,000";
    case Msg::waiver_field: return "explica en hasta 300 caracteres por qué se exenta el pago";
    case Msg::cost_only_when_delivering:
      return "solo una respuesta que entrega información (completa, en parte o en versión pública) tiene costo de reproducción";
    case Msg::no_fee_schedule:
      return "No hay cuotas de reproducción registradas para {} en {}; un administrador debe registrarlas en «Cuotas de reproducción».";
    case Msg::cost_to_pay_suffix: return " Costo de reproducción: {}; puede pagarse hasta el {}.";
    case Msg::cost_free_suffix: return " La reproducción no tiene costo; la información queda disponible hasta el {}.";
    case Msg::cost_not_found: return "La solicitud {} no tiene costo de reproducción.";
    case Msg::cost_action_field: return "elige el paso: registrar el pago o la entrega";
    case Msg::cost_step_refused: return "Ese paso no es posible ahora: el costo está «{}».";
    case Msg::cost_changed_meanwhile:
      return "El costo de esta solicitud cambió mientras lo consultabas; vuelve a cargar la página para ver su estado.";
    case Msg::payment_too_late: return "El plazo para pagar venció el {}; la solicitud quedó concluida sin pago.";
    case Msg::payment_reference_field: return "escribe el número del comprobante de pago (hasta 120 caracteres)";
    case Msg::paid_event: return "Se registró el pago de {} (comprobante {}). La información queda disponible hasta el {}.";
    case Msg::collected_event: return "Quien solicita recibió la información reproducida.";
    case Msg::unpaid_event:
      return "No se pagó la reproducción a más tardar el {}; la solicitud se concluye y el material reproducido puede destruirse. Puede presentarse una nueva solicitud.";
    case Msg::fee_year_field: return "escribe un año entre 2000 y 2100";
    case Msg::fee_price_field: return "escribe el precio en pesos, como 2.50 (hasta 100,000)";
    case Msg::fee_instructions_field: return "explica en hasta 2,000 caracteres dónde y cómo se paga";
    case Msg::fee_changed_meanwhile:
      return "Las cuotas cambiaron mientras las editabas; vuelve a cargar la página y repite el cambio.";
    case Msg::appeal_prevent_once: return "El órgano garante solo puede prevenir una vez a quien recurre.";
    case Msg::appeal_prevented_event:
      return "Se previno a quien recurre para que complete su recurso a más tardar el {}; mientras tanto no corre el plazo para resolverlo. {}";
    case Msg::appeal_completed_event: return "Quien recurre completó su recurso: {}";
    case Msg::appeal_prevention_over:
      return "El plazo para completar el recurso venció el {}; el órgano garante lo desechará.";
    case Msg::appeal_prevention_running:
      return "Quien recurre puede completar el recurso hasta el {}; solo después puede desecharse por no hacerlo.";
    case Msg::redacted_file_field: return "adjunta la versión testada del documento";
    case Msg::redacted_file_event:
      return "Se testaron datos personales en el documento «{}»: {}. Se publica su versión testada; el original no es público.";
    case Msg::clarification_moved_event: return "El plazo para aclarar la solicitud pasó del {} al {}: {}.";
    case Msg::topic_field: return "elige un tema de la lista";
    case Msg::topic_filter_field: return "tema desconocido";
    case Msg::proof_failed:
      return "no pudimos comprobar que eres una persona: responde con un número la pregunta de comprobación";
    case Msg::proof_expired:
      return "la comprobación de este formulario venció o ya se usó: responde la nueva pregunta y envíalo otra vez";
    case Msg::request_not_found: return "No existe la solicitud con folio {}.";
    case Msg::regime_not_found: return "No existe el régimen {}.";
    case Msg::no_regime_in_force:
      return "No hay un régimen legal en vigor el {} para esta jurisdicción; un administrador debe registrarlo.";
    case Msg::institution_field: return "elige al menos una institución";
    case Msg::too_many_institutions: return "una solicitud puede dirigirse a 33 instituciones como máximo";
    case Msg::description_field: return "describe la información que buscas (entre 10 y 10,000 caracteres)";
    case Msg::location_field: return "usa como máximo 2,000 caracteres";
    case Msg::name_field: return "usa como máximo 200 caracteres";
    case Msg::contact_field: return "escribe un correo válido, de hasta 200 caracteres";
    case Msg::contact_needed: return "para recibir avisos por correo, escribe tu correo";
    case Msg::delivery_field: return "elige cómo quieres recibir la información";
    case Msg::notify_by_field: return "elige cómo quieres recibir los avisos";
    case Msg::channel_field: return "elige por dónde llegó la solicitud";
    case Msg::capture_own_institution: return "solo puedes capturar solicitudes dirigidas a tu institución";
    case Msg::not_clarified_event:
      return "Quien solicita no aclaró la solicitud a más tardar el {}; la solicitud se tiene por no presentada. Puede presentarse de nuevo.";
    case Msg::system_label: return "Plazos del portal";
    case Msg::institution_filter_not_number: return "La institución debe ser un número.";
    case Msg::institution_filter_field: return "escribe el número de la institución";
    case Msg::outcome_filter_field: return "sentido de respuesta desconocido";
    case Msg::date_filter_field: return "escribe la fecha como AAAA-MM-DD";
    case Msg::year_filter_field: return "year debe ser un año entre 2000 y 2100";
    case Msg::status_filter_field: return "estado desconocido";
    case Msg::code_field: return "usa de 3 a 60 letras minúsculas, cifras o guiones";
    case Msg::code_taken: return "ya hay un régimen con esta clave";
    case Msg::regime_name_field: return "escribe el nombre de la ley (máximo 300 caracteres)";
    case Msg::effective_from_field: return "escribe la fecha de entrada en vigor (AAAA-MM-DD)";
    case Msg::effective_to_field: return "escribe la fecha en que dejó de aplicar (AAAA-MM-DD), posterior a la entrada en vigor, o déjala vacía";
    case Msg::guarantor_field: return "escribe quién resuelve los recursos (máximo 1,000 caracteres)";
    case Msg::legal_basis_field: return "escribe el fundamento: la publicación oficial y sus artículos (máximo 4,000 caracteres)";
    case Msg::utc_offset_field: return "escribe la diferencia con UTC en minutos, entre -720 y 840";
    case Msg::term_field: return "escribe un número entero de 0 a 365";
    case Msg::regime_changed_meanwhile:
      return "Alguien cambió este régimen mientras tanto; vuelve a cargarlo para ver sus cambios antes de guardar los tuyos.";
    case Msg::closed_from_field: return "escribe el primer día (AAAA-MM-DD)";
    case Msg::closed_to_field: return "escribe el último día (AAAA-MM-DD), igual o posterior al primero";
    case Msg::closed_kind_field: return "elige día inhábil o suspensión de plazos";
    case Msg::closed_basis_field: return "escribe dónde se publicó (acuerdo, fecha de publicación; máximo 1,000 caracteres)";
    case Msg::closed_span_field: return "un periodo puede abarcar 366 días como máximo";
    case Msg::filed_event: return "Solicitud recibida el {}; plazo de respuesta: {} días hábiles.";
    case Msg::due_moved_event: return "El plazo de respuesta pasó del {} al {}: {}.";
    case Msg::not_your_institution: return "Solo el personal de la institución a la que se dirigió atiende esta solicitud.";
    case Msg::action_field: return "elige pedir aclaración, ampliar el plazo, avisar incompetencia o responder";
    case Msg::action_text_field: return "escribe el texto para quien solicita (entre 10 y 20,000 caracteres)";
    case Msg::outcome_field: return "elige el sentido de la respuesta";
    case Msg::reference_field: return "escribe el número o la fecha de la resolución del Comité de Transparencia (máximo 300 caracteres)";
    case Msg::not_open: return "La solicitud ya no está en trámite ({}); no admite este paso.";
    case Msg::clarify_once: return "Solo se puede pedir aclarar una solicitud una vez.";
    case Msg::clarify_too_late: return "El plazo para pedir que se aclare la solicitud venció el {} ({} días hábiles desde que se recibió).";
    case Msg::extend_once: return "El plazo ya se amplió una vez; la ley no permite otra ampliación.";
    case Msg::extend_too_late: return "La ampliación debe notificarse antes de que venza el plazo, y venció el {}.";
    case Msg::request_changed_meanwhile:
      return "Alguien atendió esta solicitud mientras tanto; vuelve a cargarla para ver su estado antes de seguir.";
    case Msg::key_wrong: return "La clave no corresponde a esta solicitud. Es la que recibiste al presentarla.";
    case Msg::not_waiting_clarification: return "Esta solicitud no espera una aclaración.";
    case Msg::clarification_too_late:
      return "El plazo para aclarar venció el {}; la solicitud se tiene por no presentada. Puedes presentarla de nuevo.";
    case Msg::clarification_requested_event:
      return "La institución pidió aclarar la solicitud: {} Quien solicita tiene hasta el {} para responder; mientras tanto el plazo de respuesta se interrumpe.";
    case Msg::clarified_event: return "Quien solicita aclaró: {} El plazo de respuesta vuelve a contar desde el día siguiente y vence el {}.";
    case Msg::extended_event:
      return "El Comité de Transparencia amplió el plazo {} días hábiles (resolución {}): {} La respuesta vence el {}.";
    case Msg::not_competent_event: return "La institución avisó que no es competente: {}";
    case Msg::answered_event: return "{}: {}";
    case Msg::late_suffix: return " (fuera de plazo: vencía el {})";
    case Msg::filed_mail_subject: return "Recibimos tu solicitud {}";
    case Msg::filed_mail_body:
      return "Tu solicitud a {} tiene el folio {}. Se tiene por recibida el {} y la respuesta vence el {}.\n\n"
             "Si la institución te pide aclararla, responde en su página con esta clave: {}\n\n"
             "Consulta la solicitud y su historia en {}\n";
    case Msg::unit_filed_mail_subject: return "Nueva solicitud de información {}";
    case Msg::unit_filed_mail_body:
      return "Llegó la solicitud {} a {}; la respuesta vence el {}.\n\n{}\n\nAtiéndela en {}\n";
    case Msg::step_mail_subject: return "Solicitud {}: {}";
    case Msg::step_mail_body: return "{}\n\nConsulta la solicitud y su historia en {}\n";
    case Msg::due_soon_mail_subject: return "Solicitudes de {} que vencen en 3 días hábiles o menos: {}";
    case Msg::due_soon_mail_body:
      return "Estas solicitudes en trámite vencen pronto o ya vencieron (días hábiles):\n\n{}\nTodas las solicitudes por atender: {}\n";
    case Msg::overdue_days: return "venció hace {}";
    case Msg::due_today: return "vence hoy";
    case Msg::days_left: return "quedan {}";
    case Msg::files_only_with_answer: return "los archivos se adjuntan al responder o al informar el cumplimiento de una resolución";
    case Msg::too_many_files: return "adjunta como máximo {} archivos";
    case Msg::file_refused: return "el archivo «{}» no se aceptó: {}";
    case Msg::file_not_found: return "No existe ese archivo de la solicitud.";
    case Msg::one_business_day: return "1 día hábil";
    case Msg::business_days: return "{} días hábiles";
    case Msg::filing_rate_limited:
      return "Recibimos muchas solicitudes desde esta conexión en poco tiempo. Espera una hora e inténtalo de nuevo; "
             "si necesitas presentar muchas, acude a la unidad de transparencia o escríbele.";
    case Msg::institution_rate_limited:
      return "Esta institución recibió hoy más solicitudes por el portal de las que podemos registrar sin revisar. "
             "Inténtalo mañana o preséntala directamente en su unidad de transparencia.";
    case Msg::waiting_suffix: return " (espera la aclaración de quien solicita)";
    case Msg::committee_suffix: return " Resolución del Comité de Transparencia: {}.";
    case Msg::requester_label: return "Quien solicita";
    case Msg::appeal_not_yet: return "Todavía no procede el recurso: la institución tiene hasta el {} para responder.";
    case Msg::appeal_not_possible: return "Esta solicitud no admite recurso de revisión ({}).";
    case Msg::appeal_too_late: return "El plazo para interponer el recurso de revisión venció el {}.";
    case Msg::appeal_exists: return "Esta solicitud ya tiene el recurso de revisión {}.";
    case Msg::appeal_not_found: return "La solicitud {} no tiene recurso de revisión.";
    case Msg::ground_field: return "elige de la lista el motivo del recurso";
    case Msg::ground_no_answer_only: return "la institución no ha respondido: el motivo es la falta de respuesta en el plazo";
    case Msg::ground_answered: return "la institución ya respondió: elige el motivo que corresponde a su respuesta";
    case Msg::reasons_field: return "explica por qué recurres la respuesta (entre 10 y 20,000 caracteres)";
    case Msg::appeal_filed_event: return "Quien solicita interpuso un recurso de revisión ante {}. Motivo: {}. {}";
    case Msg::not_guarantor: return "Solo el órgano garante de la jurisdicción atiende sus recursos.";
    case Msg::appeal_action_field: return "elige un paso válido para el recurso";
    case Msg::appeal_step_refused: return "El recurso está «{}»: ese paso no procede ahora.";
    case Msg::appeal_changed_meanwhile: return "El recurso cambió mientras lo revisabas; vuelve a cargar la página para ver su estado.";
    case Msg::appeal_admitted_event: return "El órgano garante admitió el recurso. Las partes pueden presentar alegatos hasta el {}; el recurso debe resolverse a más tardar el {}. {}";
    case Msg::appeal_admitted_no_allegations_event: return "El órgano garante admitió el recurso; debe resolverse a más tardar el {}. {}";
    case Msg::appeal_rejected_event: return "El órgano garante desechó el recurso: {}";
    case Msg::appeal_extend_once: return "El plazo para resolver el recurso ya se amplió una vez.";
    case Msg::appeal_extend_too_late: return "El plazo para resolver el recurso venció el {}; ya no puede ampliarse.";
    case Msg::appeal_extended_event: return "El órgano garante amplió el plazo para resolver el recurso hasta el {}: {}";
    case Msg::appeal_result_field: return "elige el sentido de la resolución";
    case Msg::appeal_resolved_event: return "El órgano garante resolvió el recurso: {}. {}";
    case Msg::compliance_due_suffix: return " La institución debe cumplir a más tardar el {}.";
    case Msg::allegations_closed: return "El plazo de alegatos terminó el {}.";
    case Msg::not_party: return "Solo quien solicita (con su clave) o la institución pueden presentar alegatos.";
    case Msg::allegation_event: return "Alegatos de {}: {}";
    case Msg::compliance_reported_event: return "La institución informó cómo cumplió la resolución: {}";
    case Msg::complied_field: return "indica si la institución cumplió la resolución";
    case Msg::complied_event: return "El órgano garante verificó que la institución cumplió la resolución. {}";
    case Msg::not_complied_event: return "El órgano garante determinó que la institución no cumplió la resolución. {}";
    case Msg::guarantor_institution_field: return "elige una institución de esa jurisdicción";
    case Msg::redaction_target_field: return "elige qué texto testar: la descripción, los datos para encontrarla, un paso de la historia o las razones del recurso";
    case Msg::redaction_event_field: return "elige el paso de la historia que quieres testar";
    case Msg::redaction_text_field: return "escribe el texto completo ya testado (entre {} y {} caracteres)";
    case Msg::redaction_unchanged: return "el texto testado es igual al original: reemplaza los datos personales por [testado]";
    case Msg::redaction_reason_field: return "di qué datos personales se testaron (entre 5 y 300 caracteres)";
    case Msg::redacted_event: return "Se testaron datos personales en {}: {}. El texto original no es público.";
    case Msg::measure_on_time_share: return "Solicitudes respondidas en plazo (% de las respondidas)";
    case Msg::measure_received: return "Solicitudes recibidas";
    case Msg::measure_median_days: return "Mediana de días hábiles para responder";
    case Msg::measure_appeals_changed_share: return "Recursos resueltos en que el garante revocó o modificó la respuesta (%)";
    case Msg::unit_percent: return "%";
    case Msg::unit_requests: return "solicitudes";
    case Msg::unit_business_days: return "días hábiles";
    case Msg::not_your_jurisdiction: return "Solo los administradores de esa jurisdicción pueden elegir su órgano garante.";
  }
  return "";
}

std::string status_label_es(RequestStatus status) {
  switch (status) {
    case RequestStatus::received: return "En trámite";
    case RequestStatus::clarification_requested: return "Se pidió aclarar la solicitud";
    case RequestStatus::extended: return "Plazo ampliado";
    case RequestStatus::answered: return "Respondida";
    case RequestStatus::not_competent: return "No es de esta institución";
    case RequestStatus::not_filed: return "Tenida por no presentada";
  }
  return "";
}

std::string delivery_label_es(Delivery delivery) {
  switch (delivery) {
    case Delivery::electronic: return "Entrega electrónica";
    case Delivery::copies: return "Copias simples";
    case Delivery::certified_copies: return "Copias certificadas";
    case Delivery::consultation: return "Consulta directa en la oficina";
  }
  return "";
}

std::string notify_by_label_es(NotifyBy notify_by) {
  switch (notify_by) {
    case NotifyBy::portal: return "En este portal";
    case NotifyBy::email: return "Por correo electrónico";
    case NotifyBy::in_person: return "En la Unidad de Transparencia";
  }
  return "";
}

std::string channel_label_es(Channel channel) {
  switch (channel) {
    case Channel::web: return "Portal";
    case Channel::in_person: return "En persona";
    case Channel::phone: return "Por teléfono";
    case Channel::mail: return "Por correo postal";
    case Channel::email: return "Por correo electrónico";
  }
  return "";
}

std::string outcome_label_es(Outcome outcome) {
  switch (outcome) {
    case Outcome::delivered: return "Se entregó la información";
    case Outcome::partial: return "Se entregó una parte";
    case Outcome::classified: return "Información clasificada (con versión pública o en parte)";
    case Outcome::inexistent: return "Inexistente, según el Comité de Transparencia";
    case Outcome::already_public: return "Ya era pública: se indicó dónde consultarla";
  }
  return "";
}

std::string appeal_status_label_es(AppealStatus status) {
  switch (status) {
    case AppealStatus::filed: return "En espera de admisión";
    case AppealStatus::prevented: return "Prevenido: quien recurre debe completarlo";
    case AppealStatus::admitted: return "Admitido, en trámite";
    case AppealStatus::rejected: return "Desechado";
    case AppealStatus::resolved: return "Resuelto";
    case AppealStatus::complying: return "Resuelto; la institución debe cumplir";
    case AppealStatus::compliance_reported: return "Cumplimiento informado, en revisión";
    case AppealStatus::complied: return "Resolución cumplida";
    case AppealStatus::not_complied: return "Resolución incumplida";
  }
  return "";
}

std::string ground_label_es(AppealGround ground) {
  switch (ground) {
    case AppealGround::classification: return "Clasificación de la información";
    case AppealGround::inexistence: return "Declaración de inexistencia";
    case AppealGround::incompetence: return "Declaración de incompetencia";
    case AppealGround::incomplete: return "Información incompleta";
    case AppealGround::not_matching: return "La información entregada no corresponde con lo solicitado";
    case AppealGround::no_answer: return "Falta de respuesta en el plazo";
    case AppealGround::other_delivery_mode: return "Entrega en una modalidad o formato distinto al solicitado";
    case AppealGround::inaccessible_format: return "Formato incomprensible o no accesible";
    case AppealGround::costs_or_times: return "Costos o tiempos de entrega";
    case AppealGround::not_processed: return "Falta de trámite de la solicitud";
    case AppealGround::consultation_refused: return "Negativa a permitir la consulta directa";
    case AppealGround::insufficient_grounds: return "Falta o deficiencia de fundamentación o motivación";
  }
  return "";
}

std::string appeal_result_label_es(AppealResult result) {
  switch (result) {
    case AppealResult::confirm: return "confirma la respuesta";
    case AppealResult::revoke: return "revoca la respuesta";
    case AppealResult::modify: return "modifica la respuesta";
    case AppealResult::dismiss: return "sobresee el recurso";
  }
  return "";
}

std::string redaction_target_label_es(const std::string& target) {
  if (target == "description") return "la descripción de la solicitud";
  if (target == "location_hint") return "los datos para encontrar la información";
  if (target == "appeal_reasons") return "las razones del recurso";
  return "un paso de la historia";
}

std::string cost_status_label_es(CostStatus status) {
  switch (status) {
    case CostStatus::awaiting_payment: return "Por pagar";
    case CostStatus::available: return "Disponible para recoger";
    case CostStatus::collected: return "Entregada";
    case CostStatus::unpaid: return "Concluida sin pago";
  }
  return "";
}

std::string term_label_es(TermKind term) {
  switch (term) {
    case TermKind::response: return "Plazo de respuesta";
    case TermKind::extension: return "Ampliación del plazo (con aprobación del Comité de Transparencia)";
    case TermKind::clarification_issue: return "Plazo para pedir que se aclare la solicitud";
    case TermKind::clarification_answer: return "Plazo de quien solicita para aclarar";
    case TermKind::incompetence: return "Aviso de notoria incompetencia";
    case TermKind::already_public: return "Aviso de que la información ya es pública";
    case TermKind::classification: return "Clasificación por el Comité de Transparencia";
    case TermKind::inexistence: return "Declaración de inexistencia por el Comité de Transparencia";
    case TermKind::payment: return "Plazo para pagar la reproducción";
    case TermKind::availability: return "Tiempo que la información queda disponible tras el pago";
    case TermKind::free_pages: return "Hojas simples sin costo";
    case TermKind::appeal_filing: return "Plazo para interponer el recurso de revisión";
    case TermKind::appeal_resolution: return "Plazo para resolver el recurso";
    case TermKind::appeal_extension: return "Ampliación del plazo para resolver el recurso";
    case TermKind::appeal_compliance: return "Plazo para cumplir la resolución";
    case TermKind::appeal_allegations: return "Plazo de las partes para alegatos en el recurso";
    case TermKind::appeal_prevention: return "Plazo de quien recurre para completar el recurso si se le previene";
  }
  return "";
}

std::string day_off_label_es(const SkippedDay& day) {
  switch (day.kind) {
    case DayOff::weekend: return "sábado o domingo";
    case DayOff::statutory: return "día de descanso obligatorio (Ley Federal del Trabajo, art. 74 fr. " + day.detail + ")";
    case DayOff::non_working: return "día inhábil del calendario del garante (" + day.detail + ")";
    case DayOff::suspension: return "suspensión de plazos (" + day.detail + ")";
  }
  return "";
}

}  // namespace apertura::requests
