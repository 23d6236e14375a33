#pragma once
// Each domain keeps its sentences for people in one table, its messages.cpp:
// an enum names each sentence and one switch holds the Spanish text, so the
// rules read as code and a translation replaces one file per domain. A
// sentence marks with {} where values go; `fill_in` puts them in, in order.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace apertura {

// The pattern with each {} replaced by the next value. A {} without a value
// is left empty; values beyond the last {} are ignored.
std::string fill_in(std::string_view pattern, std::initializer_list<std::string_view> values);

namespace detail {
inline std::string as_text(std::string_view text) { return std::string(text); }
template <typename Number, typename = std::enable_if_t<std::is_arithmetic_v<Number>>>
std::string as_text(Number number) {
  return std::to_string(number);
}
}  // namespace detail

template <typename... Values>
std::string fill_in(std::string_view pattern, const Values&... values) {
  if constexpr (sizeof...(Values) == 0) {
    return fill_in(pattern, std::initializer_list<std::string_view>{});
  } else {
    const std::string texts[] = {detail::as_text(values)...};
    auto at = [&](size_t i) { return std::string_view(texts[i]); };
    return [&]<size_t... I>(std::index_sequence<I...>) {
      return fill_in(pattern, {at(I)...});
    }(std::index_sequence_for<Values...>{});
  }
}

}  // namespace apertura
