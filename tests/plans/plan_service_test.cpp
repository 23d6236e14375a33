#include <gtest/gtest.h>

#include <latch>
#include <thread>

#include "audit/audit_log.h"
#include "core/date.h"
#include "accounts/user_repository.h"
#include "participation/proposal_repository.h"
#include "plans/evidence_repository.h"
#include "plans/plan_repository.h"
#include "plans/plan_service.h"
#include "plans/secretariat_service.h"
#include "support/test_database.h"

namespace apertura::plans {
namespace {

// Runs `change(0)` and `change(1)` on two threads released at the same
// moment, as two app servers sharing one database would, and returns both results.
template <typename T, typename Change>
std::vector<Result<T>> twice_at_once(Change change) {
  std::latch start(2);
  std::vector<Result<T>> results(2, Error::invalid("not run"));
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      results[i] = change(i);
    });
  }
  for (auto& thread : threads) thread.join();
  return results;
}

class PlanServiceTest : public apertura::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    places_ = std::make_unique<jurisdictions::JurisdictionService>(db().database());
    secretariats_ = std::make_unique<SecretariatService>(db().database(), *places_);
    plans_ = std::make_unique<PlanService>(db().database(), *places_);
    places_->create(Actor::system(), {"00", "Estados Unidos Mexicanos", "federal"}).take();
    places_->create(Actor::system(), {"14", "Jalisco", "state"}).take();
    places_->create(Actor::system(), {"20", "Oaxaca", "state"}).take();
    finance_ = places_->add_institution(Actor::system(), "14", {"Secretaría de la Hacienda Pública", "", ""}).take().id;
    oaxaca_office_ = places_->add_institution(Actor::system(), "20", {"Secretaría de Finanzas", "", ""}).take().id;
  }

  CommitmentInput commitment_input(int number) {
    return {std::to_string(number), "Compromiso " + std::to_string(number), "Problema público", "Objetivo medible",
            "a, k", std::to_string(finance_), "Colectivo Ciudad Abierta", "2026-02-01", "2026-11-30", ""};
  }

  // A plan with five complete commitments, still a draft.
  ActionPlan complete_plan() {
    ActionPlan plan = plans_->create_plan(admin_, "jalisco", {"", "2026-01-01", "2026-12-31", "", ""}).take();
    for (int n = 1; n <= 5; ++n) {
      Commitment c = plans_->add_commitment(admin_, plan.id, commitment_input(n)).take();
      plans_->add_milestone(admin_, c.id, {"Diagnóstico publicado", "Finanzas", "2026-03-31", ""}).take();
      plans_->add_milestone(admin_, c.id, {"Portal en línea", "Finanzas", "2026-09-30", ""}).take();
      plans_->add_indicator(admin_, c.id, {"Contratos publicados", "%", "10", "90", "Portal estatal"}).take();
    }
    return plan;
  }

  std::unique_ptr<jurisdictions::JurisdictionService> places_;
  std::unique_ptr<SecretariatService> secretariats_;
  std::unique_ptr<PlanService> plans_;
  int64_t finance_ = 0;
  int64_t oaxaca_office_ = 0;
  Actor admin_{Role::admin, 1, "Admin", std::nullopt};
};

TEST_P(PlanServiceTest, SecretariatIsConstitutedOnlyWithAllThreeSectorsActive) {
  std::string today = today_iso();
  secretariats_->add_member(admin_, "jalisco", {"Ana", "government", "Finanzas", "Enlace", "2025-01-01", "", ""}).take();
  secretariats_->add_member(admin_, "jalisco", {"Luis", "civil_society", "Colectivo", "", "2025-01-01", "", ""}).take();
  auto partial = secretariats_->secretariat("jalisco").take();
  EXPECT_FALSE(partial.constituted());
  ASSERT_EQ(partial.missing_sectors.size(), 1u);
  EXPECT_EQ(partial.missing_sectors[0], Sector::guarantor);
  secretariats_->add_member(admin_, "jalisco", {"Rosa", "guarantor", "ITEI", "", "2024-01-01", "2024-12-31", ""}).take();
  EXPECT_FALSE(secretariats_->secretariat("jalisco")->constituted());  // her term ended
  secretariats_->add_member(admin_, "jalisco", {"Eva", "guarantor", "ITEI", "Coordinación", "2025-01-01", "", ""}).take();
  EXPECT_TRUE(secretariats_->secretariat("jalisco")->constituted());
  EXPECT_EQ(secretariats_->secretariat("jalisco")->members.size(), 4u);
}

