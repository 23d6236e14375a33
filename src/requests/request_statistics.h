#pragma once
// What the public archive adds up to, per institution: how many requests
// came in a year, how many were answered and whether on time, how they were
// answered, and how long the answers took.
//
// Definitions (the page and the CSV say them in words):
// - received: requests received (received_on) in the year;
// - responded: answered, or told the institution is not competent; on time
//   when that came within its term (the response term, with any extension;
//   the incompetence notice's own term), late otherwise;
// - open: still running; overdue: open, not waiting for the requester, and
//   past the due date today;
// - median_business_days: of responded requests, business days from the day
//   received to the response (clarification time included);
// - appeals: appeals received in the year (whatever year their request came
//   in), by what became of them: still open, rejected, confirmed, revoked,
//   modified, dismissed, and of those revoked or modified, complied or not.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "requests/information_request.h"

namespace apertura::requests {

struct RequestTally {
  int64_t institution_id = 0;  // 0 for a total
  std::string institution_name;
  int64_t received = 0;
  int64_t answered = 0;
  int64_t not_competent = 0;
  int64_t on_time = 0;
  int64_t late = 0;
  int64_t open = 0;
  int64_t overdue = 0;
  int64_t extended = 0;
  int64_t clarified = 0;
  int64_t not_filed = 0;
  std::map<Outcome, int64_t> outcomes;
  std::optional<double> median_business_days;
  int64_t appeals = 0;
  int64_t appeals_open = 0;
  int64_t appeals_rejected = 0;
  int64_t appeals_confirmed = 0;
  int64_t appeals_revoked = 0;
  int64_t appeals_modified = 0;
  int64_t appeals_dismissed = 0;
  int64_t appeals_complied = 0;
  int64_t appeals_not_complied = 0;

  int64_t responded() const { return answered + not_competent; }
};

struct StatsQuery {
  std::string jurisdiction;              // slug or INEGI code; "" every one
  std::optional<int64_t> institution_id;
  int year = 0;                          // 0: the current year
  // A span of receipt days instead of a year (a plan's period), both ISO and inclusive.
  std::string from = "";
  std::string until = "";
};

struct RequestStatistics {
  int year = 0;
  std::string jurisdiction_name;  // "" for every jurisdiction
  std::string jurisdiction_slug;
  std::vector<RequestTally> institutions;  // most requests first
  RequestTally total;
  std::vector<int> years;  // years with requests, newest first
};

}  // namespace apertura::requests
