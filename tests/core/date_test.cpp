#include <gtest/gtest.h>

#include "core/date.h"
#include "core/date_text.h"

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

namespace apertura {
namespace {

TEST(DateText, ReadsAsMexicanSpanish) {
  EXPECT_EQ(date_es("2026-01-01"), "1 de enero de 2026");
  EXPECT_EQ(date_es("2026-10-28T10:00:00-06:00"), "28 de octubre de 2026");
  EXPECT_EQ(date_es("2024-02-29T23:59:59Z"), "29 de febrero de 2024");
  EXPECT_EQ(date_es("2026-02-30"), "");
  EXPECT_EQ(date_es("pronto"), "");
  EXPECT_EQ(date_es(""), "");
  EXPECT_EQ(iso_date_part("2026-10-28T10:00:00-06:00"), "2026-10-28");
  EXPECT_EQ(iso_date_part("28/10/2026"), "");
  EXPECT_EQ(date_range_es("2026-01-01", "2026-12-31"), "del 1 de enero al 31 de diciembre de 2026");
  EXPECT_EQ(date_range_es("2026-07-15", "2027-07-14"), "del 15 de julio de 2026 al 14 de julio de 2027");
  EXPECT_EQ(date_range_es("2026-03-01T00:00:00Z", "2026-03-20"), "del 1 al 20 de marzo de 2026");
  EXPECT_EQ(date_range_es("2026-07-15", ""), "desde el 15 de julio de 2026");
  EXPECT_EQ(date_range_es("", "2027-07-14T00:00:00Z"), "hasta el 14 de julio de 2027");
  EXPECT_EQ(date_range_es("", ""), "");
}

}  // namespace
}  // namespace apertura