TEST_P(PlanServiceTest, SecretariatMembersAreValidatedAndAdminOnly) {
  auto invalid = secretariats_->add_member(admin_, "jalisco", {"", "press", "", "", "ayer", "2020-01-01", ""});
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().fields.size(), 5u);  // name, sector, organization, both dates
  Actor official{Role::official, 2, "Funcionaria", finance_};
  EXPECT_EQ(secretariats_->add_member(official, "jalisco", {"A", "government", "B", "", "2025-01-01", "", ""}).error().kind,
            ErrorKind::forbidden);
}

TEST_P(PlanServiceTest, PublishingNeedsFiveCompleteCommitmentsAndSaysWhatIsMissing) {
  ActionPlan plan = plans_->create_plan(admin_, "jalisco", {"", "2026-01-01", "2026-12-31", "", ""}).take();
  EXPECT_EQ(plan.title, "Plan de acción local Jalisco 2026");
  plans_->change_status(admin_, plan.id, "co_creation", "").take();
  plans_->add_commitment(admin_, plan.id, commitment_input(1)).take();
  auto refused = plans_->change_status(admin_, plan.id, "published", "");
  ASSERT_FALSE(refused.ok());
  std::vector<std::string> fields;
  for (const auto& f : refused.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"commitment_2", "commitment_3", "commitment_4", "commitment_5",
                                              "commitment_1.indicators", "commitment_1.milestones"}));
  EXPECT_EQ(plans_->plan(plan.id)->plan.status, PlanStatus::co_creation);
}

// The status a change read is the one it replaces: a change that lost the
// race writes nothing and says so.
TEST_P(PlanServiceTest, AStatusChangeOverAStatusThatChangedMeanwhileWritesNothing) {
  ActionPlan plan = plans_->create_plan(admin_, "jalisco", {"", "2026-01-01", "2026-12-31", "", ""}).take();
  ActionPlan late = plan;  // read while still a draft
  late.status = PlanStatus::co_creation;
  plans_->change_status(admin_, plan.id, "co_creation", "").take();
  auto connection = db().database().connect();
  ActionPlan cancelled = plan;
  cancelled.status = PlanStatus::published;
  EXPECT_FALSE(PlanRepository::update_status(*connection, cancelled, PlanStatus::draft));
  EXPECT_EQ(plans_->plan(plan.id)->plan.status, PlanStatus::co_creation);
  EXPECT_TRUE(PlanRepository::update_status(*connection, late, PlanStatus::co_creation));
}

