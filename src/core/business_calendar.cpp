#include "core/business_calendar.h"

#include <chrono>
#include <stdexcept>

#include "core/date.h"

namespace apertura {

namespace {
using namespace std::chrono;

// A count longer than this many calendar days means the calendar closes
// (almost) every day: a data error, not a deadline.
constexpr int kMaxCalendarDays = 20 * 366;

year_month_day ymd(const std::string& date) {
  if (!is_iso_date(date)) throw std::invalid_argument("not an ISO date: " + date);
  return year_month_day{year{std::stoi(date.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(date.substr(5, 2)))},
                        day{static_cast<unsigned>(std::stoi(date.substr(8, 2)))}};
}

// The n-th Monday of a month.
year_month_day nth_monday(int y, unsigned m, unsigned n) {
  return year_month_day{year{y} / month{m} / weekday_indexed{Monday, n}};
}

}  // namespace

std::string statutory_rest_day(const std::string& date) {
  year_month_day d = ymd(date);
  int y = static_cast<int>(d.year());
  unsigned m = static_cast<unsigned>(d.month());
  unsigned day_of = static_cast<unsigned>(d.day());
  auto is = [&](unsigned month_of, unsigned day_in) { return m == month_of && day_of == day_in; };
  if (is(1, 1)) return "I";
  bool mondays = y >= 2006;  // reform DOF 17-01-2006
  if (mondays ? d == nth_monday(y, 2, 1) : is(2, 5)) return "II";
  if (mondays ? d == nth_monday(y, 3, 3) : is(3, 21)) return "III";
  if (is(5, 1)) return "IV";
  if (is(9, 16)) return "V";
  if (mondays ? d == nth_monday(y, 11, 3) : is(11, 20)) return "VI";
  // Transmission of the federal Executive, every six years.
  if (y % 6 == 2018 % 6) {
    if (y <= 2018 && is(12, 1)) return "VII";
    if (y >= 2024 && is(10, 1)) return "VII";
  }
  if (is(12, 25)) return "VIII";
  return "";
}

BusinessCalendar::BusinessCalendar(std::vector<ClosedDays> closed) : closed_(std::move(closed)) {
  for (const auto& entry : closed_) {
    if (!is_iso_date(entry.from) || !is_iso_date(entry.to) || entry.to < entry.from) {
      throw std::invalid_argument("closed days must be ISO dates, from <= to: " + entry.from + " " + entry.to);
    }
  }
}

std::optional<SkippedDay> BusinessCalendar::closed_on(const std::string& date) const {
  // A suspension is named before a non-working day on the same date: it is
  // what an appeal about the deadline turns on.
  for (DayOff kind : {DayOff::suspension, DayOff::non_working}) {
    for (const auto& entry : closed_) {
      if (entry.kind == kind && entry.from <= date && date <= entry.to) return SkippedDay{date, kind, entry.basis};
    }
  }
  weekday w{sys_days{ymd(date)}};
  if (w == Saturday || w == Sunday) return SkippedDay{date, DayOff::weekend, ""};
  std::string fraction = statutory_rest_day(date);
  if (!fraction.empty()) return SkippedDay{date, DayOff::statutory, fraction};
  return std::nullopt;
}

std::string BusinessCalendar::on_or_after(const std::string& date) const {
  std::string day = date;
  for (int i = 0; i < kMaxCalendarDays; ++i, day = add_days(day, 1)) {
    if (is_business_day(day)) return day;
  }
  throw std::runtime_error("no business day within 20 years of " + date);
}

BusinessCount BusinessCalendar::add_business_days(const std::string& event, int days) const {
  if (days < 1) throw std::invalid_argument("a term has at least one day");
  BusinessCount count;
  count.event = event;
  count.days = days;
  std::string day = event;
  int counted = 0;
  for (int i = 0; i < kMaxCalendarDays; ++i) {
    day = add_days(day, 1);
    if (auto skipped = closed_on(day)) {
      count.skipped.push_back(*skipped);
      continue;
    }
    if (++counted == 1) count.first = day;
    if (counted == days) {
      count.due = day;
      return count;
    }
  }
  throw std::runtime_error("no end to a term of " + std::to_string(days) + " business days from " + event);
}

int BusinessCalendar::business_days_left(const std::string& today, const std::string& due) const {
  return due >= today ? business_days_between(today, due) : -business_days_between(due, today);
}

int BusinessCalendar::business_days_between(const std::string& from, const std::string& to) const {
  int counted = 0;
  int span = days_between(from, to);
  if (span > kMaxCalendarDays) throw std::invalid_argument("more than 20 years between " + from + " and " + to);
  std::string day = from;
  for (int i = 0; i < span; ++i) {
    day = add_days(day, 1);
    if (is_business_day(day)) ++counted;
  }
  return counted;
}

}  // namespace apertura
