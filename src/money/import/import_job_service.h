#pragma once
// OCDS files uploaded through the portal are imported in the background, one
// at a time and in the order they came, so that a file of any size neither
// holds a request open nor competes with another import for the writer.
// Rules:
// - only those who may import releases queue a job or see the jobs;
// - the uploaded file waits in the upload folder and is deleted when its job
//   ends, well or not (the releases it held are in the store);
// - while a job runs, its progress (bytes of the file read, releases read)
//   is kept in memory and shown with it;
// - a job is cancelled by those who may import: a queued one at once, a
//   running one after its batch (the releases stored so far stay);
// - a server that stops lets the running import finish its batch and leaves
//   the job running; the next start queues it again, and it reads its file
//   from the beginning (the releases already stored count as duplicates).
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/actor.h"
#include "core/paging.h"
#include "core/result.h"
#include "jurisdictions/jurisdiction_service.h"
#include "money/flags/cardinal_settings.h"
#include "money/import/import_job.h"
#include "store/database.h"

namespace apertura::money {

class ImportJobService {
 public:
  // `upload_dir`: where files wait (made at start); empty for the system's temporary folder.
  ImportJobService(store::Database& database, const FlagSettings& flags,
                   jurisdictions::JurisdictionService& jurisdictions, std::string upload_dir);
  ~ImportJobService();
  ImportJobService(const ImportJobService&) = delete;
  ImportJobService& operator=(const ImportJobService&) = delete;

  // Queues again the jobs a stopped server left running and starts the
  // worker (the server calls it; commands that only read or migrate do not).
  void start();
  // Asks the running import to stop after its batch and waits for it.
  void stop();

  // Takes the file at `path` (it is moved into the upload folder).
  // Whether the actor may import releases, and the error shown when not.
  bool may_import(const Actor& actor) const;
  std::optional<Error> check_may_import(const Actor& actor) const;
  Result<ImportJob> queue_file(const Actor& actor, const std::string& path, const std::string& file_name,
                               const ImportChoices& choices);
  // Writes `text` to the upload folder and queues it.
  Result<ImportJob> queue_text(const Actor& actor, const std::string& text, const std::string& file_name,
                               const ImportChoices& choices);
  Result<ImportJob> job(const Actor& actor, int64_t id);
  Result<Paged<ImportJob>> jobs(const Actor& actor, const Slice& slice);
  // Cancels a job that has not ended; a running one stops after its batch.
  Result<ImportJob> cancel(const Actor& actor, int64_t id);
  // The job once it has ended, or as it is after `timeout`.
  Result<ImportJob> wait(const Actor& actor, int64_t id, std::chrono::seconds timeout);

 private:
  static constexpr size_t kMaxNameLength = 255;
  std::optional<Error> check(const Actor& actor, const std::string& file_name, const ImportChoices& choices);
  Result<ImportJob> queue(const Actor& actor, const std::string& stored_path, const std::string& file_name,
                          const ImportChoices& choices);
  std::string new_path() const;
  ImportJob with_progress(ImportJob job);
  void work();
  void run(const ImportJob& job);
  // Imports the job's file as its uploader; refused whole when it is not JSON.
  Result<ImportSummary> import_stored_file(const Actor& actor, const ImportJob& job, ImportHooks hooks);
  std::optional<std::string> cancelled_by();

  store::Database& database_;
  const FlagSettings& flags_;  // each imported process gets its red flags
  jurisdictions::JurisdictionService& jurisdictions_;
  std::string upload_dir_;

  std::mutex mutex_;
  std::condition_variable changed_;  // a job queued or ended, or stopping
  bool stopping_ = false;
  bool wake_ = true;  // look for queued jobs
  std::optional<int64_t> running_;
  ImportProgress progress_;
  // Who asked to cancel a job that was no longer queued, by job id: kept
  // from the request on, so that a job claimed just before it is started
  // already cancelled.
  std::map<int64_t, std::string> cancel_requests_;
  std::thread worker_;
};

}  // namespace apertura::money
