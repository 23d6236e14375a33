#include "money/budget/budget_repository.h"

#include "core/clock.h"

namespace apertura::money {

namespace {

constexpr const char* kLineColumns =
    "SELECT budget_lines.id, budget_lines.jurisdiction_id, budget_lines.year, budget_lines.line_key, "
    "budget_lines.institution, budget_lines.institution_id, budget_lines.description, budget_lines.program, "
    "budget_lines.spending_object, budget_lines.funding_source, budget_lines.approved, budget_lines.modified, "
    "budget_lines.committed, budget_lines.accrued, budget_lines.exercised, budget_lines.paid, "
    "budget_lines.updated_at FROM budget_lines ";

BudgetMoments moments_from(const store::Row& row) {
  BudgetMoments m;
  m.approved = row.real("approved");
  m.modified = row.real("modified");
  m.committed = row.real("committed");
  m.accrued = row.real("accrued");
  m.exercised = row.real("exercised");
  m.paid = row.real("paid");
  return m;
}

BudgetLine line_from(const store::Row& row) {
  BudgetLine line;
  line.id = row.integer("id");
  line.jurisdiction_id = row.integer("jurisdiction_id");
  line.year = static_cast<int>(row.integer("year"));
  line.key = row.text("line_key");
  line.institution = row.text("institution");
  line.institution_id = row.optional_integer("institution_id");
  line.description = row.text("description");
  line.program = row.text("program");
  line.spending_object = row.text("spending_object");
  line.funding_source = row.text("funding_source");
  line.moments = moments_from(row);
  line.updated_at = row.text("updated_at");
  return line;
}

}  // namespace

int64_t BudgetRepository::upsert(store::Connection& c, const std::vector<BudgetLine>& lines) {
  int64_t created = 0;
  std::string now = now_timestamp();
  for (const BudgetLine& l : lines) {
    bool exists = c.query_one("SELECT id FROM budget_lines WHERE jurisdiction_id = ? AND year = ? AND line_key = ?",
                              {l.jurisdiction_id, l.year, l.key})
                      .has_value();
    created += exists ? 0 : 1;
    const BudgetMoments& m = l.moments;
    c.execute(
        "INSERT INTO budget_lines (jurisdiction_id, year, line_key, institution, institution_id, description, program, "
        "spending_object, funding_source, approved, modified, committed, accrued, exercised, paid, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (jurisdiction_id, year, line_key) DO UPDATE SET institution = excluded.institution, "
        "institution_id = excluded.institution_id, description = excluded.description, program = excluded.program, "
        "spending_object = excluded.spending_object, funding_source = excluded.funding_source, "
        "approved = excluded.approved, modified = excluded.modified, committed = excluded.committed, "
        "accrued = excluded.accrued, exercised = excluded.exercised, paid = excluded.paid, "
        "updated_at = excluded.updated_at",
        {l.jurisdiction_id, l.year, l.key, l.institution, l.institution_id, l.description, l.program,
         l.spending_object, l.funding_source, m.approved, m.modified, m.committed, m.accrued, m.exercised, m.paid,
         now});
  }
  return created;
}

Paged<BudgetLine> BudgetRepository::lines(store::Connection& c, const BudgetLineFilter& filter, const Slice& slice) {
  std::string where = "WHERE jurisdiction_id = ? AND (? = 0 OR year = ?) AND (? = '' OR institution = ?) ";
  int64_t year = filter.year.value_or(0);
  Paged<BudgetLine> page;
  for (const auto& row : c.query(std::string(kLineColumns) + where + "ORDER BY year DESC, institution, line_key LIMIT ? OFFSET ?",
                                 {filter.jurisdiction_id, year, year, filter.institution, filter.institution,
                                  slice.limit, slice.offset})) {
    page.items.push_back(line_from(row));
  }
  page.total = c.query_one("SELECT COUNT(*) AS n FROM budget_lines " + where,
                           {filter.jurisdiction_id, year, year, filter.institution, filter.institution})
                   ->integer("n");
  return page;
}

std::optional<BudgetLine> BudgetRepository::find(store::Connection& c, int64_t jurisdiction_id, int year,
                                                 const std::string& key) {
  auto row = c.query_one(std::string(kLineColumns) + "WHERE jurisdiction_id = ? AND year = ? AND line_key = ?",
                         {jurisdiction_id, year, key});
  if (!row) return std::nullopt;
  return line_from(*row);
}

std::vector<int> BudgetRepository::years(store::Connection& c, int64_t jurisdiction_id) {
  std::vector<int> out;
  for (const auto& row : c.query("SELECT DISTINCT year FROM budget_lines WHERE jurisdiction_id = ? ORDER BY year DESC",
                                 {jurisdiction_id})) {
    out.push_back(static_cast<int>(row.integer("year")));
  }
  return out;
}

std::vector<std::pair<int64_t, int>> BudgetRepository::jurisdictions_with_lines(store::Connection& c) {
  std::vector<std::pair<int64_t, int>> out;
  for (const auto& row : c.query("SELECT jurisdiction_id, MAX(year) AS year FROM budget_lines GROUP BY jurisdiction_id "
                                 "ORDER BY jurisdiction_id")) {
    out.emplace_back(row.integer("jurisdiction_id"), static_cast<int>(row.integer("year")));
  }
  return out;
}

std::vector<InstitutionBudget> BudgetRepository::by_institution(store::Connection& c, int64_t jurisdiction_id, int year) {
  std::vector<InstitutionBudget> out;
  for (const auto& row : c.query(
           "SELECT institution, MAX(institution_id) AS institution_id, SUM(approved) AS approved, SUM(modified) AS modified, "
           "SUM(committed) AS committed, SUM(accrued) AS accrued, SUM(exercised) AS exercised, SUM(paid) AS paid, "
           "COUNT(*) AS lines FROM budget_lines WHERE jurisdiction_id = ? AND year = ? GROUP BY institution "
           "ORDER BY SUM(modified) DESC, institution",
           {jurisdiction_id, year})) {
    out.push_back({row.text("institution"), row.optional_integer("institution_id"), moments_from(row), row.integer("lines")});
  }
  return out;
}

std::vector<TrailFlow> BudgetRepository::flows(store::Connection& c, int64_t jurisdiction_id, int year) {
  // A process linked to several lines of one unit counts once for it (UNION removes the repeats).
  std::vector<TrailFlow> out;
  for (const auto& row : c.query(
           "WITH linked AS ("
           " SELECT l.institution AS institution, p.id AS process_id FROM budget_lines l"
           " JOIN contracting_processes p ON p.jurisdiction_id = l.jurisdiction_id AND p.budget_id = l.line_key"
           " WHERE l.jurisdiction_id = ? AND l.year = ?"
           " UNION"
           " SELECT l.institution, p.id FROM budget_line_links k JOIN budget_lines l ON l.id = k.budget_line_id"
           " JOIN contracting_processes p ON p.ocid = k.ocid WHERE l.jurisdiction_id = ? AND l.year = ?) "
           "SELECT linked.institution AS institution, p.procurement_method AS method, o.id AS supplier_id, "
           "o.name AS supplier, COALESCE(SUM(pp.amount), 0) AS amount, COUNT(*) AS processes "
           "FROM linked JOIN contracting_processes p ON p.id = linked.process_id "
           "JOIN process_parties pp ON pp.process_id = p.id AND pp.role = 'supplier' "
           "JOIN ocds_organizations o ON o.id = pp.organization_id "
           "GROUP BY linked.institution, p.procurement_method, o.id, o.name "
           "ORDER BY amount DESC, supplier",
           {jurisdiction_id, year, jurisdiction_id, year})) {
    out.push_back({row.text("institution"), row.text("method"), row.integer("supplier_id"), row.text("supplier"),
                   row.real("amount"), row.integer("processes")});
  }
  return out;
}

bool BudgetRepository::link(store::Connection& c, int64_t line_id, const std::string& ocid, const std::string& by_name) {
  if (c.query_one("SELECT 1 AS found FROM budget_line_links WHERE budget_line_id = ? AND ocid = ?", {line_id, ocid})) {
    return false;
  }
  c.execute("INSERT INTO budget_line_links (budget_line_id, ocid, linked_by_name, created_at) VALUES (?, ?, ?, ?)",
            {line_id, ocid, by_name, now_timestamp()});
  return true;
}

std::vector<BudgetLine> BudgetRepository::lines_of_process(store::Connection& c, const std::string& ocid) {
  std::vector<BudgetLine> out;
  for (const auto& row : c.query(
           std::string(kLineColumns) +
               "WHERE budget_lines.id IN ("
               " SELECT l.id FROM budget_lines l JOIN contracting_processes p ON p.jurisdiction_id = l.jurisdiction_id"
               " AND p.budget_id = l.line_key WHERE p.ocid = ? AND p.budget_id <> ''"
               " UNION SELECT budget_line_id FROM budget_line_links WHERE ocid = ?) "
               "ORDER BY year DESC, line_key",
           {ocid, ocid})) {
    out.push_back(line_from(row));
  }
  return out;
}

std::optional<std::optional<int64_t>> BudgetRepository::process_jurisdiction(store::Connection& c,
                                                                            const std::string& ocid) {
  auto row = c.query_one("SELECT jurisdiction_id FROM contracting_processes WHERE ocid = ?", {ocid});
  if (!row) return std::nullopt;
  return row->optional_integer("jurisdiction_id");
}

}  // namespace apertura::money
