#pragma once
// Numbers written for people, as Mexican pages write them.
#include <cstdint>
#include <string>

namespace apertura {

// 1234567 -> "1,234,567".
std::string grouped(int64_t whole);
// part / whole as "84.5 %"; "" when whole is not positive.
std::string percent_text(double part, double whole);

}  // namespace apertura
