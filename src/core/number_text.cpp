#include "core/number_text.h"

#include <cstdio>

namespace apertura {

std::string grouped(int64_t whole) {
  std::string digits = std::to_string(whole < 0 ? -whole : whole);
  std::string out;
  int count = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (count > 0 && count % 3 == 0) out.insert(out.begin(), ',');
    out.insert(out.begin(), *it);
    ++count;
  }
  return whole < 0 ? "-" + out : out;
}

std::string percent_text(double part, double whole) {
  if (whole <= 0) return "";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f %%", 100.0 * part / whole);
  return text;
}

std::string cents_text(int64_t cents, const std::string& currency) {
  bool negative = cents < 0;
  int64_t magnitude = negative ? -cents : cents;
  int64_t rest = magnitude % 100;
  std::string text = (negative ? "-$" : "$") + grouped(magnitude / 100) + "." + (rest < 10 ? "0" : "") +
                     std::to_string(rest);
  return currency.empty() ? text : text + " " + currency;
}

}  // namespace apertura
