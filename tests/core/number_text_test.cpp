#include <gtest/gtest.h>

#include "core/number_text.h"

namespace apertura {
namespace {

TEST(NumberText, MoneyAndNumbersAsPeopleAndFormsWriteThem) {
  EXPECT_EQ(cents_text(123450), "$1,234.50 MXN");
  EXPECT_EQ(cents_text(5), "$0.05 MXN");
  EXPECT_EQ(cents_text(-250, ""), "-$2.50");
  EXPECT_EQ(cents_decimal(250), "2.50");
  EXPECT_EQ(byte_size_text(3 * 1024 * 1024 / 2), "1.5 MB");
  EXPECT_EQ(byte_size_text(12 * 1024), "12 kB");
  EXPECT_EQ(byte_size_text(10), "1 kB");
  EXPECT_EQ(cents_decimal(3000), "30.00");
  EXPECT_EQ(cents_decimal(-7), "-0.07");
  EXPECT_EQ(whole_number("42"), 42);
  EXPECT_EQ(whole_number("-7"), -7);
  for (const char* bad : {"", "4a", "1.5", " 3", "99999999999999999999"}) EXPECT_FALSE(whole_number(bad)) << bad;
  EXPECT_EQ(grouped(1234567), "1,234,567");
}

}  // namespace
}  // namespace apertura
