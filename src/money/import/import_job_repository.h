#pragma once
// Storage of OCDS import jobs (table ocds_import_jobs).
#include <optional>
#include <vector>

#include "core/paging.h"
#include "money/import/import_job.h"
#include "store/connection.h"

namespace apertura::money {

class ImportJobRepository {
 public:
  // Stores a queued job and returns its id.
  static int64_t create(store::Connection& c, const ImportJob& job);
  static std::optional<ImportJob> find(store::Connection& c, int64_t id);
  // Newest first.
  static Paged<ImportJob> list(store::Connection& c, const Slice& slice);
  // Marks the oldest queued job running and returns it, if there is one.
  static std::optional<ImportJob> claim_next(store::Connection& c);
  static void finish(store::Connection& c, int64_t id, const ImportSummary& summary);
  static void fail(store::Connection& c, int64_t id, const std::string& error, const ImportSummary& summary);
  // Ends a job that has not started; false if it had (or had ended).
  static bool cancel_queued(store::Connection& c, int64_t id, const std::string& reason);
  // Jobs a stopped server left running go back to the queue; returns how many.
  static int64_t requeue_running(store::Connection& c);
};

}  // namespace apertura::money
