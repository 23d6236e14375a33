#include "core/number_text.h"

#include <algorithm>
#include <charconv>
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

std::optional<int64_t> whole_number(std::string_view text) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string counted(int64_t count, const char* one, const char* many) {
  return grouped(count) + " " + (count == 1 ? one : many);
}

std::string cents_decimal(int64_t cents) {
  int64_t magnitude = cents < 0 ? -cents : cents;
  std::string rest = std::to_string(magnitude % 100);
  return (cents < 0 ? "-" : "") + std::to_string(magnitude / 100) + "." + (rest.size() == 1 ? "0" : "") + rest;
}

std::string cents_text(int64_t cents, const std::string& currency) {
  bool negative = cents < 0;
  int64_t magnitude = negative ? -cents : cents;
  int64_t rest = magnitude % 100;
  std::string text = (negative ? "-$" : "$") + grouped(magnitude / 100) + "." + (rest < 10 ? "0" : "") +
                     std::to_string(rest);
  return currency.empty() ? text : text + " " + currency;
}

std::string byte_size_text(int64_t bytes) {
  char text[32];
  if (bytes >= 1024 * 1024) {
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  } else {
    std::snprintf(text, sizeof text, "%.0f kB", std::max(1.0, static_cast<double>(bytes) / 1024.0));
  }
  return text;
}

}  // namespace apertura
