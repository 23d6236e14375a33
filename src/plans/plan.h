#pragma once
// The action-plan cycle of the 2015 declaration: each jurisdiction's Technical
// Tripartite Secretariat (government, civil society, guarantor body)
// co-creates a one-year local action plan of exactly five concrete, feasible
// and measurable commitments; each commitment is followed through dated
// milestones and indicators with a baseline and a target.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/license.h"

namespace apertura::plans {

enum class Sector { government, civil_society, guarantor };
std::string sector_name(Sector sector);
std::optional<Sector> parse_sector(const std::string& name);

struct SecretariatMember {
  int64_t id = 0;
  int64_t jurisdiction_id = 0;
  std::string name;
  Sector sector = Sector::government;
  std::string organization;
  std::string position;  // role in the secretariat ("coordinación", "enlace", ...)
  std::string starts_on;
  std::optional<std::string> ends_on;
  // The member's account on this portal, when they have one: civil-society
  // members validate evidence with it.
  std::optional<int64_t> user_id;

  bool active_on(const std::string& date) const;
  nlohmann::json to_json() const;
};

// A secretariat is constituted only while every sector has an active member.
struct Secretariat {
  int64_t jurisdiction_id = 0;
  std::vector<SecretariatMember> members;
  std::vector<Sector> missing_sectors;  // sectors with no active member today
  bool constituted() const { return missing_sectors.empty(); }
};
// The secretariat those members make up on `today`.
Secretariat secretariat_on(int64_t jurisdiction_id, std::vector<SecretariatMember> members, const std::string& today);

enum class PlanStatus { draft, co_creation, published, in_progress, closed };
std::string status_name(PlanStatus status);
std::optional<PlanStatus> parse_status(const std::string& name);

struct ActionPlan {
  int64_t id = 0;
  int64_t jurisdiction_id = 0;
  std::string title;
  std::string starts_on;
  std::string ends_on;
  std::string period_exception;  // why a period is not one year (admins only)
  PlanStatus status = PlanStatus::draft;
  std::string self_assessment;
  std::optional<std::string> published_at;
  std::optional<std::string> closed_at;
  std::string created_at;
  std::string updated_at;
  std::string license = "CC-BY-4.0";  // an id of License::offered()

  // Its licence's title and address (CC BY 4.0 for an id no longer offered).
  License license_terms() const;
  nlohmann::json to_json() const;
};

enum class MilestoneStatus { pending, in_progress, completed, cancelled };
std::string milestone_status_name(MilestoneStatus status);
std::optional<MilestoneStatus> parse_milestone_status(const std::string& name);

struct Milestone {
  int64_t id = 0;
  int64_t commitment_id = 0;
  std::string description;
  std::string responsible;
  std::string due_on;  // "" when not dated yet
  int weight = 1;
  MilestoneStatus status = MilestoneStatus::pending;
  std::optional<std::string> completed_on;
  int64_t version = 0;  // bumped by every change; a change on an older copy is a conflict

  bool overdue_on(const std::string& date) const;
  nlohmann::json to_json() const;
};

struct Indicator {
  int64_t id = 0;
  int64_t commitment_id = 0;
  std::string name;
  std::string unit;
  std::optional<double> baseline;
  std::optional<double> target;
  std::optional<double> current_value;
  std::string source;
  std::string measured_on;
  int64_t version = 0;  // bumped by every change; a change on an older copy is a conflict
  // A figure the platform computes (a MeasureCatalog key), "" when typed by
  // hand; then current_value and measured_on are computed when read, and
  // list_url shows the records behind them.
  std::string bound_measure = "";
  std::optional<int64_t> bound_institution_id = std::nullopt;
  std::string list_url = "";

  nlohmann::json to_json() const;
};

enum class ProgressMethod { even, weighted };

struct Commitment {
  int64_t id = 0;
  int64_t plan_id = 0;
  int number = 0;  // 1 to 5
  std::string title;
  std::string problem;
  std::string objective;
  std::string aims;  // letters of the declaration's aims, "a" to "n", sorted: "aek"
  std::optional<int64_t> institution_id;
  std::string counterpart;  // the civil-society organisation that co-owns it
  std::string starts_on;
  std::string ends_on;
  ProgressMethod progress_method = ProgressMethod::even;
  std::string withdrawn_reason;
  int64_t version = 0;  // bumped by every change; a change on an older copy is a conflict
  std::vector<Milestone> milestones;
  std::vector<Indicator> indicators;

  nlohmann::json to_json() const;  // with milestones and indicators
};

// "a, e" -> "ae"; nullopt names the first letter that is not an aim.
std::optional<std::string> normalize_aims(const std::string& text, std::string* bad_letter = nullptr);

}  // namespace apertura::plans
