#pragma once
// A recurso de revisión: the requester appeals an institution's answer (or
// its silence once the response term ran out) to the jurisdiction's
// guarantor, which admits or rejects it, hears both parties' allegations and
// resolves it within the regime's terms; when it revokes or modifies the
// answer, the institution must comply by a date of its own. An appeal is as
// public as the request it comes from, and its steps join the request's history.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace apertura::requests {

enum class AppealStatus {
  filed,                // waiting for the guarantor to admit or reject it
  prevented,            // the guarantor asked the appellant to complete it (prevención), once
  admitted,             // allegations and the resolution term run
  rejected,             // desechado: not admitted
  resolved,             // confirmed or dismissed (sobreseído): nothing left to do
  complying,            // revoked or modified: the institution must comply
  compliance_reported,  // the institution says it complied; the guarantor checks
  complied,
  not_complied,
};
// The grounds of the law (LGTAIP 2015 art. 143, 2025 art. 145, same fractions).
enum class AppealGround {
  classification,         // I
  inexistence,            // II
  incompetence,           // III
  incomplete,             // IV
  not_matching,           // V: what was delivered is not what was asked
  no_answer,              // VI
  other_delivery_mode,    // VII
  inaccessible_format,    // VIII
  costs_or_times,         // IX
  not_processed,          // X
  consultation_refused,   // XI
  insufficient_grounds,   // XII
};
enum class AppealResult { confirm, revoke, modify, dismiss };

std::string_view appeal_status_name(AppealStatus status);
std::optional<AppealStatus> parse_appeal_status(std::string_view name);
std::string_view ground_name(AppealGround ground);
std::optional<AppealGround> parse_ground(std::string_view name);
std::string_view appeal_result_name(AppealResult result);
std::optional<AppealResult> parse_appeal_result(std::string_view name);
// Every ground, in the law's order.
const std::vector<AppealGround>& all_grounds();
// Whether the guarantor or the institution still has something to do.
bool is_open(AppealStatus status);

struct Appeal {
  int64_t id = 0;
  std::string number;  // "RR-2026-SSJ-000123": the request's folio after "RR-"
  int64_t request_id = 0;
  int64_t jurisdiction_id = 0;
  int64_t institution_id = 0;
  AppealGround ground = AppealGround::no_answer;
  std::string reasons;
  std::string filed_at;
  std::string received_on;     // the business day it counts as received
  std::string filing_due_on;   // the last day it could have been filed
  AppealStatus status = AppealStatus::filed;
  std::string prevented_on;       // "" unless the guarantor asked to complete it
  std::string prevention_due_on;  // the appellant's last day to complete it
  std::string admitted_on;
  std::string allegations_due_on;  // the parties' last day for allegations; "" when the regime sets none
  std::string resolution_due_on;
  bool extended = false;           // the resolution term was extended (once)
  std::optional<AppealResult> result;
  std::string resolved_on;         // resolved, or rejected
  bool resolved_late = false;
  std::string compliance_due_on;
  std::string compliance_reported_on;
  bool compliance_late = false;
  std::string created_at;
  std::string updated_at;
  int64_t version = 0;

  // The last day of the term running now ("" while none runs: waiting for
  // admission, or for the guarantor to check a compliance).
  std::string running_due_on() const;
  // The folio of the request it comes from.
  std::string folio() const { return number.size() > 3 ? number.substr(3) : ""; }
  nlohmann::json to_json() const;
};

}  // namespace apertura::requests
