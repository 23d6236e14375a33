#include "money/contracting/process_views.h"

#include <map>

#include "core/date_text.h"
#include "money/contracting/contracting_views.h"
#include "money/ocds/json_access.h"
#include "money/ocds/process_summary.h"
#include "web/downloads.h"

namespace apertura::money {

namespace {

using nlohmann::json;

constexpr int64_t kChangesShown = 200;

std::string label_from(const std::map<std::string_view, const char*>& labels, std::string_view code) {
  auto found = labels.find(code);
  if (found != labels.end()) return found->second;
  return code.empty() ? "Sin dato" : std::string(code);
}

// An OCDS value object as money for people.
std::string value_text(const json& value) {
  return money_text(amount_of(field(value, "amount")), text_of(field(value, "currency")));
}

// A date as the page shows it: the text, and the ISO date for <time datetime>.
json when(const std::string& date) { return {{"text", date_es(date)}, {"iso", iso_date_part(date)}}; }

std::string names_of(const json& organizations) {
  std::string names;
  for (const auto& organization : organizations) {
    std::string name = text_of(field(organization, "name"));
    if (name.empty()) name = text_of(field(organization, "id"));
    if (!name.empty()) names += (names.empty() ? "" : "; ") + name;
  }
  return names;
}

json documents_of(const json& object, const std::string& stage) {
  json out = json::array();
  for (const auto& document : array_field(object, "documents")) {
    std::string url = text_of(field(document, "url"));
    std::string title = text_of(field(document, "title"));
    if (title.empty()) title = document_type_label(text_of(field(document, "documentType")));
    out.push_back({{"title", title},
                   {"stage", stage},
                   {"url", url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0 ? url : ""},
                   {"published", when(text_of(field(document, "datePublished")))}});
  }
  return out;
}

json tender_view(const json& tender) {
  if (!tender.is_object()) return nullptr;
  const json& period = field(tender, "tenderPeriod");
  json items = json::array();
  for (const auto& item : array_field(tender, "items")) {
    std::string description = text_of(field(item, "description"));
    if (description.empty()) description = text_of(field(field(item, "classification"), "description"));
    const json& quantity = field(item, "quantity");
    items.push_back({{"description", description}, {"quantity", quantity.is_number() ? quantity.dump() : ""}});
  }
  const json& tenderers = field(tender, "numberOfTenderers");
  return {{"title", text_of(field(tender, "title"))},
          {"procuring_entity", text_of(field(field(tender, "procuringEntity"), "name"))},
          {"period", date_range_es(text_of(field(period, "startDate")), text_of(field(period, "endDate")))},
          {"estimate", value_text(field(tender, "value"))},
          {"tenderers", tenderers.is_number() ? tenderers.dump() : ""},
          {"items", items},
          {"has_items", !items.empty()}};
}

json bids_view(const json& compiled) {
  json out = json::array();
  for (const auto& bid : array_field(field(compiled, "bids"), "details")) {
    out.push_back({{"tenderers", names_of(array_field(bid, "tenderers"))},
                   {"amount_text", value_text(field(bid, "value"))},
                   {"status", bid_status_label(text_of(field(bid, "status")))},
                   {"date", when(text_of(field(bid, "date")))}});
  }
  return out;
}

json awards_view(const json& compiled) {
  json out = json::array();
  for (const auto& award : array_field(compiled, "awards")) {
    if (!award.is_object()) continue;
    out.push_back({{"id", text_of(field(award, "id"))},
                   {"suppliers", names_of(array_field(award, "suppliers"))},
                   {"status", award_status_label(text_of(field(award, "status")))},
                   {"date", when(text_of(field(award, "date")))},
                   {"amount_text", value_text(field(award, "value"))}});
  }
  return out;
}

json contracts_view(const json& compiled) {
  json out = json::array();
  for (const auto& contract : array_field(compiled, "contracts")) {
    if (!contract.is_object()) continue;
    json amendments = json::array();
    for (const auto& amendment : array_field(contract, "amendments")) {
      std::string why = text_of(field(amendment, "rationale"));
      if (why.empty()) why = text_of(field(amendment, "description"));
      amendments.push_back({{"date", when(text_of(field(amendment, "date")))}, {"rationale", why}});
    }
    json payments = json::array();
    for (const auto& transaction : array_field(field(contract, "implementation"), "transactions")) {
      payments.push_back({{"date", when(text_of(field(transaction, "date")))},
                          {"amount_text", value_text(field(transaction, "value"))},
                          {"payer", text_of(field(field(transaction, "payer"), "name"))},
                          {"payee", text_of(field(field(transaction, "payee"), "name"))}});
    }
    const json& period = field(contract, "period");
    std::string title = text_of(field(contract, "title"));
    out.push_back({{"id", text_of(field(contract, "id"))},
                   {"title", title.empty() ? "Contrato " + text_of(field(contract, "id")) : title},
                   {"status", contract_status_label(text_of(field(contract, "status")))},
                   {"signed", when(text_of(field(contract, "dateSigned")))},
                   {"period", date_range_es(text_of(field(period, "startDate")), text_of(field(period, "endDate")))},
                   {"amount_text", value_text(field(contract, "value"))},
                   {"amendments", amendments},
                   {"has_amendments", !amendments.empty()},
                   {"payments", payments},
                   {"has_payments", !payments.empty()}});
  }
  return out;
}

std::string short_value(const json& value) {
  if (value.is_null()) return "—";
  if (value.is_string()) return value.get<std::string>();
  std::string dumped = value.dump();
  return dumped.size() > 160 ? dumped.substr(0, 157) + "..." : dumped;
}

json timeline_view(const ProcessDetail& detail) {
  json releases = json::array();
  for (const auto& r : detail.releases) {
    json tags = json::parse(r.tags, nullptr, false);
    std::string tag_text;
    if (tags.is_array()) {
      for (const auto& t : tags) {
        tag_text += (tag_text.empty() ? "" : ", ") + release_tag_label(t.is_string() ? t.get<std::string>() : t.dump());
      }
    }
    json release = {{"id", r.release_id},
                    {"date", when(r.date)},
                    {"tags", tag_text.empty() ? "Entrega" : tag_text},
                    {"publisher", r.publisher_name}};
    // A later copy of one release with other content: its number for people (2 for the second).
    if (r.copy_number > 0) release["copy"] = r.copy_number + 1;
    releases.push_back(std::move(release));
  }
  return releases;
}

}  // namespace

std::string award_status_label(std::string_view status) {
  static const std::map<std::string_view, const char*> labels = {
      {"pending", "Pendiente"}, {"active", "Vigente"}, {"cancelled", "Cancelada"}, {"unsuccessful", "Desierta"}};
  return label_from(labels, status);
}

std::string contract_status_label(std::string_view status) {
  static const std::map<std::string_view, const char*> labels = {
      {"pending", "Por firmar"}, {"active", "Vigente"}, {"cancelled", "Cancelado"}, {"terminated", "Terminado"}};
  return label_from(labels, status);
}

std::string bid_status_label(std::string_view status) {
  static const std::map<std::string_view, const char*> labels = {{"invited", "Invitada"},
                                                                 {"pending", "En evaluación"},
                                                                 {"valid", "Válida"},
                                                                 {"disqualified", "Descalificada"},
                                                                 {"withdrawn", "Retirada"}};
  return label_from(labels, status);
}

std::string release_tag_label(std::string_view tag) {
  static const std::map<std::string_view, const char*> labels = {
      {"planning", "Planeación"},
      {"planningUpdate", "Planeación actualizada"},
      {"tender", "Convocatoria"},
      {"tenderAmendment", "Convocatoria modificada"},
      {"tenderUpdate", "Convocatoria actualizada"},
      {"tenderCancellation", "Convocatoria cancelada"},
      {"award", "Adjudicación"},
      {"awardUpdate", "Adjudicación actualizada"},
      {"awardCancellation", "Adjudicación cancelada"},
      {"contract", "Contrato"},
      {"contractUpdate", "Contrato actualizado"},
      {"contractAmendment", "Convenio modificatorio"},
      {"implementation", "Ejecución"},
      {"implementationUpdate", "Ejecución actualizada"},
      {"contractTermination", "Contrato terminado"},
      {"compiled", "Compilada"}};
  return label_from(labels, tag);
}

std::string document_type_label(std::string_view type) {
  static const std::map<std::string_view, const char*> labels = {
      {"tenderNotice", "Convocatoria"},
      {"awardNotice", "Fallo"},
      {"contractNotice", "Aviso de contrato"},
      {"contractSigned", "Contrato firmado"},
      {"contractAnnexe", "Anexo del contrato"},
      {"technicalSpecifications", "Especificaciones técnicas"},
      {"biddingDocuments", "Bases de la licitación"},
      {"evaluationReports", "Dictamen de evaluación"},
      {"clarifications", "Junta de aclaraciones"},
      {"completionCertificate", "Acta de entrega"},
      {"physicalProgressReport", "Informe de avance físico"},
      {"financialProgressReport", "Informe de avance financiero"}};
  return label_from(labels, type.empty() ? "Documento" : type);
}

json process_page_data(const ProcessDetail& detail) {
  const json& compiled = detail.compiled;
  json changes = json::array();
  for (const auto& c : detail.changes) {
    if (static_cast<int64_t>(changes.size()) >= kChangesShown) break;
    changes.push_back({{"date", when(c.date)}, {"release_id", c.release_id}, {"path", c.path},
                       {"before", short_value(c.before)}, {"after", short_value(c.after)}});
  }
  json documents = documents_of(field(compiled, "tender"), "Licitación");
  for (const auto& award : array_field(compiled, "awards")) {
    for (auto& document : documents_of(award, "Adjudicación")) documents.push_back(std::move(document));
  }
  for (const auto& contract : array_field(compiled, "contracts")) {
    for (auto& document : documents_of(contract, "Contrato")) documents.push_back(std::move(document));
  }
  json tender = tender_view(field(compiled, "tender"));
  json bids = bids_view(compiled);
  json awards = awards_view(compiled);
  json contracts = contracts_view(compiled);
  const std::string* description = string_field(field(compiled, "tender"), "description");
  json process = process_view(detail.row);
  if (detail.row.jurisdiction_id) process["jurisdiction_id"] = *detail.row.jurisdiction_id;
  return {{"title", detail.row.title.empty() ? detail.row.ocid : detail.row.title},
          {"breadcrumbs", json::array({{{"label", "Contrataciones"}, {"url", "/contrataciones"}}})},
          {"process", process},
          {"description", description ? *description : ""},
          {"tender", tender},
          {"bids", bids},
          {"has_bids", !bids.empty()},
          {"awards", awards},
          {"has_awards", !awards.empty()},
          {"contracts", contracts},
          {"has_contracts", !contracts.empty()},
          {"documents", documents},
          {"has_documents", !documents.empty()},
          {"releases", timeline_view(detail)},
          {"changes", changes},
          {"has_changes", !changes.empty()},
          {"compiled_by_publisher", detail.compiled_by_publisher},
          {"changes_total", detail.changes.size()},
          {"compiled_url", "/api/v1/processes/" + detail.row.ocid},
          {"record_url", "/api/v1/ocds/records?ocid=" + detail.row.ocid},
          {"license", web::license_json(detail.license)}};
}

}  // namespace apertura::money
