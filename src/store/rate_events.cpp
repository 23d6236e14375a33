#include "store/rate_events.h"

namespace apertura::store {

int64_t RateEvents::count_since(Connection& c, const std::string& subject, const std::string& since) {
  return c.query_one("SELECT COUNT(*) AS n FROM rate_events WHERE subject = ? AND at > ?", {subject, since})->integer("n");
}

void RateEvents::record(Connection& c, const std::string& subject, const std::string& at) {
  c.execute("INSERT INTO rate_events (subject, at) VALUES (?, ?)", {subject, at});
}

void RateEvents::forget_before(Connection& c, const std::string& before) {
  c.execute("DELETE FROM rate_events WHERE at <= ?", {before});
}

}  // namespace apertura::store
