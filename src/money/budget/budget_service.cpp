#include "money/budget/budget_service.h"

#include <map>
#include <set>

#include "audit/audit_log.h"
#include "core/date.h"
#include "core/text.h"
#include "money/budget/budget_csv.h"
#include "money/budget/messages.h"

namespace apertura::money {

namespace {

constexpr size_t kMaxReportedProblems = 100;
constexpr size_t kMaxBudgetFileBytes = 32 * 1024 * 1024;

}  // namespace

std::optional<Error> BudgetService::check_binding(const Actor& actor, BudgetAction action, int64_t jurisdiction_id) {
  if (auto error = budget_permissions().check(actor, action, jurisdiction_id)) return error;
  if (actor.role == Role::official) {
    auto institution = actor.institution_id ? jurisdictions_.institution(*actor.institution_id) : std::nullopt;
    if (!institution || institution->jurisdiction_id != jurisdiction_id) {
      return Error::forbidden(say(BudgetMsg::institution_elsewhere));
    }
  }
  return std::nullopt;
}

bool BudgetService::may_import(const Actor& actor) const {
  return budget_permissions().allows(actor.role, BudgetAction::import_budget);
}

bool BudgetService::may_link(const Actor& actor) const {
  return budget_permissions().allows(actor.role, BudgetAction::link_budget);
}

std::optional<Error> BudgetService::check_may_import(const Actor& actor) const {
  return budget_permissions().check(actor, BudgetAction::import_budget);
}

Result<BudgetImport> BudgetService::import_csv(const Actor& actor, const std::string& jurisdiction,
                                               const std::string& text) {
  if (auto error = check_may_import(actor)) return *error;
  auto place = jurisdictions_.find(trim(jurisdiction));
  if (!place) {
    return Error::invalid(say(BudgetMsg::pick_jurisdiction), {{"jurisdiction", say(BudgetMsg::no_such_jurisdiction_field, jurisdiction)}});
  }
  if (auto error = check_binding(actor, BudgetAction::import_budget, place->id)) return *error;
  if (text.size() > kMaxBudgetFileBytes) {
    return Error::invalid(say(BudgetMsg::file_too_large), {{"file", say(BudgetMsg::file_too_large_field)}});
  }
  BudgetFile file = parse_budget_csv(text);
  if (!file.problems.empty()) {
    std::vector<FieldError> fields;
    for (const auto& problem : file.problems) {
      if (fields.size() == kMaxReportedProblems) break;
      fields.push_back({problem.line > 0 ? say(BudgetMsg::line_number, problem.line) : say(BudgetMsg::whole_file), problem.message});
    }
    return Error::invalid(file.problems.size() == 1 ? say(BudgetMsg::file_has_a_problem)
                                                    : say(BudgetMsg::file_has_problems, file.problems.size()),
                          std::move(fields));
  }
  // Responsible units named like an institution of the jurisdiction are linked to it.
  std::map<std::string, int64_t> institutions;
  for (const auto& institution : jurisdictions_.institutions(place->id, {100000, 0}).items) {
    institutions[to_lower_ascii(institution.name)] = institution.id;
    if (!institution.acronym.empty()) institutions[to_lower_ascii(institution.acronym)] = institution.id;
  }
  std::set<int> years;
  for (BudgetLine& line : file.lines) {
    line.jurisdiction_id = place->id;
    if (auto it = institutions.find(to_lower_ascii(line.institution)); it != institutions.end()) {
      line.institution_id = it->second;
    }
    years.insert(line.year);
  }
  BudgetImport result;
  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  result.created = BudgetRepository::upsert(*connection, file.lines);
  result.updated = static_cast<int64_t>(file.lines.size()) - result.created;
  result.years.assign(years.rbegin(), years.rend());
  nlohmann::json summary = {{"created", result.created}, {"updated", result.updated}, {"years", result.years}};
  audit::AuditLog::append_public(*connection, actor, "import", "budget_lines", place->id, place->id, nullptr, summary);
  transaction.commit();
  return result;
}

Result<Paged<BudgetLine>> BudgetService::lines(const std::string& jurisdiction, std::optional<int> year,
                                               const std::string& institution, const Slice& slice) {
  auto place = jurisdictions_.find(trim(jurisdiction));
  if (!place) return place.error();
  auto connection = database_.connect();
  return BudgetRepository::lines(*connection, {place->id, year, trim(institution)}, slice);
}

Result<MoneyTrail> BudgetService::trail(const std::string& jurisdiction, std::optional<int> year) {
  auto connection = database_.connect();
  MoneyTrail trail;
  std::string wanted = trim(jurisdiction);
  if (wanted.empty()) {
    auto with_lines = BudgetRepository::jurisdictions_with_lines(*connection);
    if (with_lines.empty()) return Error::not_found(say(BudgetMsg::nothing_loaded));
    auto place = jurisdictions_.by_id(with_lines.front().first);
    if (!place) return Error::not_found(say(BudgetMsg::nothing_loaded));
    trail.jurisdiction = *place;
  } else {
    auto place = jurisdictions_.find(wanted);
    if (!place) return place.error();
    trail.jurisdiction = *place;
  }
  for (const auto& [jurisdiction_id, lines] : BudgetRepository::jurisdictions_with_lines(*connection)) {
    if (auto place = jurisdictions_.by_id(jurisdiction_id)) trail.places.push_back(*place);
  }
  trail.years = BudgetRepository::years(*connection, trail.jurisdiction.id);
  int this_year = std::stoi(today_iso().substr(0, 4));
  trail.year = year.value_or(trail.years.empty() ? this_year : trail.years.front());
  trail.institutions = BudgetRepository::by_institution(*connection, trail.jurisdiction.id, trail.year);
  for (const auto& institution : trail.institutions) trail.total += institution.moments;
  trail.flows = BudgetRepository::flows(*connection, trail.jurisdiction.id, trail.year);
  return trail;
}

Result<BudgetLine> BudgetService::link(const Actor& actor, const std::string& ocid, const std::string& year_text,
                                       const std::string& key) {
  if (auto error = budget_permissions().check(actor, BudgetAction::link_budget)) return *error;
  auto connection = database_.connect();
  auto jurisdiction = BudgetRepository::process_jurisdiction(*connection, ocid);
  if (!jurisdiction) return Error::not_found(say(BudgetMsg::process_not_found, ocid));
  if (!*jurisdiction) {
    return Error::conflict(say(BudgetMsg::process_without_jurisdiction));
  }
  if (auto error = check_binding(actor, BudgetAction::link_budget, **jurisdiction)) return *error;
  auto year = parse_year(year_text);
  Validation validation;
  validation.require(year.has_value(), "year", say(BudgetMsg::year_field));
  validation.require(!trim(key).empty(), "key", say(BudgetMsg::line_key_field));
  if (!validation.ok()) return validation.error();
  auto line = BudgetRepository::find(*connection, **jurisdiction, *year, trim(key));
  if (!line) {
    return Error::invalid(say(BudgetMsg::no_such_line),
                          {{"key", say(BudgetMsg::no_such_line_field, trim(key), *year)}});
  }
  store::Transaction transaction(*connection);
  if (!BudgetRepository::link(*connection, line->id, ocid, actor.display_name)) {
    return Error::conflict(say(BudgetMsg::already_linked));
  }
  audit::AuditLog::append(*connection, actor,
                          {"link", "budget_line", std::to_string(line->id), **jurisdiction, true, nullptr,
                           {{"ocid", ocid}, {"budget_line_id", line->id}}});
  transaction.commit();
  return *line;
}

std::vector<BudgetLine> BudgetService::lines_of_process(const std::string& ocid) {
  auto connection = database_.connect();
  return BudgetRepository::lines_of_process(*connection, ocid);
}

}  // namespace apertura::money
