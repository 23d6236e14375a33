#pragma once
// Business days (días hábiles) for legal deadlines. A day is not a business
// day when it is a Saturday or Sunday, a rest day of the Ley Federal del
// Trabajo art. 74 (computed, with its history), or a day a guarantor closed:
// its published non-working days and any suspension of terms, given as data.
// Every count says which days it skipped and why, so a person can check a
// deadline by hand.
#include <optional>
#include <string>
#include <vector>

namespace apertura {

enum class DayOff {
  weekend,      // Saturday or Sunday
  statutory,    // LFT art. 74 (detail: the fraction, "II")
  non_working,  // a guarantor's calendar, an election day (detail: its basis)
  suspension,   // a suspension of terms (detail: its basis)
};

// Days a guarantor closed, both ends included. `kind` is non_working or suspension.
struct ClosedDays {
  std::string from;
  std::string to;
  DayOff kind = DayOff::non_working;
  std::string basis;  // where it was published: "Acuerdo ACT-PUB/..., DOF 28-01-2019"
};

struct SkippedDay {
  std::string date;
  DayOff kind = DayOff::weekend;
  std::string detail;  // the LFT fraction for statutory days, the basis for closed ones
};

// A term of N business days counted from the day after an event.
struct BusinessCount {
  std::string event;  // filing, notification: the count starts after it
  std::string first;  // the first day counted
  std::string due;    // the last day of the term
  int days = 0;
  std::vector<SkippedDay> skipped;  // every day after `event` up to `due` that did not count
};

// The fraction of LFT art. 74 that makes `date` a rest day ("I" .. "VIII"), or "".
// Fractions II, III and VI are fixed dates before the 2006 reform and Mondays
// from 2006; fraction VII is 1 December every six years up to 2018 and
// 1 October from 2024 (reform DOF 30-09-2024). Fraction IX (election days)
// is data: a ClosedDays entry.
std::string statutory_rest_day(const std::string& date);

class BusinessCalendar {
 public:
  explicit BusinessCalendar(std::vector<ClosedDays> closed = {});

  // Why `date` is not a business day; nullopt when it is one.
  std::optional<SkippedDay> closed_on(const std::string& date) const;
  bool is_business_day(const std::string& date) const { return !closed_on(date); }
  // `date` itself when it is a business day, else the next one: a request
  // filed on a closed day is received on it.
  std::string on_or_after(const std::string& date) const;
  // The term of `days` business days (>= 1) that starts the day after `event`.
  BusinessCount add_business_days(const std::string& event, int days) const;
  // Business days after `from` up to and including `to`; 0 when `to` <= `from`.
  int business_days_between(const std::string& from, const std::string& to) const;
  // Business days from `today` until `due` (0 on the day itself), negative
  // once it has passed: -1 the business day after.
  int business_days_left(const std::string& today, const std::string& due) const;

 private:
  std::vector<ClosedDays> closed_;
};

}  // namespace apertura
