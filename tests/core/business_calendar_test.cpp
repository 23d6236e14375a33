#include <gtest/gtest.h>

#include "core/business_calendar.h"

namespace apertura {
namespace {

// The rest days of LFT art. 74 as the official calendars published them.
TEST(BusinessCalendar, StatutoryRestDaysFollowTheLawOfTheirYear) {
  struct Case {
    const char* date;
    const char* fraction;
  };
  const Case cases[] = {
      // 2025 and 2026: the Mondays of fractions II, III and VI.
      {"2025-01-01", "I"}, {"2025-02-03", "II"}, {"2025-03-17", "III"}, {"2025-05-01", "IV"},
      {"2025-09-16", "V"}, {"2025-11-17", "VI"}, {"2025-12-25", "VIII"},
      {"2026-02-02", "II"}, {"2026-03-16", "III"}, {"2026-11-16", "VI"},
      {"2027-02-01", "II"}, {"2027-03-15", "III"}, {"2027-11-15", "VI"},
      // The commemorated dates themselves are working days since 2006.
      {"2026-02-05", ""}, {"2026-03-21", ""}, {"2026-11-20", ""},
      // Before the 2006 reform, the fixed dates.
      {"2005-02-05", "II"}, {"2005-03-21", "III"}, {"2005-11-20", "VI"}, {"2005-02-07", ""},
      // Fraction VII: 1 December every six years up to 2018, 1 October from 2024.
      {"2012-12-01", "VII"}, {"2018-12-01", "VII"}, {"2019-12-01", ""}, {"2024-12-01", ""},
      {"2024-10-01", "VII"}, {"2030-10-01", "VII"}, {"2026-10-01", ""},
      // Ordinary days.
      {"2026-01-02", ""}, {"2026-05-05", ""}, {"2026-09-15", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(statutory_rest_day(c.date), c.fraction) << c.date;
}

TEST(BusinessCalendar, ATermStartsTheDayAfterAndSkipsWeekendsAndRestDays) {
  BusinessCalendar calendar;
  // Filed Monday 5 January 2026: 20 business days from Tuesday the 6th. The
  // 2 February (first Monday, art. 74 fr. II) does not count.
  BusinessCount count = calendar.add_business_days("2026-01-05", 20);
  EXPECT_EQ(count.first, "2026-01-06");
  EXPECT_EQ(count.due, "2026-02-03");
  ASSERT_EQ(count.skipped.size(), 9u);  // four weekends and fr. II
  EXPECT_EQ(count.skipped.front().date, "2026-01-10");
  EXPECT_EQ(count.skipped.front().kind, DayOff::weekend);
  EXPECT_EQ(count.skipped.back().date, "2026-02-02");
  EXPECT_EQ(count.skipped.back().kind, DayOff::statutory);
  EXPECT_EQ(count.skipped.back().detail, "II");
  EXPECT_EQ(calendar.business_days_between("2026-01-05", "2026-02-03"), 20);

  struct Case {
    const char* event;
    int days;
    const char* due;
  };
  const Case cases[] = {
      {"2026-03-06", 5, "2026-03-13"},   // Friday: Monday to Friday
      {"2026-03-06", 20, "2026-04-06"},  // over 16 March (fr. III)
      {"2026-03-13", 1, "2026-03-17"},   // Friday before the long weekend
      {"2026-12-18", 10, "2027-01-05"},  // over 25 December and 1 January
      {"2025-09-12", 3, "2025-09-18"},   // over 16 September
      {"2024-09-27", 5, "2024-10-07"},   // over 1 October 2024 (fr. VII)
      {"2026-01-03", 1, "2026-01-05"},   // an event on a Saturday
  };
  for (const auto& c : cases) EXPECT_EQ(calendar.add_business_days(c.event, c.days).due, c.due) << c.event;
  EXPECT_THROW(calendar.add_business_days("2026-01-05", 0), std::invalid_argument);
}

TEST(BusinessCalendar, AGuarantorsNonWorkingDaysAndSuspensionsMoveTheDueDate) {
  // Holy Thursday and Friday 2026, and a suspension of the week after.
  BusinessCalendar holy_week({{"2026-04-02", "2026-04-03", DayOff::non_working, "Calendario 2026 del garante"}});
  EXPECT_EQ(holy_week.add_business_days("2026-03-06", 20).due, "2026-04-08");
  BusinessCalendar suspended({{"2026-04-02", "2026-04-03", DayOff::non_working, "Calendario 2026 del garante"},
                              {"2026-04-06", "2026-04-10", DayOff::suspension, "Acuerdo de suspensión de plazos"}});
  BusinessCount count = suspended.add_business_days("2026-03-06", 20);
  EXPECT_EQ(count.due, "2026-04-15");
  int suspension_days = 0;
  for (const auto& day : count.skipped) {
    if (day.kind == DayOff::suspension) {
      ++suspension_days;
      EXPECT_EQ(day.detail, "Acuerdo de suspensión de plazos");
    }
  }
  EXPECT_EQ(suspension_days, 5);
  EXPECT_EQ(suspended.business_days_between("2026-03-06", "2026-04-15"), 20);
  // A filing on a closed day is received on the next business day.
  EXPECT_EQ(suspended.on_or_after("2026-04-04"), "2026-04-13");
  EXPECT_EQ(suspended.on_or_after("2026-04-13"), "2026-04-13");
  // Each closed day says why: the weekend before the suspension, then the suspension.
  EXPECT_EQ(suspended.closed_on("2026-04-04")->kind, DayOff::weekend);
  EXPECT_EQ(suspended.closed_on("2026-04-08")->kind, DayOff::suspension);
  EXPECT_EQ(suspended.business_days_between("2026-04-15", "2026-04-01"), 0);
  EXPECT_THROW(BusinessCalendar({{"2026-04-10", "2026-04-06", DayOff::suspension, ""}}), std::invalid_argument);
}

}  // namespace
}  // namespace apertura

namespace apertura {
namespace {

TEST(BusinessCalendar, BusinessDaysLeftAreNegativeOnceTheDueDateHasPassed) {
  BusinessCalendar calendar;
  // Friday 30 January 2026 to Tuesday 3 February: Monday 2 February is a rest day.
  EXPECT_EQ(calendar.business_days_left("2026-01-30", "2026-02-03"), 1);
  EXPECT_EQ(calendar.business_days_left("2026-02-03", "2026-02-03"), 0);
  EXPECT_EQ(calendar.business_days_left("2026-02-04", "2026-02-03"), -1);
  EXPECT_EQ(calendar.business_days_left("2026-02-09", "2026-02-03"), -4);
}

}  // namespace
}  // namespace apertura
