#pragma once
// Every SQL statement about appeals and the jurisdictions' guarantors. No rules here.
#include <optional>
#include <string>
#include <vector>

#include "core/paging.h"
#include "requests/appeal.h"
#include "requests/request_repository.h"
#include "store/connection.h"

namespace apertura::requests {

struct AppealFilter {
  std::optional<int64_t> jurisdiction_id;
  std::optional<int64_t> institution_id;
  std::optional<AppealStatus> status;
  bool open_only = false;  // filed, admitted, complying or compliance reported
};

// Counts of one institution's appeals received in a span of days.
struct AppealCountsRow {
  int64_t institution_id = 0;
  int64_t filed = 0, open = 0, rejected = 0, confirmed = 0, revoked = 0, modified = 0, dismissed = 0, complied = 0,
          not_complied = 0;
};

class AppealRepository {
 public:
  static int64_t insert(store::Connection& c, const Appeal& appeal);
  static std::optional<Appeal> by_request(store::Connection& c, int64_t request_id);
  // Writes the appeal's state if it still has `appeal.version`; false when it changed meanwhile.
  static bool update(store::Connection& c, const Appeal& appeal);
  // An official's redacted version of the reasons (the original goes to request_redactions).
  static void set_reasons(store::Connection& c, int64_t appeal_id, const std::string& reasons);
  // Newest received first.
  static Paged<Appeal> list(store::Connection& c, const AppealFilter& filter, const Slice& slice);
  static std::vector<AppealCountsRow> counts(store::Connection& c, const StatsFilter& filter);

  // The institution whose officials work the jurisdiction's appeals, if chosen.
  static std::optional<int64_t> guarantor_of(store::Connection& c, int64_t jurisdiction_id);
  // Every jurisdiction's chosen guarantor: (jurisdiction id, institution id).
  static std::vector<std::pair<int64_t, int64_t>> guarantors(store::Connection& c);
  static void set_guarantor(store::Connection& c, int64_t jurisdiction_id, int64_t institution_id);
};

}  // namespace apertura::requests
