#pragma once
// Every SQL statement about reproduction costs: the fee schedules and each
// answer's cost and payment. No rules here.
#include <optional>
#include <string>
#include <vector>

#include "requests/reproduction_cost.h"
#include "store/connection.h"

namespace apertura::requests {

class CostRepository {
 public:
  // Every schedule, newest year first, the general ones ("" code) last.
  static std::vector<FeeSchedule> schedules(store::Connection& c);
  static std::optional<FeeSchedule> schedule(store::Connection& c, int64_t id);
  static std::optional<FeeSchedule> schedule_for_year(store::Connection& c, const std::string& jurisdiction_code,
                                                      int year);
  // The schedule in force in a year: the jurisdiction's latest up to that
  // year, else the general one's; none when neither has one.
  static std::optional<FeeSchedule> in_force(store::Connection& c, const std::string& jurisdiction_code, int year);
  static int64_t insert_schedule(store::Connection& c, const FeeSchedule& schedule);
  // Writes it if it still has `schedule.version`; false when it changed meanwhile.
  static bool update_schedule(store::Connection& c, const FeeSchedule& schedule);

  static void insert(store::Connection& c, const RequestCost& cost);
  static std::optional<RequestCost> of_request(store::Connection& c, int64_t request_id);
  // Writes its payment state if it still has `cost.version`; false when it changed meanwhile.
  static bool update(store::Connection& c, const RequestCost& cost);
  // Costs still awaiting payment whose term ended before `today`.
  static std::vector<RequestCost> unpaid_before(store::Connection& c, const std::string& today);
};

}  // namespace apertura::requests
