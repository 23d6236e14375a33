#include "requests/regime.h"

namespace apertura::requests {

namespace {
constexpr std::pair<TermKind, std::string_view> kNames[] = {
    {TermKind::response, "response"},
    {TermKind::extension, "extension"},
    {TermKind::clarification_issue, "clarification_issue"},
    {TermKind::clarification_answer, "clarification_answer"},
    {TermKind::incompetence, "incompetence"},
    {TermKind::already_public, "already_public"},
    {TermKind::classification, "classification"},
    {TermKind::inexistence, "inexistence"},
    {TermKind::payment, "payment"},
    {TermKind::availability, "availability"},
    {TermKind::free_pages, "free_pages"},
    {TermKind::appeal_filing, "appeal_filing"},
    {TermKind::appeal_resolution, "appeal_resolution"},
    {TermKind::appeal_extension, "appeal_extension"},
    {TermKind::appeal_compliance, "appeal_compliance"},
    {TermKind::appeal_allegations, "appeal_allegations"},
    {TermKind::appeal_prevention, "appeal_prevention"},
};
}  // namespace

const std::vector<TermKind>& all_terms() {
  static const std::vector<TermKind> terms = [] {
    std::vector<TermKind> list;
    for (const auto& [kind, name] : kNames) list.push_back(kind);
    return list;
  }();
  return terms;
}

std::string_view term_name(TermKind term) {
  for (const auto& [kind, name] : kNames) {
    if (kind == term) return name;
  }
  return "";
}

std::optional<TermKind> parse_term(std::string_view name) {
  for (const auto& [kind, known] : kNames) {
    if (known == name) return kind;
  }
  return std::nullopt;
}

const Term& Regime::term(TermKind kind) const {
  static const Term none;
  auto found = terms.find(kind);
  return found == terms.end() ? none : found->second;
}

bool Regime::in_force_on(const std::string& date) const {
  return effective_from <= date && (effective_to.empty() || date <= effective_to);
}

nlohmann::json Regime::terms_json() const {
  nlohmann::json json = nlohmann::json::object();
  for (const auto& [kind, term] : terms) json[std::string(term_name(kind))] = {{"value", term.value}, {"article", term.article}};
  return json;
}

nlohmann::json Regime::to_json() const {
  return {{"id", id},
          {"code", code},
          {"name", name},
          {"jurisdiction_code", jurisdiction_code.empty() ? nlohmann::json() : nlohmann::json(jurisdiction_code)},
          {"effective_from", effective_from},
          {"effective_to", effective_to.empty() ? nlohmann::json() : nlohmann::json(effective_to)},
          {"guarantor", guarantor},
          {"legal_basis", legal_basis},
          {"verified", verified},
          {"utc_offset_minutes", utc_offset_minutes},
          {"terms", terms_json()},
          {"version", version},
          {"updated_at", updated_at}};
}

ParsedTerms parse_terms(const nlohmann::json& json) {
  ParsedTerms parsed;
  for (TermKind kind : all_terms()) {
    std::string name(term_name(kind));
    const nlohmann::json* entry = json.is_object() && json.contains(name) ? &json.at(name) : nullptr;
    bool added_later = kind == TermKind::appeal_allegations || kind == TermKind::appeal_prevention;
    if (!entry && added_later) continue;  // see the header
    if (!entry || !entry->is_object() || !entry->contains("value") || !entry->at("value").is_number_integer() ||
        entry->at("value").get<int64_t>() < 0 || entry->at("value").get<int64_t>() > 365 ||
        (entry->contains("article") && !entry->at("article").is_string())) {
      parsed.problem = name;
      return parsed;
    }
    parsed.terms[kind] = Term{static_cast<int>(entry->at("value").get<int64_t>()),
                              entry->value("article", std::string())};
  }
  return parsed;
}

}  // namespace apertura::requests
