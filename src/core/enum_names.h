#pragma once
// An enum's names for storage and URLs, kept in one table per enum:
//   constexpr std::array<std::pair<Color, std::string_view>, 2> kColors{{{Color::red, "red"}, ...}};
//   name_of(kColors, Color::red) == "red"; parse_name(kColors, "red") == Color::red.
#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace apertura {

// The value's name; the table's first name for a value missing from it.
template <typename Enum, size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
  for (const auto& [known, name] : names) {
    if (known == value) return name;
  }
  return names[0].second;
}

// The value named `text`, or nullopt when the table has no such name.
template <typename Enum, size_t N>
std::optional<Enum> parse_name(const std::array<std::pair<Enum, std::string_view>, N>& names, std::string_view text) {
  for (const auto& [known, name] : names) {
    if (name == text) return known;
  }
  return std::nullopt;
}

}  // namespace apertura
