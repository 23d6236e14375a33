#include "plans/plan_views.h"

#include "jurisdictions/jurisdiction_routes.h"
#include "plans/messages.h"

#include <algorithm>
#include <cmath>

namespace apertura::plans {

nlohmann::json progress_json(const Progress& progress) {
  return {{"percent", progress.percent},
          {"level", completion_name(progress.level)},
          {"level_label", completion_label_es(progress.level)},
          {"completed_milestones", progress.completed_milestones},
          {"counted_milestones", progress.counted_milestones}};
}

nlohmann::json commitment_view(const Commitment& commitment, const std::string& today) {
  nlohmann::json view = commitment.to_json();
  view["progress"] = progress_json(progress_of(commitment));
  nlohmann::json aims = nlohmann::json::array();
  for (const auto& [letter, label] : declaration_aims()) {
    if (commitment.aims.find(letter) != std::string::npos) {
      aims.push_back({{"letter", std::string(1, letter)}, {"label", label}});
    }
  }
  view["aim_labels"] = aims;
  int overdue = 0;
  for (size_t i = 0; i < commitment.milestones.size(); ++i) {
    const Milestone& m = commitment.milestones[i];
    auto& item = view["milestones"][i];
    item["status_label"] = milestone_status_label_es(m.status);
    item["overdue"] = m.overdue_on(today);
    item["completed"] = m.status == MilestoneStatus::completed;
    overdue += m.overdue_on(today);
  }
  view["overdue_milestones"] = overdue;
  view["has_overdue"] = overdue > 0;
  // Bars for the indicators' chart, as a share of the largest of baseline, current and target.
  for (size_t i = 0; i < commitment.indicators.size(); ++i) {
    const Indicator& ind = commitment.indicators[i];
    double top = std::max({ind.baseline.value_or(0), ind.target.value_or(0), ind.current_value.value_or(0), 1e-9});
    auto share = [top](std::optional<double> v) { return v ? static_cast<int>(std::round(*v / top * 100)) : 0; };
    view["indicators"][i]["bars"] = {{"baseline", share(ind.baseline)},
                                     {"current", share(ind.current_value)},
                                     {"target", share(ind.target)}};
  }
  return view;
}

nlohmann::json plan_document_json(const PlanDocument& document, const std::string& today) {
  nlohmann::json plan = document.plan.to_json();
  plan["status_label"] = status_label_es(document.plan.status);
  License license = document.plan.license_terms();
  plan["license_title"] = license.title;
  plan["license_url"] = license.url;
  nlohmann::json commitments = nlohmann::json::array();
  double sum = 0;
  for (const auto& c : document.commitments) {
    commitments.push_back(commitment_view(c, today));
    sum += progress_of(c).share;
  }
  plan["commitments"] = commitments;
  plan["average_progress_percent"] =
      document.commitments.empty() ? 0 : static_cast<int>(std::floor(sum / document.commitments.size() * 100 + 1e-9));
  return plan;
}

nlohmann::json secretariat_json(const Secretariat& secretariat) {
  nlohmann::json members = nlohmann::json::array();
  for (const auto& m : secretariat.members) {
    nlohmann::json member = m.to_json();
    member["sector_label"] = sector_label_es(m.sector);
    members.push_back(member);
  }
  nlohmann::json missing = nlohmann::json::array();
  for (Sector s : secretariat.missing_sectors) missing.push_back({{"sector", sector_name(s)}, {"label", sector_label_es(s)}});
  return {{"constituted", secretariat.constituted()}, {"missing_sectors", missing}, {"members", members}};
}

namespace {
// A share of 0..1 as the whole percent shown (0.999 is 99, never rounded up to done).
int whole_percent(double share) { return static_cast<int>(std::floor(share * 100 + 1e-9)); }
}  // namespace

nlohmann::json overview_row_json(const JurisdictionProgress& row) {
  bool constituted = row.constituted;
  nlohmann::json out = {{"jurisdiction_code", row.jurisdiction.code},
                        {"jurisdiction", row.jurisdiction.name},
                        {"url", "/jurisdicciones/" + row.jurisdiction.slug},
                        {"secretariat_constituted", constituted},
                        {"plan_id", nullptr},
                        {"plan_status", nullptr},
                        {"average_progress_percent", whole_percent(row.average_progress)},
                        {"overdue_milestones", row.overdue_milestones}};
  if (row.plan) {
    out["plan_id"] = row.plan->id;
    out["plan_status"] = status_name(row.plan->status);
    out["plan_status_label"] = status_label_es(row.plan->status);
    out["plan_url"] = "/planes/" + std::to_string(row.plan->id);
    out["plan_published"] = row.plan->status != PlanStatus::draft && row.plan->status != PlanStatus::co_creation;
  }
  return out;
}

nlohmann::json home_card_facts(const JurisdictionProgress& row) {
  // The declaration's own business comes first on the card.
  constexpr int kRank = 10;
  auto fact = [](std::string text, std::string url = "", std::string tone = "") {
    return jurisdictions::card_fact(std::move(text), std::move(url), std::move(tone), kRank);
  };
  nlohmann::json facts = nlohmann::json::array();
  facts.push_back(fact(row.constituted ? "Secretariado técnico tripartito constituido"
                                       : "Secretariado técnico tripartito por constituir",
                       "/jurisdicciones/" + row.jurisdiction.slug + "/secretariado"));
  if (!row.plan) {
    facts.push_back(fact("Sin plan de acción todavía"));
    return facts;
  }
  if (row.plan->status == PlanStatus::draft) {
    facts.push_back(fact("Plan de acción en preparación"));
  } else {
    facts.push_back(fact("Plan de acción · " + status_label_es(row.plan->status) + " · avance " +
                             std::to_string(whole_percent(row.average_progress)) + " %",
                         "/planes/" + std::to_string(row.plan->id)));
  }
  if (row.overdue_milestones > 0) {
    facts.push_back(fact(std::to_string(row.overdue_milestones) +
                             (row.overdue_milestones == 1 ? " hito vencido" : " hitos vencidos"),
                         "", "warning"));
  }
  return facts;
}

}  // namespace apertura::plans
