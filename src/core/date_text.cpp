#include "core/date_text.h"

#include <array>

#include "core/date.h"

namespace apertura {

namespace {

constexpr std::array<const char*, 12> kMonths = {"enero",  "febrero", "marzo",      "abril",   "mayo",      "junio",
                                                 "julio",  "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};

struct Parts {
  int year = 0;
  int month = 0;
  int day = 0;
};

bool parts_of(std::string_view text, Parts& parts) {
  std::string date = iso_date_part(text);
  if (date.empty()) return false;
  parts = {std::stoi(date.substr(0, 4)), std::stoi(date.substr(5, 2)), std::stoi(date.substr(8, 2))};
  return true;
}

std::string day_month(const Parts& p) { return std::to_string(p.day) + " de " + kMonths[p.month - 1]; }
std::string full(const Parts& p) { return day_month(p) + " de " + std::to_string(p.year); }

}  // namespace

std::string iso_date_part(std::string_view text) {
  if (text.size() < 10) return "";
  std::string date(text.substr(0, 10));
  return is_iso_date(date) ? date : "";
}

std::string date_es(std::string_view iso) {
  Parts parts;
  return parts_of(iso, parts) ? full(parts) : "";
}

std::string date_range_es(std::string_view from, std::string_view to) {
  Parts start, end;
  bool has_start = parts_of(from, start);
  bool has_end = parts_of(to, end);
  if (has_start && has_end) {
    if (start.year == end.year && start.month == end.month) return "del " + std::to_string(start.day) + " al " + full(end);
    if (start.year == end.year) return "del " + day_month(start) + " al " + full(end);
    return "del " + full(start) + " al " + full(end);
  }
  if (has_start) return "desde el " + full(start);
  if (has_end) return "hasta el " + full(end);
  return "";
}

}  // namespace apertura
