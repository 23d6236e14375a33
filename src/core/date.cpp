#include "core/date.h"

#include <chrono>
#include <cstdio>

namespace apertura {

namespace {
using namespace std::chrono;

std::optional<year_month_day> parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  int y = std::stoi(std::string(text.substr(0, 4)));
  unsigned m = static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))));
  unsigned d = static_cast<unsigned>(std::stoi(std::string(text.substr(8, 2))));
  year_month_day date{year{y}, month{m}, day{d}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string format(const year_month_day& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

year_month_day checked(const std::string& text) {
  auto date = parse(text);
  if (!date) throw std::invalid_argument("not an ISO date: " + text);
  return *date;
}
}  // namespace

bool is_iso_date(std::string_view text) { return parse(text).has_value(); }

std::string today_iso() { return format(year_month_day{floor<days>(system_clock::now())}); }

std::string add_years(const std::string& date, int years) {
  year_month_day shifted = checked(date) + std::chrono::years{years};
  if (!shifted.ok()) shifted = shifted.year() / shifted.month() / last;
  return format(shifted);
}

std::string add_days(const std::string& date, int count) {
  return format(year_month_day{sys_days{checked(date)} + days{count}});
}

int days_between(const std::string& from, const std::string& to) {
  return static_cast<int>((sys_days{checked(to)} - sys_days{checked(from)}).count());
}

}  // namespace apertura
