#include "requests/cost_repository.h"

#include "core/clock.h"

namespace apertura::requests {

namespace {

constexpr const char* kScheduleColumns =
    "SELECT id, jurisdiction_code, year, simple_page_cents, certified_page_cents, medium_cents, shipping_cents, "
    "payment_instructions, legal_basis, verified, updated_at, version FROM request_fee_schedules ";

FeeSchedule schedule_from(const store::Row& row) {
  FeeSchedule s;
  s.id = row.integer("id");
  s.jurisdiction_code = row.text("jurisdiction_code");
  s.year = static_cast<int>(row.integer("year"));
  s.simple_page_cents = row.integer("simple_page_cents");
  s.certified_page_cents = row.integer("certified_page_cents");
  s.medium_cents = row.integer("medium_cents");
  s.shipping_cents = row.integer("shipping_cents");
  s.payment_instructions = row.text("payment_instructions");
  s.legal_basis = row.text("legal_basis");
  s.verified = row.integer("verified") != 0;
  s.updated_at = row.text("updated_at");
  s.version = row.integer("version");
  return s;
}

constexpr const char* kCostColumns =
    "SELECT request_id, fee_schedule_id, pages, media, shipping, lines, amount_cents, free_reason, status, "
    "payment_due_on, paid_on, payment_reference, available_until, collected_on, updated_at, version "
    "FROM request_costs ";

RequestCost cost_from(const store::Row& row) {
  RequestCost c;
  c.request_id = row.integer("request_id");
  if (!row.is_null("fee_schedule_id")) c.fee_schedule_id = row.integer("fee_schedule_id");
  c.quantities = {static_cast<int>(row.integer("pages")), static_cast<int>(row.integer("media")),
                  row.integer("shipping") != 0};
  for (const auto& line : nlohmann::json::parse(row.text("lines"), nullptr, false)) {
    if (!line.is_object()) continue;
    c.quote.lines.push_back({line.value("label", ""), line.value("quantity", int64_t{0}),
                             line.value("unit_cents", int64_t{0}), line.value("cents", int64_t{0})});
  }
  c.quote.amount_cents = row.integer("amount_cents");
  c.quote.free_reason = row.text("free_reason");
  c.status = parse_cost_status(row.text("status")).value_or(CostStatus::awaiting_payment);
  c.payment_due_on = row.text("payment_due_on");
  c.paid_on = row.text("paid_on");
  c.payment_reference = row.text("payment_reference");
  c.available_until = row.text("available_until");
  c.collected_on = row.text("collected_on");
  c.updated_at = row.text("updated_at");
  c.version = row.integer("version");
  return c;
}

std::string lines_json(const CostQuote& quote) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& line : quote.lines) {
    lines.push_back({{"label", line.label}, {"quantity", line.quantity}, {"unit_cents", line.unit_cents},
                     {"cents", line.cents}});
  }
  return lines.dump();
}

}  // namespace

std::vector<FeeSchedule> CostRepository::schedules(store::Connection& c) {
  std::vector<FeeSchedule> out;
  for (const auto& row : c.query(std::string(kScheduleColumns) +
                                 "ORDER BY CASE WHEN jurisdiction_code = '' THEN 1 ELSE 0 END, jurisdiction_code, year DESC")) {
    out.push_back(schedule_from(row));
  }
  return out;
}

std::optional<FeeSchedule> CostRepository::schedule(store::Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kScheduleColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return schedule_from(*row);
}

std::optional<FeeSchedule> CostRepository::schedule_for_year(store::Connection& c, const std::string& code, int year) {
  auto row = c.query_one(std::string(kScheduleColumns) + "WHERE jurisdiction_code = ? AND year = ?",
                         {code, int64_t{year}});
  if (!row) return std::nullopt;
  return schedule_from(*row);
}

std::optional<FeeSchedule> CostRepository::in_force(store::Connection& c, const std::string& code, int year) {
  for (const std::string& candidate : {code, std::string()}) {
    auto row = c.query_one(std::string(kScheduleColumns) +
                               "WHERE jurisdiction_code = ? AND year <= ? ORDER BY year DESC LIMIT 1",
                           {candidate, int64_t{year}});
    if (row) return schedule_from(*row);
    if (code.empty()) break;
  }
  return std::nullopt;
}

int64_t CostRepository::insert_schedule(store::Connection& c, const FeeSchedule& s) {
  std::string now = now_timestamp();
  return c.insert_returning_id(
      "INSERT INTO request_fee_schedules (jurisdiction_code, year, simple_page_cents, certified_page_cents, "
      "medium_cents, shipping_cents, payment_instructions, legal_basis, verified, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {s.jurisdiction_code, int64_t{s.year}, s.simple_page_cents, s.certified_page_cents, s.medium_cents,
       s.shipping_cents, s.payment_instructions, s.legal_basis, s.verified ? 1 : 0, now, now});
}

bool CostRepository::update_schedule(store::Connection& c, const FeeSchedule& s) {
  c.execute(
      "UPDATE request_fee_schedules SET simple_page_cents = ?, certified_page_cents = ?, medium_cents = ?, "
      "shipping_cents = ?, payment_instructions = ?, legal_basis = ?, verified = ?, updated_at = ?, "
      "version = version + 1 WHERE id = ? AND version = ?",
      {s.simple_page_cents, s.certified_page_cents, s.medium_cents, s.shipping_cents, s.payment_instructions,
       s.legal_basis, s.verified ? 1 : 0, now_timestamp(), s.id, s.version});
  return c.changes() == 1;
}

void CostRepository::insert(store::Connection& c, const RequestCost& cost) {
  std::string now = now_timestamp();
  c.execute(
      "INSERT INTO request_costs (request_id, fee_schedule_id, pages, media, shipping, lines, amount_cents, "
      "free_reason, status, payment_due_on, paid_on, payment_reference, available_until, collected_on, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {cost.request_id, cost.fee_schedule_id ? store::Value(*cost.fee_schedule_id) : store::Value(),
       int64_t{cost.quantities.pages}, int64_t{cost.quantities.media}, cost.quantities.shipping ? 1 : 0,
       lines_json(cost.quote), cost.quote.amount_cents, cost.quote.free_reason,
       std::string(cost_status_name(cost.status)), cost.payment_due_on, cost.paid_on, cost.payment_reference,
       cost.available_until, cost.collected_on, now, now});
}

std::optional<RequestCost> CostRepository::of_request(store::Connection& c, int64_t request_id) {
  auto row = c.query_one(std::string(kCostColumns) + "WHERE request_id = ?", {request_id});
  if (!row) return std::nullopt;
  return cost_from(*row);
}

bool CostRepository::update(store::Connection& c, const RequestCost& cost) {
  c.execute(
      "UPDATE request_costs SET status = ?, paid_on = ?, payment_reference = ?, available_until = ?, "
      "collected_on = ?, updated_at = ?, version = version + 1 WHERE request_id = ? AND version = ?",
      {std::string(cost_status_name(cost.status)), cost.paid_on, cost.payment_reference, cost.available_until,
       cost.collected_on, now_timestamp(), cost.request_id, cost.version});
  return c.changes() == 1;
}

std::vector<RequestCost> CostRepository::unpaid_before(store::Connection& c, const std::string& today) {
  std::vector<RequestCost> out;
  for (const auto& row : c.query(std::string(kCostColumns) +
                                 "WHERE status = 'awaiting_payment' AND payment_due_on < ? ORDER BY request_id",
                                 {today})) {
    out.push_back(cost_from(row));
  }
  return out;
}

}  // namespace apertura::requests
