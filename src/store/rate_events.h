#pragma once
// Counted events for rate limits, shared by every server on the database.
// A subject names what is limited ("filing:address:192.0.2.1"); callers
// decide the windows and limits. Statements only, no rules.
#include <cstdint>
#include <string>

#include "store/connection.h"

namespace apertura::store {

class RateEvents {
 public:
  // Events of `subject` after `since` (UTC timestamp).
  static int64_t count_since(Connection& c, const std::string& subject, const std::string& since);
  static void record(Connection& c, const std::string& subject, const std::string& at);
  // Drops every subject's events at or before `before`, so the table stays small.
  static void forget_before(Connection& c, const std::string& before);
};

}  // namespace apertura::store
