#include "store/value.h"

#include <algorithm>
#include <charconv>

namespace apertura::store {

int64_t Value::as_integer() const {
  if (auto* i = std::get_if<int64_t>(&storage_)) return *i;
  if (auto* d = std::get_if<double>(&storage_)) return static_cast<int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&storage_)) {
    int64_t out = 0;
    auto [ptr, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
    if (ec == std::errc()) return out;
    throw StoreError("not an integer: " + *s);
  }
  throw StoreError("NULL where an integer was expected");
}

double Value::as_real() const {
  if (auto* d = std::get_if<double>(&storage_)) return *d;
  if (auto* i = std::get_if<int64_t>(&storage_)) return static_cast<double>(*i);
  if (auto* s = std::get_if<std::string>(&storage_)) return std::stod(*s);
  throw StoreError("NULL where a number was expected");
}

std::string Value::as_text() const {
  if (auto* s = std::get_if<std::string>(&storage_)) return *s;
  if (auto* i = std::get_if<int64_t>(&storage_)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&storage_)) {
    char buffer[64];
    auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, *d);
    return std::string(buffer, ptr);
  }
  if (auto* b = std::get_if<Bytes>(&storage_)) return b->data;
  return {};
}

const Value& Row::operator[](std::string_view column) const {
  auto it = std::find(columns_->begin(), columns_->end(), column);
  if (it == columns_->end()) throw StoreError("no column named " + std::string(column));
  return values_[static_cast<size_t>(it - columns_->begin())];
}

std::optional<std::string> Row::optional_text(std::string_view column) const {
  const Value& v = (*this)[column];
  if (v.is_null()) return std::nullopt;
  return v.as_text();
}

std::optional<int64_t> Row::optional_integer(std::string_view column) const {
  const Value& v = (*this)[column];
  if (v.is_null()) return std::nullopt;
  return v.as_integer();
}

}  // namespace apertura::store
