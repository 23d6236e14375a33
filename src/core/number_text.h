#pragma once
// Numbers written for people, as Mexican pages write them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace apertura {

// 1234567 -> "1,234,567".
std::string grouped(int64_t whole);
// A count and its noun, singular or plural: "1 fila", "12,500 filas".
std::string counted(int64_t count, const char* one, const char* many);
// part / whole as "84.5 %"; "" when whole is not positive.
std::string percent_text(double part, double whole);
// A whole decimal number ("42", "-7"), or nullopt for anything else ("", "4a", "1.5").
std::optional<int64_t> whole_number(std::string_view text);
// Cents as the decimal a form shows: 250 -> "2.50".
std::string cents_decimal(int64_t cents);
// An amount in cents as money: 123450 -> "$1,234.50 MXN" (no currency when "").
std::string cents_text(int64_t cents, const std::string& currency = "MXN");

// A file's size for people: "1.5 MB", "12 kB" (at least 1 kB).
std::string byte_size_text(int64_t bytes);

}  // namespace apertura
