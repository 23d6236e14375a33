#pragma once
// Values that travel between the domains and the databases: NULL, 64-bit
// integers, doubles, UTF-8 text and bytes. Both backends map to and from these
// (bytes are BLOB on SQLite, bytea on PostgreSQL).
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

namespace apertura::store {

// Bytes that are not text, kept apart from std::string so that binding them
// says which they are.
struct Bytes {
  std::string data;
};

class Value {
 public:
  using Storage = std::variant<std::monostate, int64_t, double, std::string, Bytes>;

  Value() = default;
  Value(std::nullopt_t) {}
  Value(int v) : storage_(static_cast<int64_t>(v)) {}
  Value(long v) : storage_(static_cast<int64_t>(v)) {}
  Value(long long v) : storage_(static_cast<int64_t>(v)) {}
  Value(unsigned v) : storage_(static_cast<int64_t>(v)) {}
  Value(unsigned long v) : storage_(static_cast<int64_t>(v)) {}
  Value(bool v) : storage_(static_cast<int64_t>(v ? 1 : 0)) {}
  Value(double v) : storage_(v) {}
  Value(std::string v) : storage_(std::move(v)) {}
  Value(std::string_view v) : storage_(std::string(v)) {}
  Value(const char* v) : storage_(std::string(v)) {}
  Value(Bytes v) : storage_(std::move(v)) {}
  template <typename T>
  Value(const std::optional<T>& v) {
    if (v) *this = Value(*v);
  }

  bool is_null() const { return std::holds_alternative<std::monostate>(storage_); }
  bool is_bytes() const { return std::holds_alternative<Bytes>(storage_); }
  const Storage& storage() const { return storage_; }

  int64_t as_integer() const;
  double as_real() const;
  // Text as it is; integers and doubles written out; bytes as they are.
  std::string as_text() const;

 private:
  Storage storage_;
};

using Params = std::vector<Value>;

// One row of a result; columns are read by position or by name.
class Row {
 public:
  Row(std::shared_ptr<const std::vector<std::string>> columns, std::vector<Value> values)
      : columns_(std::move(columns)), values_(std::move(values)) {}

  const Value& operator[](size_t index) const { return values_.at(index); }
  const Value& operator[](std::string_view column) const;
  size_t size() const { return values_.size(); }

  std::string text(std::string_view column) const { return (*this)[column].as_text(); }
  int64_t integer(std::string_view column) const { return (*this)[column].as_integer(); }
  double real(std::string_view column) const { return (*this)[column].as_real(); }
  bool boolean(std::string_view column) const { return (*this)[column].as_integer() != 0; }
  bool is_null(std::string_view column) const { return (*this)[column].is_null(); }
  std::optional<std::string> optional_text(std::string_view column) const;
  std::optional<int64_t> optional_integer(std::string_view column) const;

 private:
  std::shared_ptr<const std::vector<std::string>> columns_;
  std::vector<Value> values_;
};

using Rows = std::vector<Row>;

// Errors from the database. A unique-key violation is its own type because
// services turn it into a "already exists" message for the user.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
class UniqueViolation : public StoreError {
 public:
  using StoreError::StoreError;
};
class ConnectionLost : public StoreError {
 public:
  using StoreError::StoreError;
};

}  // namespace apertura::store
