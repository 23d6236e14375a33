#include "requests/reproduction_cost.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/enum_names.h"
#include "core/number_text.h"
#include "requests/messages.h"

namespace apertura::requests {

namespace {

constexpr std::array<std::pair<CostStatus, std::string_view>, 4> kStatuses{{
    {CostStatus::awaiting_payment, "awaiting_payment"},
    {CostStatus::available, "available"},
    {CostStatus::collected, "collected"},
    {CostStatus::unpaid, "unpaid"},
}};

nlohmann::json date_or_null(const std::string& date) { return date.empty() ? nlohmann::json() : nlohmann::json(date); }

}  // namespace

std::string_view cost_status_name(CostStatus status) { return name_of(kStatuses, status); }
std::optional<CostStatus> parse_cost_status(std::string_view name) { return parse_name(kStatuses, name); }

CostQuote quote_cost(Delivery delivery, const FeeSchedule& schedule, int free_pages, const CostQuantities& quantities,
                     bool answered_late, const std::string& waiver) {
  CostQuote quote;
  auto add = [&quote](std::string label, int64_t quantity, int64_t unit_cents) {
    quote.lines.push_back({std::move(label), quantity, unit_cents, quantity * unit_cents});
  };
  if (quantities.pages > 0 && delivery == Delivery::certified_copies) {
    add(say(Msg::cost_certified_pages, grouped(quantities.pages)), quantities.pages, schedule.certified_page_cents);
  } else if (quantities.pages > 0) {
    int free = std::min(quantities.pages, std::max(0, free_pages));
    add(say(Msg::cost_simple_pages, grouped(quantities.pages), grouped(free)), quantities.pages - free,
        schedule.simple_page_cents);
  }
  if (quantities.media > 0) add(say(Msg::cost_media), quantities.media, schedule.medium_cents);
  if (quantities.shipping) add(say(Msg::cost_shipping), 1, schedule.shipping_cents);
  for (const auto& line : quote.lines) quote.amount_cents += line.cents;
  if (quote.amount_cents > 0 && answered_late) {
    quote.free_reason = say(Msg::cost_free_late);
  } else if (quote.amount_cents > 0 && !waiver.empty()) {
    quote.free_reason = say(Msg::cost_waived, waiver);
  }
  if (!quote.free_reason.empty()) quote.amount_cents = 0;
  return quote;
}

nlohmann::json FeeSchedule::to_json() const {
  return {{"id", id},
          {"jurisdiction_code", jurisdiction_code.empty() ? nlohmann::json() : nlohmann::json(jurisdiction_code)},
          {"year", year},
          {"simple_page_cents", simple_page_cents},
          {"certified_page_cents", certified_page_cents},
          {"medium_cents", medium_cents},
          {"shipping_cents", shipping_cents},
          {"payment_instructions", payment_instructions},
          {"legal_basis", legal_basis},
          {"verified", verified},
          {"updated_at", updated_at},
          {"version", version}};
}

nlohmann::json RequestCost::to_json() const {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& line : quote.lines) {
    lines.push_back({{"label", line.label}, {"quantity", line.quantity}, {"unit_cents", line.unit_cents},
                     {"cents", line.cents}});
  }
  return {{"pages", quantities.pages},
          {"media", quantities.media},
          {"shipping", quantities.shipping},
          {"lines", lines},
          {"amount_cents", quote.amount_cents},
          {"amount", cents_text(quote.amount_cents)},
          {"free_reason", quote.free_reason.empty() ? nlohmann::json() : nlohmann::json(quote.free_reason)},
          {"status", cost_status_name(status)},
          {"payment_due_on", date_or_null(payment_due_on)},
          {"paid_on", date_or_null(paid_on)},
          {"payment_reference", payment_reference.empty() ? nlohmann::json() : nlohmann::json(payment_reference)},
          {"available_until", date_or_null(available_until)},
          {"collected_on", date_or_null(collected_on)},
          {"version", version}};
}

}  // namespace apertura::requests
