#pragma once
// What delivering an answer costs the requester. Access is free; only the
// materials, the shipping and the certification may be charged, at the
// prices of a fee schedule kept as data per jurisdiction and year (federal
// fees come from the Ley Federal de Derechos, and no institution may charge
// more). Delivery is free up to the regime's free pages of simple copies, the
// transparency unit may waive the cost for the requester's circumstances, and
// an answer given after its term is delivered at the institution's cost
// (LGTAIP 2025 arts. 136, 141 and 143; 2015 art. 141). The requester pays
// within the regime's payment term, and the copies wait for them for its
// availability term after the payment.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "requests/information_request.h"

namespace apertura::requests {

// The prices in force in a jurisdiction ("" for every one without its own)
// from a year until a later schedule replaces them.
struct FeeSchedule {
  int64_t id = 0;
  std::string jurisdiction_code;
  int year = 0;
  int64_t simple_page_cents = 0;     // a simple copy, per page
  int64_t certified_page_cents = 0;  // a certified copy, per page
  int64_t medium_cents = 0;          // a CD, DVD or USB memory
  int64_t shipping_cents = 0;        // sending it by post
  std::string payment_instructions;  // where and how to pay
  std::string legal_basis;
  bool verified = false;  // the prices were checked against the official text
  std::string updated_at;
  int64_t version = 0;

  nlohmann::json to_json() const;
};

// What the unit delivers with an answer.
struct CostQuantities {
  int pages = 0;  // pages of copies (simple or certified, as the requester asked)
  int media = 0;  // CDs, DVDs or USB memories
  bool shipping = false;
  bool any() const { return pages > 0 || media > 0 || shipping; }
};

struct CostLine {
  std::string label;  // "Copias simples (45 hojas; las primeras 20 sin costo)"
  int64_t quantity = 0;
  int64_t unit_cents = 0;
  int64_t cents = 0;
};

struct CostQuote {
  std::vector<CostLine> lines;
  int64_t amount_cents = 0;
  std::string free_reason;  // why it costs nothing though something is delivered; ""
};

// The cost of delivering `quantities` in the `delivery` mode. Simple copies
// beyond `free_pages` are charged; certified copies are charged per page;
// media and shipping per item. A late answer or a waiver (its reason, "" for
// none) makes the whole delivery free, and the quote says why.
CostQuote quote_cost(Delivery delivery, const FeeSchedule& schedule, int free_pages, const CostQuantities& quantities,
                     bool answered_late, const std::string& waiver);

enum class CostStatus {
  awaiting_payment,  // the payment term runs
  available,         // paid (or free): the copies wait to be collected
  collected,
  unpaid,  // the payment term ended without payment: the request is closed
};
std::string_view cost_status_name(CostStatus status);
std::optional<CostStatus> parse_cost_status(std::string_view name);

// The cost of a request's delivery and how its payment went, public.
struct RequestCost {
  int64_t request_id = 0;
  std::optional<int64_t> fee_schedule_id;
  CostQuantities quantities;
  CostQuote quote;
  CostStatus status = CostStatus::awaiting_payment;
  std::string payment_due_on;     // "" when free
  std::string paid_on;
  std::string payment_reference;  // the receipt the unit checked
  std::string available_until;    // the last day the copies wait; "" until paid
  std::string collected_on;
  std::string updated_at;
  int64_t version = 0;

  nlohmann::json to_json() const;
};

}  // namespace apertura::requests
