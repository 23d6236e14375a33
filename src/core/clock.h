#pragma once
// Timestamps are stored as ISO-8601 UTC text ("2026-11-25T18:34:38Z") in both
// databases: sortable, readable in a dump, and identical across dialects.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace apertura {

using SystemTime = std::chrono::system_clock::time_point;

std::string format_timestamp(SystemTime time);
std::string now_timestamp();
// Parses "YYYY-MM-DDTHH:MM:SSZ"; nullopt when it is not one.
std::optional<SystemTime> parse_timestamp(const std::string& text);
// RFC 7231 date for HTTP headers.
std::string http_date(SystemTime time);

}  // namespace apertura
