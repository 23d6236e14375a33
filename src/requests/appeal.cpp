#include "requests/appeal.h"

#include <array>
#include <utility>
#include <vector>

#include "core/enum_names.h"

namespace apertura::requests {

namespace {

constexpr std::array<std::pair<AppealStatus, std::string_view>, 9> kStatuses{{
    {AppealStatus::filed, "filed"},
    {AppealStatus::prevented, "prevented"},
    {AppealStatus::admitted, "admitted"},
    {AppealStatus::rejected, "rejected"},
    {AppealStatus::resolved, "resolved"},
    {AppealStatus::complying, "complying"},
    {AppealStatus::compliance_reported, "compliance_reported"},
    {AppealStatus::complied, "complied"},
    {AppealStatus::not_complied, "not_complied"},
}};
constexpr std::array<std::pair<AppealGround, std::string_view>, 12> kGrounds{{
    {AppealGround::classification, "classification"},
    {AppealGround::inexistence, "inexistence"},
    {AppealGround::incompetence, "incompetence"},
    {AppealGround::incomplete, "incomplete"},
    {AppealGround::not_matching, "not_matching"},
    {AppealGround::no_answer, "no_answer"},
    {AppealGround::other_delivery_mode, "other_delivery_mode"},
    {AppealGround::inaccessible_format, "inaccessible_format"},
    {AppealGround::costs_or_times, "costs_or_times"},
    {AppealGround::not_processed, "not_processed"},
    {AppealGround::consultation_refused, "consultation_refused"},
    {AppealGround::insufficient_grounds, "insufficient_grounds"},
}};
constexpr std::array<std::pair<AppealResult, std::string_view>, 4> kResults{{
    {AppealResult::confirm, "confirm"},
    {AppealResult::revoke, "revoke"},
    {AppealResult::modify, "modify"},
    {AppealResult::dismiss, "dismiss"},
}};

nlohmann::json date_or_null(const std::string& date) { return date.empty() ? nlohmann::json() : nlohmann::json(date); }

}  // namespace

std::string_view appeal_status_name(AppealStatus status) { return name_of(kStatuses, status); }
std::optional<AppealStatus> parse_appeal_status(std::string_view name) { return parse_name(kStatuses, name); }
std::string_view ground_name(AppealGround ground) { return name_of(kGrounds, ground); }
std::optional<AppealGround> parse_ground(std::string_view name) { return parse_name(kGrounds, name); }
std::string_view appeal_result_name(AppealResult result) { return name_of(kResults, result); }
std::optional<AppealResult> parse_appeal_result(std::string_view name) { return parse_name(kResults, name); }

const std::vector<AppealGround>& all_grounds() {
  static const std::vector<AppealGround> grounds = [] {
    std::vector<AppealGround> list;
    for (const auto& [ground, name] : kGrounds) list.push_back(ground);
    return list;
  }();
  return grounds;
}

bool is_open(AppealStatus status) {
  return status == AppealStatus::filed || status == AppealStatus::prevented || status == AppealStatus::admitted ||
         status == AppealStatus::complying || status == AppealStatus::compliance_reported;
}

std::string Appeal::running_due_on() const {
  if (status == AppealStatus::prevented) return prevention_due_on;
  if (status == AppealStatus::admitted) return resolution_due_on;
  if (status == AppealStatus::complying) return compliance_due_on;
  return "";
}

nlohmann::json Appeal::to_json() const {
  return {{"number", number},
          {"ground", ground_name(ground)},
          {"reasons", reasons},
          {"filed_at", filed_at},
          {"received_on", received_on},
          {"filing_due_on", filing_due_on},
          {"status", appeal_status_name(status)},
          {"prevented_on", date_or_null(prevented_on)},
          {"prevention_due_on", date_or_null(prevention_due_on)},
          {"admitted_on", date_or_null(admitted_on)},
          {"allegations_due_on", date_or_null(allegations_due_on)},
          {"resolution_due_on", date_or_null(resolution_due_on)},
          {"extended", extended},
          {"result", result ? nlohmann::json(appeal_result_name(*result)) : nlohmann::json()},
          {"resolved_on", date_or_null(resolved_on)},
          {"resolved_late", resolved_late},
          {"compliance_due_on", date_or_null(compliance_due_on)},
          {"compliance_reported_on", date_or_null(compliance_reported_on)},
          {"compliance_late", compliance_late},
          {"updated_at", updated_at},
          {"version", version}};
}

}  // namespace apertura::requests
