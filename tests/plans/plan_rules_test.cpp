#include <gtest/gtest.h>

#include "plans/plan_rules.h"
#include "plans/messages.h"

namespace apertura::plans {
namespace {

ActionPlan year_2026() {
  ActionPlan plan;
  plan.starts_on = "2026-01-01";
  plan.ends_on = "2026-12-31";
  return plan;
}

Commitment complete_commitment(int number) {
  Commitment c;
  c.number = number;
  c.title = "Compromiso " + std::to_string(number);
  c.problem = "Problema";
  c.objective = "Objetivo";
  c.aims = "a";
  c.institution_id = 1;
  c.counterpart = "Colectivo";
  c.starts_on = "2026-02-01";
  c.ends_on = "2026-11-30";
  c.indicators.push_back({1, 0, "Indicador", "%", 10.0, 80.0, std::nullopt, "", ""});
  c.milestones.push_back({1, 0, "Hito 1", "", "2026-04-01", 1, MilestoneStatus::pending, std::nullopt});
  c.milestones.push_back({2, 0, "Hito 2", "", "2026-09-01", 1, MilestoneStatus::pending, std::nullopt});
  return c;
}

TEST(PlanPeriod, OneYearIsAcceptedEitherWay) {
  EXPECT_FALSE(check_period("2026-01-01", "2026-12-31", "", false).has_value());
  EXPECT_FALSE(check_period("2026-03-15", "2027-03-15", "", false).has_value());
}

TEST(PlanPeriod, OtherLengthsNeedAnAdminsReason) {
  auto refused = check_period("2026-01-01", "2027-06-30", "", false);
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->fields.at(0).field, "ends_on");
  auto no_reason = check_period("2026-01-01", "2027-06-30", "", true);
  ASSERT_TRUE(no_reason.has_value());
  EXPECT_EQ(no_reason->fields.at(0).field, "period_exception");
  EXPECT_FALSE(check_period("2026-01-01", "2027-06-30", "Ajuste al calendario electoral", true).has_value());
  EXPECT_TRUE(check_period("2026-01-01", "2025-12-31", "x", true).has_value());
  EXPECT_EQ(check_period("2026-13-01", "enero", "", true)->fields.size(), 2u);
}

TEST(PlanStatus, MovesOneStepForward) {
  EXPECT_EQ(next_status(PlanStatus::draft), PlanStatus::co_creation);
  EXPECT_EQ(next_status(PlanStatus::co_creation), PlanStatus::published);
  EXPECT_EQ(next_status(PlanStatus::published), PlanStatus::in_progress);
  EXPECT_EQ(next_status(PlanStatus::in_progress), PlanStatus::closed);
  EXPECT_FALSE(next_status(PlanStatus::closed).has_value());
}

TEST(Publication, FiveCompleteCommitmentsPass) {
  std::vector<Commitment> five;
  for (int n = 1; n <= 5; ++n) five.push_back(complete_commitment(n));
  EXPECT_TRUE(publication_problems(year_2026(), five).empty());
}

TEST(Publication, ListsEveryMissingPieceCommitmentByCommitment) {
  std::vector<Commitment> commitments = {complete_commitment(1), complete_commitment(2), complete_commitment(3)};
  commitments[1].problem.clear();
  commitments[1].indicators[0].target.reset();
  commitments[2].milestones.pop_back();
  commitments[2].ends_on = "2027-02-01";
  auto problems = publication_problems(year_2026(), commitments);
  std::vector<std::string> fields;
  for (const auto& p : problems) fields.push_back(p.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"commitment_4", "commitment_5", "commitment_2.problem",
                                              "commitment_2.indicators", "commitment_3.dates",
                                              "commitment_3.milestones"}));
  EXPECT_NE(problems[3].message.find("línea base y meta"), std::string::npos);
}

TEST(Progress, EvenWeightedCancelledAndWithdrawn) {
  Commitment c = complete_commitment(1);
  EXPECT_EQ(progress_of(c).level, CompletionLevel::not_started);
  c.milestones[0].status = MilestoneStatus::completed;
  EXPECT_EQ(progress_of(c).percent, 50);
  EXPECT_EQ(progress_of(c).level, CompletionLevel::substantial);
  c.milestones.push_back({3, 0, "Hito 3", "", "2026-10-01", 4, MilestoneStatus::pending, std::nullopt});
  EXPECT_EQ(progress_of(c).percent, 33);
  EXPECT_EQ(progress_of(c).level, CompletionLevel::limited);
  c.progress_method = ProgressMethod::weighted;  // 1 of 1 + 1 + 4
  EXPECT_EQ(progress_of(c).percent, 16);
  c.milestones[2].status = MilestoneStatus::cancelled;  // 1 of 1 + 1
  EXPECT_EQ(progress_of(c).percent, 50);
  c.milestones[1].status = MilestoneStatus::completed;
  EXPECT_EQ(progress_of(c).level, CompletionLevel::complete);
  c.withdrawn_reason = "La ley cambió";
  EXPECT_EQ(progress_of(c).level, CompletionLevel::withdrawn);
}

TEST(Aims, AreNormalisedLettersFromAToN) {
  EXPECT_EQ(normalize_aims("k, A, e, a"), "aek");
  std::string bad;
  EXPECT_FALSE(normalize_aims("a, z", &bad).has_value());
  EXPECT_EQ(bad, "z");
  EXPECT_EQ(declaration_aims().size(), 14u);
}

}  // namespace
}  // namespace apertura::plans