// Two admins move the same plan at the same moment (as two app servers on
// one PostgreSQL would): exactly one change is written and audited; the
// other is told the plan changed meanwhile, or, when it read after the
// first was written, that the step no longer applies.
TEST_P(PlanServiceTest, OfTwoStatusChangesAtOnceExactlyOneSucceeds) {
  constexpr int kPlans = 12;
  int conflicts = 0;
  for (int round = 0; round < kPlans; ++round) {
    std::string year = std::to_string(2027 + round);  // one plan per period
    ActionPlan plan = plans_->create_plan(admin_, "jalisco", {"", year + "-01-01", year + "-12-31", "", ""}).take();
    auto results = twice_at_once<ActionPlan>([&](int) { return plans_->change_status(admin_, plan.id, "co_creation", ""); });
    int succeeded = 0;
    for (const auto& result : results) {
      if (result.ok()) {
        ++succeeded;
        continue;
      }
      EXPECT_TRUE(result.error().kind == ErrorKind::conflict || result.error().kind == ErrorKind::invalid)
          << result.error().message;
      if (result.error().kind == ErrorKind::conflict) ++conflicts;
    }
    EXPECT_EQ(succeeded, 1) << "round " << round;
    auto connection = db().database().connect();
    auto audited = connection->query_one(
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'change_status' AND entity_id = ?", {std::to_string(plan.id)});
    EXPECT_EQ(audited->integer("n"), 1) << "round " << round;
  }
  // Says how often the race was lost after both had read (not asserted: it
  // depends on the scheduler).
  RecordProperty("conflicts", conflicts);
}

// Every record several people may change carries a version: a change made
// on a copy read before another change is refused and writes nothing, and
// the change made on the fresh copy goes through and bumps the version.
TEST_P(PlanServiceTest, AChangeOnAStaleCopyOfAnyRecordWritesNothing) {
  ActionPlan plan = complete_plan();
  auto connection = db().database().connect();
  Commitment stale = *CommitmentRepository::find(*connection, plans_->plan(plan.id)->commitments[0].id);
  CommitmentInput edit = commitment_input(1);
  edit.title = "Compromiso 1, corregido";
  auto edited = plans_->update_commitment(admin_, stale.id, edit);
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_EQ(edited->version, stale.version + 1);
  stale.title = "Escrito sobre una copia vieja";
  EXPECT_FALSE(CommitmentRepository::update(*connection, stale));
  EXPECT_EQ(CommitmentRepository::find(*connection, stale.id)->title, "Compromiso 1, corregido");
  Commitment fresh = *CommitmentRepository::find(*connection, stale.id);
  fresh.title = "Escrito sobre la copia al día";
  EXPECT_TRUE(CommitmentRepository::update(*connection, fresh));

  Milestone milestone = fresh.milestones.at(0);
  Milestone old_milestone = milestone;
  milestone.responsible = "Contraloría";
  EXPECT_TRUE(MilestoneRepository::update(*connection, milestone));
  old_milestone.responsible = "Nadie";
  EXPECT_FALSE(MilestoneRepository::update(*connection, old_milestone));
  EXPECT_EQ(MilestoneRepository::find(*connection, milestone.id)->responsible, "Contraloría");

  Indicator indicator = fresh.indicators.at(0);
  Indicator old_indicator = indicator;
  indicator.current_value = 40;
  EXPECT_TRUE(IndicatorRepository::update(*connection, indicator));
  old_indicator.current_value = 1;
  EXPECT_FALSE(IndicatorRepository::update(*connection, old_indicator));
  EXPECT_DOUBLE_EQ(*IndicatorRepository::find(*connection, indicator.id)->current_value, 40);

  Evidence evidence;
  evidence.milestone_id = milestone.id;
  evidence.kind = "link";
  evidence.title = "Acta";
  evidence.url = "https://example.org/acta";
  evidence.added_by_name = "Funcionaria";
  evidence.created_at = "2026-03-01T10:00:00Z";
  evidence.id = EvidenceRepository::insert(*connection, evidence);
  Evidence verdict = *EvidenceRepository::find(*connection, evidence.id);
  Evidence old_verdict = verdict;
  verdict.validation = "validated";
  EXPECT_TRUE(EvidenceRepository::save_validation(*connection, verdict));
  old_verdict.validation = "contested";
  EXPECT_FALSE(EvidenceRepository::save_validation(*connection, old_verdict));
  EXPECT_EQ(EvidenceRepository::find(*connection, evidence.id)->validation, "validated");

  accounts::User author{0, "autora@example.org", "Autora", Role::citizen, std::nullopt, "2026-01-01T00:00:00Z",
                        std::nullopt};
  int64_t author_id = accounts::UserRepository::insert(*connection, author, "hash");
  participation::Proposal proposal;
  proposal.jurisdiction_id = plan.jurisdiction_id;
  proposal.author_id = author_id;
  proposal.author_name = "Autora";
  proposal.title = "Abrir las compras";
  proposal.description = "Publicar cada contrato";
  proposal.id = participation::ProposalRepository::insert(*connection, proposal);
  auto answer = *participation::ProposalRepository::find(*connection, proposal.id);
  auto old_answer = answer;
  answer.status = participation::ProposalStatus::not_adopted;
  answer.answer = "No cabe en este plan.";
  EXPECT_TRUE(participation::ProposalRepository::save_answer(*connection, answer));
  old_answer.status = participation::ProposalStatus::adopted;
  old_answer.answer = "Incorporada.";
  EXPECT_FALSE(participation::ProposalRepository::save_answer(*connection, old_answer));
  EXPECT_EQ(participation::ProposalRepository::find(*connection, proposal.id)->answer, "No cabe en este plan.");
}

// Two admins withdraw the same commitment at the same moment: exactly one
// withdrawal is written and audited. Two people editing a draft commitment
// at once never lose a change silently: each write that succeeded bumped the
// version and left an audit entry, and the other was told of the conflict.
TEST_P(PlanServiceTest, OfTwoChangesOfACommitmentAtOnceNoneIsLost) {
  ActionPlan plan = complete_plan();
  auto document = plans_->plan(plan.id).take();
  auto audited = [&](const std::string& action, int64_t id) {
    auto connection = db().database().connect();
    return connection
        ->query_one("SELECT COUNT(*) AS n FROM audit_log WHERE action = ? AND entity_kind = 'commitment' AND "
                    "entity_id = ?",
                    {action, std::to_string(id)})
        ->integer("n");
  };
  int conflicts = 0;
  for (int round = 0; round < 5; ++round) {
    const Commitment& target = document.commitments[round];
    auto results = twice_at_once<Commitment>([&](int i) {
      CommitmentInput edit = commitment_input(target.number);
      edit.title = "Versión de quien edita " + std::to_string(i);
      return plans_->update_commitment(admin_, target.id, edit);
    });
    int succeeded = 0;
    for (const auto& result : results) {
      if (result.ok()) ++succeeded;
      else {
        EXPECT_EQ(result.error().kind, ErrorKind::conflict) << result.error().message;
        ++conflicts;
      }
    }
    EXPECT_GE(succeeded, 1);
    Commitment stored = plans_->commitment(target.id).take();
    EXPECT_EQ(stored.version, target.version + succeeded) << "round " << round;
    EXPECT_EQ(audited("update", target.id), succeeded) << "round " << round;
  }
  RecordProperty("edit_conflicts", conflicts);

  plans_->change_status(admin_, plan.id, "co_creation", "").take();
  plans_->change_status(admin_, plan.id, "published", "").take();
  for (int round = 0; round < 5; ++round) {
    int64_t id = document.commitments[round].id;
    auto results = twice_at_once<Commitment>(
        [&](int i) { return plans_->withdraw_commitment(admin_, id, "Motivo " + std::to_string(i)); });
    int succeeded = 0;
    for (const auto& result : results) {
      if (result.ok()) ++succeeded;
      else EXPECT_EQ(result.error().kind, ErrorKind::conflict) << result.error().message;
    }
    EXPECT_EQ(succeeded, 1) << "round " << round;
    EXPECT_EQ(audited("withdraw", id), 1) << "round " << round;
  }
}

TEST_P(PlanServiceTest, AFullCycleFromDraftToClosed) {
  ActionPlan plan = complete_plan();
  EXPECT_FALSE(plans_->change_status(admin_, plan.id, "published", "").ok());  // skips co-creation
  plans_->change_status(admin_, plan.id, "co_creation", "").take();
  auto published = plans_->change_status(admin_, plan.id, "published", "");
  ASSERT_TRUE(published.ok()) << published.error().message;
  EXPECT_TRUE(published->published_at.has_value());
  EXPECT_EQ(plans_->add_commitment(admin_, plan.id, commitment_input(5)).error().kind, ErrorKind::conflict);
  plans_->change_status(admin_, plan.id, "in_progress", "").take();
  EXPECT_EQ(plans_->change_status(admin_, plan.id, "closed", "").error().fields.at(0).field, "self_assessment");
  auto closed = plans_->change_status(admin_, plan.id, "closed", "Se cumplieron cuatro de cinco compromisos.");
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(closed->status, PlanStatus::closed);
  auto connection = db().database().connect();
  EXPECT_TRUE(audit::AuditLog::verify(*connection).ok);
}

TEST_P(PlanServiceTest, OfficialsReportProgressOnlyForTheirInstitution) {
  ActionPlan plan = complete_plan();
  plans_->change_status(admin_, plan.id, "co_creation", "").take();
  auto document = plans_->plan(plan.id).take();
  int64_t milestone_id = document.commitments[0].milestones[0].id;
  int64_t indicator_id = document.commitments[0].indicators[0].id;
  Actor own{Role::official, 2, "Funcionaria", finance_};
  Actor other{Role::official, 3, "Otro", oaxaca_office_};
  Actor citizen{Role::citizen, 4, "Ciudadana", std::nullopt};
  EXPECT_EQ(plans_->report_milestone(own, milestone_id, "completed", "").error().kind, ErrorKind::conflict);  // not published
  plans_->change_status(admin_, plan.id, "published", "").take();
  EXPECT_EQ(plans_->report_milestone(other, milestone_id, "completed", "").error().kind, ErrorKind::forbidden);
  EXPECT_EQ(plans_->report_milestone(citizen, milestone_id, "completed", "").error().kind, ErrorKind::forbidden);
  EXPECT_EQ(plans_->report_milestone(own, milestone_id, "done", "").error().fields.at(0).field, "status");
  EXPECT_EQ(plans_->report_milestone(own, milestone_id, "completed", "2999-01-01").error().fields.at(0).field,
            "completed_on");
  auto reported = plans_->report_milestone(own, milestone_id, "completed", "");
  ASSERT_TRUE(reported.ok());
  EXPECT_EQ(reported->completed_on, today_iso());
  auto value = plans_->record_indicator(own, indicator_id, "45,5", "");
  ASSERT_TRUE(value.ok()) << value.error().message;
  EXPECT_DOUBLE_EQ(*value->current_value, 45.5);
  auto commitment = plans_->commitment(document.commitments[0].id).take();
  EXPECT_EQ(progress_of(commitment).percent, 50);
}

TEST_P(PlanServiceTest, AdminsWithdrawPublishedCommitmentsWithAReason) {
  ActionPlan plan = complete_plan();
  int64_t id = plans_->plan(plan.id)->commitments[2].id;
  EXPECT_EQ(plans_->withdraw_commitment(admin_, id, "Cambió la ley").error().kind, ErrorKind::conflict);  // still a draft
  plans_->change_status(admin_, plan.id, "co_creation", "").take();
  plans_->change_status(admin_, plan.id, "published", "").take();
  Actor own{Role::official, 2, "Funcionaria", finance_};
  EXPECT_EQ(plans_->withdraw_commitment(own, id, "No quiero").error().kind, ErrorKind::forbidden);
  EXPECT_EQ(plans_->withdraw_commitment(admin_, id, "  ").error().fields.at(0).field, "withdrawn_reason");
  auto withdrawn = plans_->withdraw_commitment(admin_, id, "La reforma de 2025 cambió la autoridad responsable.");
  ASSERT_TRUE(withdrawn.ok());
  EXPECT_EQ(progress_of(plans_->commitment(id).take()).level, CompletionLevel::withdrawn);
  EXPECT_EQ(plans_->withdraw_commitment(admin_, id, "Otra vez").error().kind, ErrorKind::conflict);
  EXPECT_EQ(plans_->commitment(id)->withdrawn_reason, "La reforma de 2025 cambió la autoridad responsable.");
}

// What the pages offer is what the service then allows: each ability is
// checked against the call it stands for.
TEST_P(PlanServiceTest, AbilitiesOfferExactlyWhatTheServiceAllows) {
  ActionPlan plan = complete_plan();
  Actor own{Role::official, 2, "Funcionaria", finance_};
  Actor other{Role::official, 3, "Otra funcionaria", oaxaca_office_};
  Actor citizen{Role::citizen, 4, "Ciudadana", std::nullopt};
  Actor bound_elsewhere{Role::admin, 5, "Admin de Oaxaca", std::nullopt, places_->find("20")->id};
  auto document = plans_->plan(plan.id).take();
  Commitment first = document.commitments[0];

  EXPECT_EQ(plans_->abilities(admin_, document).next_status, PlanStatus::co_creation);
  EXPECT_FALSE(plans_->abilities(admin_, document).add_commitment);  // it has its five
  EXPECT_FALSE(plans_->abilities(citizen, document).next_status.has_value());
  EXPECT_FALSE(plans_->abilities(bound_elsewhere, document).next_status.has_value());
  EXPECT_FALSE(plans_->change_status(bound_elsewhere, plan.id, "co_creation", "").ok());

  for (const Actor& actor : {admin_, own, other, citizen, bound_elsewhere}) {
    CommitmentAbilities may = plans_->abilities(actor, document.plan, first);
    CommitmentInput input = commitment_input(1);
    input.institution_id = std::to_string(finance_);
    EXPECT_EQ(may.edit, plans_->update_commitment(actor, first.id, input).ok()) << actor.display_name;
    EXPECT_FALSE(may.report);
    EXPECT_FALSE(may.withdraw);
  }
  EXPECT_TRUE(plans_->abilities(own, document.plan, first).responsible);
  EXPECT_FALSE(plans_->abilities(other, document.plan, first).responsible);

  plans_->change_status(admin_, plan.id, "co_creation", "").take();
  plans_->change_status(admin_, plan.id, "published", "").take();
  document = plans_->plan(plan.id).take();
  first = plans_->commitment(first.id).take();
  for (const Actor& actor : {admin_, own, other, citizen}) {
    CommitmentAbilities may = plans_->abilities(actor, document.plan, first);
    EXPECT_FALSE(may.edit) << actor.display_name;
    EXPECT_EQ(may.report, actor.display_name == "Admin" || actor.display_name == "Funcionaria") << actor.display_name;
    int64_t milestone = first.milestones.at(0).id;
    EXPECT_EQ(may.report, plans_->report_milestone(actor, milestone, "in_progress", "").ok()) << actor.display_name;
  }
  EXPECT_TRUE(plans_->abilities(admin_, document.plan, first).withdraw);
  EXPECT_FALSE(plans_->abilities(own, document.plan, first).withdraw);
  plans_->withdraw_commitment(admin_, first.id, "Cambió la ley.").take();
  auto withdrawn = plans_->commitment(first.id).take();
  EXPECT_FALSE(plans_->abilities(admin_, document.plan, withdrawn).withdraw);
}

TEST_P(PlanServiceTest, CommitmentsAreValidatedAgainstThePlan) {
  ActionPlan plan = plans_->create_plan(admin_, "jalisco", {"", "2026-01-01", "2026-12-31", "", ""}).take();
  CommitmentInput input = commitment_input(6);
  input.aims = "a, x";
  input.starts_on = "2025-06-01";
  input.institution_id = std::to_string(oaxaca_office_);
  auto invalid = plans_->add_commitment(admin_, plan.id, input);
  ASSERT_FALSE(invalid.ok());
  std::vector<std::string> fields;
  for (const auto& f : invalid.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"number", "aims", "starts_on", "institution_id"}));
  plans_->add_commitment(admin_, plan.id, commitment_input(1)).take();
  EXPECT_EQ(plans_->add_commitment(admin_, plan.id, commitment_input(1)).error().kind, ErrorKind::conflict);
}

