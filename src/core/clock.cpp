#include "core/clock.h"

#include <ctime>

namespace apertura {

namespace {
std::tm utc_tm(SystemTime time) {
  std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm;
}
}  // namespace

std::string format_timestamp(SystemTime time) {
  std::tm tm = utc_tm(time);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::string now_timestamp() { return format_timestamp(std::chrono::system_clock::now()); }

std::optional<SystemTime> parse_timestamp(const std::string& text) {
  std::tm tm{};
  const char* end = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  if (end == nullptr || *end != '\0') return std::nullopt;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

std::string http_date(SystemTime time) {
  std::tm tm = utc_tm(time);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buffer;
}

}  // namespace apertura
