#pragma once
// Calendar dates as ISO text ("2026-01-31"), the form they are stored in:
// they sort as text and compare with < in SQL and C++ alike.
#include <optional>
#include <string>
#include <string_view>

namespace apertura {

// True for a real calendar date in YYYY-MM-DD form (no 2026-02-30).
bool is_iso_date(std::string_view text);
// today in UTC, "YYYY-MM-DD".
std::string today_iso();
// "2026-01-01" + 1 year = "2027-01-01"; 29 February falls back to 28.
std::string add_years(const std::string& date, int years);
// "2026-01-01" - 1 day = "2025-12-31".
std::string add_days(const std::string& date, int days);
// Whole days from `from` to `to` (negative when `to` is earlier).
int days_between(const std::string& from, const std::string& to);

}  // namespace apertura
