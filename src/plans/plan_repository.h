#pragma once
// SQL for secretariats, action plans, commitments, milestones and indicators.
#include <optional>
#include <vector>

#include "plans/plan.h"
#include "store/connection.h"

namespace apertura::plans {

class SecretariatRepository {
 public:
  static std::vector<SecretariatMember> members(store::Connection& c, int64_t jurisdiction_id);
  // Every jurisdiction's members, ordered by jurisdiction (for the national overview).
  static std::vector<SecretariatMember> all_members(store::Connection& c);
  static int64_t insert(store::Connection& c, const SecretariatMember& member);
  // Whether the account is an active member of the jurisdiction's secretariat for that sector.
  static bool is_active_member(store::Connection& c, int64_t jurisdiction_id, int64_t user_id, Sector sector,
                               const std::string& today);
};

class PlanRepository {
 public:
  static int64_t insert(store::Connection& c, const ActionPlan& plan);
  static std::optional<ActionPlan> find(store::Connection& c, int64_t id);
  // Newest first.
  static std::vector<ActionPlan> for_jurisdiction(store::Connection& c, int64_t jurisdiction_id);
  static std::vector<ActionPlan> all(store::Connection& c);
  // Writes the plan's new status only if it still has status `from`; false
  // when another change came first (nothing is written then).
  static bool update_status(store::Connection& c, const ActionPlan& plan, PlanStatus from);
};

class CommitmentRepository {
 public:
  static int64_t insert(store::Connection& c, const Commitment& commitment);
  // Writes the commitment only if it still has `commitment.version` (and bumps
  // it); false when another change came first (nothing is written then).
  static bool update(store::Connection& c, const Commitment& commitment);
  // With milestones and indicators.
  static std::optional<Commitment> find(store::Connection& c, int64_t id);
  // The commitments of several plans, with their milestones and indicators, in three queries.
  static std::vector<Commitment> for_plans(store::Connection& c, const std::vector<int64_t>& plan_ids);
  static std::vector<Commitment> for_plan(store::Connection& c, int64_t plan_id);
};

class MilestoneRepository {
 public:
  static int64_t insert(store::Connection& c, const Milestone& milestone);
  static std::optional<Milestone> find(store::Connection& c, int64_t id);
  // As CommitmentRepository::update: conditional on `milestone.version`.
  static bool update(store::Connection& c, const Milestone& milestone);
};

class IndicatorRepository {
 public:
  static int64_t insert(store::Connection& c, const Indicator& indicator);
  static std::optional<Indicator> find(store::Connection& c, int64_t id);
  // As CommitmentRepository::update: conditional on `indicator.version`.
  static bool update(store::Connection& c, const Indicator& indicator);
};

}  // namespace apertura::plans