TEST_P(PlanServiceTest, PlansLastOneYearAndStartOncePerDate) {
  EXPECT_EQ(plans_->create_plan(admin_, "jalisco", {"", "2026-01-01", "2027-06-30", "", ""}).error().fields.at(0).field,
            "period_exception");
  EXPECT_TRUE(plans_->create_plan(admin_, "jalisco", {"", "2026-01-01", "2027-06-30", "Periodo electoral", ""}).ok());
  EXPECT_EQ(plans_->create_plan(admin_, "jalisco", {"", "2026-01-01", "2026-12-31", "", ""}).error().kind,
            ErrorKind::conflict);
  Actor citizen{Role::citizen, 4, "Ciudadana", std::nullopt};
  EXPECT_EQ(plans_->create_plan(citizen, "oaxaca", {"", "2026-01-01", "2026-12-31", "", ""}).error().kind,
            ErrorKind::forbidden);
}

TEST_P(PlanServiceTest, OverviewComparesJurisdictions) {
  ActionPlan plan = complete_plan();
  plans_->change_status(admin_, plan.id, "co_creation", "").take();
  plans_->change_status(admin_, plan.id, "published", "").take();
  auto document = plans_->plan(plan.id).take();
  plans_->report_milestone(admin_, document.commitments[0].milestones[0].id, "completed", "").take();
  for (const char* sector : {"government", "civil_society", "guarantor"}) {
    secretariats_->add_member(admin_, "jalisco", {"Persona", sector, "Organización", "", "2025-01-01", "", ""}).take();
  }
  secretariats_->add_member(admin_, "20", {"Persona", "government", "Gobierno", "", "2025-01-01", "", ""}).take();
  auto rows = plans_->overview("2026-12-31");
  ASSERT_EQ(rows.size(), 3u);  // federation and two states
  const auto& jalisco = rows[1];
  EXPECT_EQ(jalisco.jurisdiction.code, "14");
  ASSERT_TRUE(jalisco.plan.has_value());
  EXPECT_NEAR(jalisco.average_progress, 0.5 / 5, 1e-9);
  EXPECT_EQ(jalisco.overdue_milestones, 9);  // ten milestones due by 2026-09-30, one completed
  EXPECT_TRUE(jalisco.constituted);
  EXPECT_FALSE(rows[2].plan.has_value());
  EXPECT_FALSE(rows[2].constituted);  // government only

  // A second state's plan is read in the same batch and keeps its own numbers.
  plans_->create_plan(admin_, "20", {"", "2026-01-01", "2026-12-31", "", ""}).take();
  rows = plans_->overview("2026-12-31");
  ASSERT_TRUE(rows[2].plan.has_value());
  EXPECT_EQ(rows[2].average_progress, 0);
  EXPECT_EQ(rows[2].overdue_milestones, 0);
  EXPECT_EQ(rows[1].overdue_milestones, 9);
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanServiceTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura::plans
