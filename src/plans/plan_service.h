#pragma once
// Action plans, their five commitments, milestones and indicators: one
// function per thing a user does. The rules are in plan_rules.h; on top:
// - admins create plans and commitments and move plans through their states;
// - admins, and officials of the commitment's responsible institution, edit
//   commitments (while the plan is a draft or in co-creation) and report
//   progress (milestone status, indicator values) once it is published;
// - a commitment's institution must belong to the plan's jurisdiction;
//   numbers 1 to 5 are unique within a plan;
// - every change is audited and public.
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "jurisdictions/jurisdiction_service.h"
#include "plans/indicator_measures.h"
#include "plans/plan.h"
#include "plans/plan_rules.h"
#include "store/database.h"

namespace apertura::plans {

struct PlanInput {
  std::string title;
  std::string starts_on;
  std::string ends_on;
  std::string period_exception;
  std::string license;  // an id of License::offered(); "" for the default, CC BY 4.0
};

struct CommitmentInput {
  std::string number;
  std::string title;
  std::string problem;
  std::string objective;
  std::string aims;  // "a, e, k"
  std::string institution_id;
  std::string counterpart;
  std::string starts_on;
  std::string ends_on;
  std::string progress_method;  // "even" (default) or "weighted"
};

struct MilestoneInput {
  std::string description;
  std::string responsible;
  std::string due_on;
  std::string weight;  // default 1
};

struct IndicatorInput {
  std::string name;
  std::string unit;
  std::string baseline;
  std::string target;
  std::string source;
  // To compute it from the platform's data: a MeasureCatalog key, and
  // optionally an institution of the plan's jurisdiction (as typed).
  std::string measure = "";
  std::string measure_institution = "";
};

struct PlanDocument {
  ActionPlan plan;
  std::vector<Commitment> commitments;
};

// What an actor may do with a plan now: what the pages offer, decided by the
// same rules the service applies when they try.
struct PlanAbilities {
  std::optional<PlanStatus> next_status;  // the one step they may move it to
  bool add_commitment = false;
};

// The same for one commitment.
struct CommitmentAbilities {
  bool responsible = false;  // an admin of its jurisdiction or its institution's official
  bool edit = false;         // its text, milestones and indicators (the plan is still open)
  bool report = false;       // progress on its milestones and indicators (the plan is published)
  bool withdraw = false;
};

// One line of the national overview.
struct JurisdictionProgress {
  jurisdictions::Jurisdiction jurisdiction;
  std::optional<ActionPlan> plan;  // the newest one that is not a draft, else the newest
  double average_progress = 0;     // 0 to 1 over the plan's commitments
  int overdue_milestones = 0;
  bool constituted = false;        // the secretariat, on the overview's day
};

class PlanService {
 public:
  PlanService(store::Database& database, jurisdictions::JurisdictionService& jurisdictions)
      : database_(database), jurisdictions_(jurisdictions) {}

  Result<ActionPlan> create_plan(const Actor& actor, const std::string& jurisdiction, const PlanInput& input);
  Result<std::vector<ActionPlan>> plans_of(const std::string& jurisdiction);
  std::vector<ActionPlan> plans_in(int64_t jurisdiction_id);
  // The jurisdiction a plan belongs to (its pages link back to it).
  std::optional<jurisdictions::Jurisdiction> jurisdiction_of(const ActionPlan& plan);
  Result<PlanDocument> plan(int64_t plan_id);
  // Moves the plan to `target`, which must be its next state.
  Result<ActionPlan> change_status(const Actor& actor, int64_t plan_id, const std::string& target,
                                   const std::string& self_assessment);

  Result<Commitment> add_commitment(const Actor& actor, int64_t plan_id, const CommitmentInput& input);
  Result<Commitment> update_commitment(const Actor& actor, int64_t commitment_id, const CommitmentInput& input);
  Result<Commitment> commitment(int64_t commitment_id);
  PlanAbilities abilities(const Actor& actor, const PlanDocument& document) const;
  CommitmentAbilities abilities(const Actor& actor, const ActionPlan& plan, const Commitment& commitment) const;
  // Whether the actor may change the members of a jurisdiction's secretariat.
  bool may_manage_secretariat(const Actor& actor, int64_t jurisdiction_id) const;
  // The jurisdiction of the plan a commitment belongs to; nullopt when there
  // is no such commitment.
  std::optional<int64_t> commitment_jurisdiction(int64_t commitment_id);
  // Admins withdraw a published commitment, with the reason shown beside it.
  Result<Commitment> withdraw_commitment(const Actor& actor, int64_t commitment_id, const std::string& reason);

  Result<Milestone> add_milestone(const Actor& actor, int64_t commitment_id, const MilestoneInput& input);
  Result<Milestone> report_milestone(const Actor& actor, int64_t milestone_id, const std::string& status,
                                     const std::string& completed_on);
  // Whether the actor may report on the milestone now (the same rules as
  // report_milestone); the plan's jurisdiction when so.
  Result<int64_t> check_reporting(const Actor& actor, int64_t milestone_id);
  // The jurisdiction of the plan a milestone belongs to.
  std::optional<int64_t> jurisdiction_of_milestone(int64_t milestone_id);
  Result<Indicator> add_indicator(const Actor& actor, int64_t commitment_id, const IndicatorInput& input);
  Result<Indicator> record_indicator(const Actor& actor, int64_t indicator_id, const std::string& value,
                                     const std::string& measured_on);

  // States and the federation (municipalities have their own pages), in a
  // fixed number of queries whatever the number of jurisdictions.
  std::vector<JurisdictionProgress> overview(const std::string& today);
  // The institutions that may be responsible for a commitment of the plan.
  std::vector<jurisdictions::Institution> institutions_for(const ActionPlan& plan);
  // The figures indicators can be bound to; other domains add theirs.
  MeasureCatalog& measures() { return measures_; }
  // The responsible institution's name, "" when none or unknown.
  std::string institution_name(std::optional<int64_t> institution_id);

 private:
  struct Context {
    ActionPlan plan;
    Commitment commitment;
  };
  Result<Context> context_for(int64_t commitment_id);
  std::optional<Error> check_commitment_access(const Actor& actor, const Context& context, bool reporting) const;
  Result<Commitment> validate(const ActionPlan& plan, const CommitmentInput& input, Commitment commitment);
  Result<Commitment> save_commitment(const Actor& actor, const ActionPlan& plan, Commitment commitment,
                                     nlohmann::json before);

  // Bound indicators' current values, computed for the plan's period up to today.
  void compute_bound(const ActionPlan& plan, std::vector<Commitment>& commitments) const;

  store::Database& database_;
  jurisdictions::JurisdictionService& jurisdictions_;
  MeasureCatalog measures_;
};

}  // namespace apertura::plans
