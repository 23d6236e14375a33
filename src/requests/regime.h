#pragma once
// A legal regime: the terms of the access-to-information procedure in force
// in a jurisdiction from a date (a general law, or a state's own law), as
// data an admin can amend. A request keeps the regime in force on the day it
// was received. Facts not checked against the official text stay
// `verified = false` and the pages say so.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace apertura::requests {

// The terms of a regime. Each is a number of business days, except
// free_pages (pages delivered free) and classification / inexistence (0: the
// committee resolves within the response term).
enum class TermKind {
  response,
  extension,
  clarification_issue,
  clarification_answer,
  incompetence,
  already_public,
  classification,
  inexistence,
  payment,
  availability,
  free_pages,
  appeal_filing,
  appeal_resolution,
  appeal_extension,
  appeal_compliance,
  appeal_allegations,  // the parties' allegations once an appeal is admitted
  appeal_prevention,   // the appellant's time to complete an appeal the guarantor found wanting
};

const std::vector<TermKind>& all_terms();
std::string_view term_name(TermKind term);
std::optional<TermKind> parse_term(std::string_view name);

struct Term {
  int value = 0;
  std::string article;  // "134", "140-141"; "" when not known
};

struct Regime {
  int64_t id = 0;
  std::string code;               // "lgtaip-2025"
  std::string name;
  std::string jurisdiction_code;  // INEGI code; "" for every jurisdiction without its own
  std::string effective_from;     // ISO date
  std::string effective_to;       // ISO date, "" while in force
  std::string guarantor;          // who resolves appeals
  std::string legal_basis;
  bool verified = false;
  int utc_offset_minutes = -360;  // the jurisdiction's clock, to tell the day a request arrived
  std::map<TermKind, Term> terms;
  std::string created_at;
  std::string updated_at;
  int64_t version = 0;

  const Term& term(TermKind kind) const;
  int days(TermKind kind) const { return term(kind).value; }
  bool in_force_on(const std::string& date) const;
  nlohmann::json terms_json() const;
  nlohmann::json to_json() const;
};

// The terms in `json` ({"response": {"value": 20, "article": "134"}, ...}),
// or the name of the first term that is missing or malformed. A term added
// after a regime was stored (appeal_allegations, appeal_prevention) may be
// missing: it reads as absent, and the regime's page asks for it.
struct ParsedTerms {
  std::map<TermKind, Term> terms;
  std::string problem;  // the term's name, "" when all are there
};
ParsedTerms parse_terms(const nlohmann::json& json);

}  // namespace apertura::requests
