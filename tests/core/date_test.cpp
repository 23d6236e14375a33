#include <gtest/gtest.h>

#include "core/date.h"

namespace apertura {
namespace {

TEST(Dates, ValidatesRealCalendarDates) {
  EXPECT_TRUE(is_iso_date("2024-02-29"));
  EXPECT_FALSE(is_iso_date("2025-02-29"));
  EXPECT_FALSE(is_iso_date("2025-13-01"));
  EXPECT_FALSE(is_iso_date("2025-1-01"));
  EXPECT_FALSE(is_iso_date("2025-01-01T00:00"));
  EXPECT_TRUE(is_iso_date(today_iso()));
}

TEST(Dates, AddsYearsAndDays) {
  EXPECT_EQ(add_years("2026-01-01", 1), "2027-01-01");
  EXPECT_EQ(add_years("2024-02-29", 1), "2025-02-28");
  EXPECT_EQ(add_days("2026-01-01", -1), "2025-12-31");
  EXPECT_EQ(days_between("2026-01-01", "2026-12-31"), 364);
  EXPECT_EQ(days_between("2026-03-01", "2026-02-28"), -1);
}

}  // namespace
}  // namespace apertura
