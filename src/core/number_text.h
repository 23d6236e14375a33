#pragma once
// Numbers written for people, as Mexican pages write them.
#include <cstdint>
#include <string>

namespace apertura {

// 1234567 -> "1,234,567".
std::string grouped(int64_t whole);
// part / whole as "84.5 %"; "" when whole is not positive.
std::string percent_text(double part, double whole);
// An amount in cents as money: 123450 -> "$1,234.50 MXN" (no currency when "").
std::string cents_text(int64_t cents, const std::string& currency = "MXN");

}  // namespace apertura
