#include "plans/plan.h"

#include <algorithm>
#include <cctype>

namespace apertura::plans {

namespace {
template <typename T>
nlohmann::json optional_json(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}
}  // namespace

std::string sector_name(Sector sector) {
  switch (sector) {
    case Sector::government: return "government";
    case Sector::civil_society: return "civil_society";
    case Sector::guarantor: return "guarantor";
  }
  return "government";
}

std::optional<Sector> parse_sector(const std::string& name) {
  for (Sector sector : {Sector::government, Sector::civil_society, Sector::guarantor}) {
    if (sector_name(sector) == name) return sector;
  }
  return std::nullopt;
}

bool SecretariatMember::active_on(const std::string& date) const {
  return starts_on <= date && (!ends_on || ends_on->empty() || *ends_on >= date);
}

Secretariat secretariat_on(int64_t jurisdiction_id, std::vector<SecretariatMember> members, const std::string& today) {
  Secretariat secretariat;
  secretariat.jurisdiction_id = jurisdiction_id;
  secretariat.members = std::move(members);
  for (Sector sector : {Sector::government, Sector::civil_society, Sector::guarantor}) {
    bool present = std::any_of(secretariat.members.begin(), secretariat.members.end(),
                               [&](const auto& m) { return m.sector == sector && m.active_on(today); });
    if (!present) secretariat.missing_sectors.push_back(sector);
  }
  return secretariat;
}

nlohmann::json SecretariatMember::to_json() const {
  return {{"id", id},
          {"jurisdiction_id", jurisdiction_id},
          {"name", name},
          {"sector", sector_name(sector)},
          {"organization", organization},
          {"position", position},
          {"starts_on", starts_on},
          {"ends_on", optional_json(ends_on)},
          {"has_account", user_id.has_value()}};
}

std::string status_name(PlanStatus status) {
  switch (status) {
    case PlanStatus::draft: return "draft";
    case PlanStatus::co_creation: return "co_creation";
    case PlanStatus::published: return "published";
    case PlanStatus::in_progress: return "in_progress";
    case PlanStatus::closed: return "closed";
  }
  return "draft";
}

std::optional<PlanStatus> parse_status(const std::string& name) {
  for (PlanStatus status : {PlanStatus::draft, PlanStatus::co_creation, PlanStatus::published,
                            PlanStatus::in_progress, PlanStatus::closed}) {
    if (status_name(status) == name) return status;
  }
  return std::nullopt;
}

License ActionPlan::license_terms() const { return License::find_or_default(license); }

nlohmann::json ActionPlan::to_json() const {
  return {{"id", id},
          {"jurisdiction_id", jurisdiction_id},
          {"title", title},
          {"starts_on", starts_on},
          {"ends_on", ends_on},
          {"period_exception", period_exception},
          {"status", status_name(status)},
          {"self_assessment", self_assessment},
          {"published_at", optional_json(published_at)},
          {"closed_at", optional_json(closed_at)},
          {"created_at", created_at},
          {"updated_at", updated_at},
          {"license", license}};
}

std::string milestone_status_name(MilestoneStatus status) {
  switch (status) {
    case MilestoneStatus::pending: return "pending";
    case MilestoneStatus::in_progress: return "in_progress";
    case MilestoneStatus::completed: return "completed";
    case MilestoneStatus::cancelled: return "cancelled";
  }
  return "pending";
}

std::optional<MilestoneStatus> parse_milestone_status(const std::string& name) {
  for (MilestoneStatus status : {MilestoneStatus::pending, MilestoneStatus::in_progress,
                                 MilestoneStatus::completed, MilestoneStatus::cancelled}) {
    if (milestone_status_name(status) == name) return status;
  }
  return std::nullopt;
}

bool Milestone::overdue_on(const std::string& date) const {
  return !due_on.empty() && due_on < date && status != MilestoneStatus::completed &&
         status != MilestoneStatus::cancelled;
}

nlohmann::json Milestone::to_json() const {
  return {{"id", id},
          {"commitment_id", commitment_id},
          {"description", description},
          {"responsible", responsible},
          {"due_on", due_on.empty() ? nlohmann::json() : nlohmann::json(due_on)},
          {"weight", weight},
          {"status", milestone_status_name(status)},
          {"completed_on", optional_json(completed_on)}};
}

nlohmann::json Indicator::to_json() const {
  return {{"id", id},
          {"commitment_id", commitment_id},
          {"name", name},
          {"unit", unit},
          {"baseline", optional_json(baseline)},
          {"target", optional_json(target)},
          {"current_value", optional_json(current_value)},
          {"source", source},
          {"measured_on", measured_on.empty() ? nlohmann::json() : nlohmann::json(measured_on)},
          {"bound_measure", bound_measure.empty() ? nlohmann::json() : nlohmann::json(bound_measure)},
          {"bound_institution_id", bound_institution_id ? nlohmann::json(*bound_institution_id) : nlohmann::json()},
          {"list_url", list_url.empty() ? nlohmann::json() : nlohmann::json(list_url)}};
}

nlohmann::json Commitment::to_json() const {
  nlohmann::json milestone_list = nlohmann::json::array();
  for (const auto& m : milestones) milestone_list.push_back(m.to_json());
  nlohmann::json indicator_list = nlohmann::json::array();
  for (const auto& i : indicators) indicator_list.push_back(i.to_json());
  nlohmann::json aim_list = nlohmann::json::array();
  for (char letter : aims) aim_list.push_back(std::string(1, letter));
  return {{"id", id},
          {"plan_id", plan_id},
          {"number", number},
          {"title", title},
          {"problem", problem},
          {"objective", objective},
          {"aims", aim_list},
          {"institution_id", optional_json(institution_id)},
          {"counterpart", counterpart},
          {"starts_on", starts_on.empty() ? nlohmann::json() : nlohmann::json(starts_on)},
          {"ends_on", ends_on.empty() ? nlohmann::json() : nlohmann::json(ends_on)},
          {"progress_method", progress_method == ProgressMethod::weighted ? "weighted" : "even"},
          {"withdrawn_reason", withdrawn_reason},
          {"milestones", milestone_list},
          {"indicators", indicator_list}};
}

std::optional<std::string> normalize_aims(const std::string& text, std::string* bad_letter) {
  std::string letters;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == ')' || c == ';') continue;
    char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower < 'a' || lower > 'n') {
      if (bad_letter) *bad_letter = std::string(1, c);
      return std::nullopt;
    }
    if (letters.find(lower) == std::string::npos) letters.push_back(lower);
  }
  std::sort(letters.begin(), letters.end());
  return letters;
}

}  // namespace apertura::plans
