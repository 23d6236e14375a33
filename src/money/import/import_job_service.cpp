#include "money/import/import_job_service.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "core/crypto.h"
#include "core/text.h"
#include "money/import/import_job_repository.h"
#include "money/import/messages.h"
#include "money/import/ocds_importer.h"
#include "money/import/permissions.h"

namespace apertura::money {

namespace fs = std::filesystem;

namespace {

// A rename within the upload folder's file system; a copy across file systems.
bool move_file(const std::string& from, const std::string& to) {
  std::error_code error;
  fs::rename(from, to, error);
  if (!error) return true;
  fs::copy_file(from, to, error);
  if (error) return false;
  fs::remove(from, error);
  return true;
}

Error empty_upload() {
  return Error::invalid(say(ImportMsg::pick_a_file), {{"file", say(ImportMsg::file_empty)}});
}

}  // namespace

ImportJobService::ImportJobService(store::Database& database, const FlagSettings& flags,
                                   jurisdictions::JurisdictionService& jurisdictions, std::string upload_dir)
    : database_(database), flags_(flags), jurisdictions_(jurisdictions), upload_dir_(std::move(upload_dir)) {}

ImportJobService::~ImportJobService() { stop(); }

void ImportJobService::start() {
  if (worker_.joinable()) return;
  if (!upload_dir_.empty()) {
    // The server writes uploads there as they arrive: without it, it refuses
    // to start rather than fail each upload.
    std::error_code error;
    fs::create_directories(upload_dir_, error);
    if (error) throw std::runtime_error("cannot create the upload folder " + upload_dir_ + ": " + error.message());
  }
  auto connection = database_.connect();
  if (int64_t requeued = ImportJobRepository::requeue_running(*connection)) {
    spdlog::info("queued again {} OCDS import(s) that a stopped server had left running", requeued);
  }
  {
    std::lock_guard lock(mutex_);
    stopping_ = false;
    wake_ = true;
  }
  worker_ = std::thread([this] { work(); });
}

void ImportJobService::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (worker_.joinable()) worker_.join();
}

std::optional<Error> ImportJobService::check(const Actor& actor, const std::string& file_name,
                                             const ImportChoices& choices) {
  if (auto denied = check_may_import(actor)) return denied;
  bool readable = is_valid_utf8(file_name) && utf8_length(file_name) <= kMaxNameLength &&
                  std::none_of(file_name.begin(), file_name.end(),
                               [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
  if (!readable) {
    return Error::invalid(say(ImportMsg::file_name_unusable),
                          {{"name", say(ImportMsg::file_name_field, kMaxNameLength)}});
  }
  if (choices.jurisdiction_id && !jurisdictions_.by_id(*choices.jurisdiction_id)) {
    return Error::invalid(say(ImportMsg::jurisdiction_unknown),
                          {{"jurisdiction_id", say(ImportMsg::jurisdiction_unknown_field, *choices.jurisdiction_id)}});
  }
  if (auto license = License::choose(choices.license); !license) return license.error();
  if (auto encoding = choose_source_encoding(choices.encoding); !encoding) return encoding.error();
  return std::nullopt;
}

std::string ImportJobService::new_path() const {
  fs::path dir = upload_dir_.empty() ? fs::temp_directory_path() : fs::path(upload_dir_);
  return (dir / ("apertura-import-" + random_token(12) + ".ocds")).string();
}

bool ImportJobService::may_import(const Actor& actor) const {
  return import_permissions().allows(actor.role, ImportAction::import_releases);
}

std::optional<Error> ImportJobService::check_may_import(const Actor& actor) const {
  return import_permissions().check(actor, ImportAction::import_releases);
}

Result<ImportJob> ImportJobService::queue_file(const Actor& actor, const std::string& path,
                                               const std::string& file_name, const ImportChoices& choices) {
  if (auto error = check(actor, file_name, choices)) return *error;
  std::error_code error;
  if (fs::file_size(path, error) == 0 || error) return empty_upload();
  std::string stored = new_path();
  if (!move_file(path, stored)) {
    throw std::runtime_error("cannot keep an upload for its import: " + path + " -> " + stored);
  }
  return queue(actor, stored, file_name, choices);
}

Result<ImportJob> ImportJobService::queue_text(const Actor& actor, const std::string& text,
                                               const std::string& file_name, const ImportChoices& choices) {
  if (auto error = check(actor, file_name, choices)) return *error;
  if (text.empty()) return empty_upload();
  std::string stored = new_path();
  std::ofstream out(stored, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) {
    std::error_code ignored;
    fs::remove(stored, ignored);
    throw std::runtime_error("cannot write an upload for its import to " + stored);
  }
  return queue(actor, stored, file_name, choices);
}

Result<ImportJob> ImportJobService::queue(const Actor& actor, const std::string& stored_path,
                                          const std::string& file_name, const ImportChoices& choices) {
  ImportJob job;
  job.file_name = file_name.empty() ? "archivo subido" : file_name;
  job.stored_path = stored_path;
  std::error_code error;
  job.size_bytes = static_cast<int64_t>(fs::file_size(stored_path, error));
  job.jurisdiction_id = choices.jurisdiction_id;
  job.license = License::find_or_default(choices.license).id;
  job.encoding = std::string(encoding_id(source_encoding_or_utf8(choices.encoding)));
  job.requested_by = actor.user_id;
  job.requested_by_name = actor.display_name;
  job.requested_role = std::string(role_name(actor.role));
  auto connection = database_.connect();
  try {
    job.id = ImportJobRepository::create(*connection, job);
  } catch (...) {
    fs::remove(stored_path, error);
    throw;
  }
  {
    std::lock_guard lock(mutex_);
    wake_ = true;
  }
  changed_.notify_all();
  return with_progress(*ImportJobRepository::find(*connection, job.id));
}

ImportJob ImportJobService::with_progress(ImportJob job) {
  std::lock_guard lock(mutex_);
  if (running_ == job.id && job.status == ImportJobStatus::running) job.progress = progress_;
  return job;
}

Result<ImportJob> ImportJobService::job(const Actor& actor, int64_t id) {
  if (auto denied = check_may_import(actor)) return *denied;
  auto connection = database_.connect();
  auto found = ImportJobRepository::find(*connection, id);
  if (!found) return Error::not_found(say(ImportMsg::job_not_found, id));
  return with_progress(std::move(*found));
}

Result<Paged<ImportJob>> ImportJobService::jobs(const Actor& actor, const Slice& slice) {
  if (auto denied = check_may_import(actor)) return *denied;
  auto connection = database_.connect();
  Paged<ImportJob> page = ImportJobRepository::list(*connection, slice);
  for (ImportJob& item : page.items) item = with_progress(std::move(item));
  return page;
}

Result<ImportJob> ImportJobService::cancel(const Actor& actor, int64_t id) {
  auto found = job(actor, id);
  if (!found) return found;
  if (found->finished()) return Error::conflict(say(ImportMsg::job_finished));
  auto connection = database_.connect();
  if (ImportJobRepository::cancel_queued(*connection, id, say(ImportMsg::cancelled_before_start, actor.display_name))) {
    std::error_code ignored;
    fs::remove(found->stored_path, ignored);
  } else {
    // Running, or claimed by the worker and about to run; or it ended since it was read.
    auto current = ImportJobRepository::find(*connection, id);
    if (current && current->finished()) return Error::conflict(say(ImportMsg::job_finished));
    std::lock_guard lock(mutex_);
    cancel_requests_[id] = actor.display_name;
  }
  return job(actor, id);
}

Result<ImportJob> ImportJobService::wait(const Actor& actor, int64_t id, std::chrono::seconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    auto found = job(actor, id);
    std::unique_lock lock(mutex_);
    // Ended once its file is gone too (the worker removes it after storing the end).
    bool ended = found && found->finished() && running_ != id;
    if (!found || ended || stopping_ || std::chrono::steady_clock::now() >= deadline) return found;
    // Woken when a job ends; the short period covers an end between the read and the wait.
    changed_.wait_for(lock, std::chrono::milliseconds(200));
  }
}

std::optional<std::string> ImportJobService::cancelled_by() {
  std::lock_guard lock(mutex_);
  if (!running_) return std::nullopt;
  auto request = cancel_requests_.find(*running_);
  return request == cancel_requests_.end() ? std::nullopt : std::optional<std::string>(request->second);
}

void ImportJobService::work() {
  while (true) {
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return stopping_ || wake_; });
      if (stopping_) return;
      wake_ = false;
    }
    while (true) {
      std::optional<ImportJob> next;
      try {
        auto connection = database_.connect();
        next = ImportJobRepository::claim_next(*connection);
      } catch (const std::exception& error) {
        spdlog::error("cannot read the OCDS import queue: {}", error.what());
      }
      if (!next) break;
      run(*next);
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
  }
}

void ImportJobService::run(const ImportJob& job) {
  bool interrupted = false;
  try {
    auto connection = database_.connect();
    {
      std::lock_guard lock(mutex_);
      running_ = job.id;
      progress_ = {};
    }
    Actor actor(parse_role(job.requested_role).value_or(Role::official), job.requested_by, job.requested_by_name,
                std::nullopt);
    ImportHooks hooks;
    hooks.progress = [this](const ImportProgress& progress) {
      std::lock_guard lock(mutex_);
      progress_ = progress;
    };
    hooks.stop_requested = [this, id = job.id] {
      std::lock_guard lock(mutex_);
      return stopping_ || cancel_requests_.count(id) > 0;
    };
    std::error_code missing;
    if (!fs::exists(job.stored_path, missing)) {
      ImportJobRepository::fail(*connection, job.id,
                                say(ImportMsg::upload_gone),
                                {});
    } else {
      auto result = import_stored_file(actor, job, hooks);
      if (!result) {
        ImportJobRepository::fail(*connection, job.id, result.error().message, {});
      } else if (result->interrupted && cancelled_by()) {
        ImportJobRepository::fail(*connection, job.id,
                                  say(ImportMsg::cancelled_while_running, *cancelled_by()),
                                  *result);
      } else if (result->interrupted) {
        interrupted = true;  // left running: the next start queues it again
      } else {
        ImportJobRepository::finish(*connection, job.id, *result);
      }
    }
  } catch (const std::exception& error) {
    spdlog::error("OCDS import job {} ({}) failed: {}", job.id, job.file_name, error.what());
    try {
      auto connection = database_.connect();
      ImportJobRepository::fail(*connection, job.id, say(ImportMsg::internal_error, error.what()), {});
    } catch (const std::exception& again) {
      spdlog::error("cannot record the failure of OCDS import job {}: {}", job.id, again.what());
    }
  }
  if (!interrupted) {
    std::error_code ignored;
    fs::remove(job.stored_path, ignored);
  }
  {
    std::lock_guard lock(mutex_);
    running_.reset();
    if (!interrupted) cancel_requests_.erase(job.id);
  }
  changed_.notify_all();
}

Result<ImportSummary> ImportJobService::import_stored_file(const Actor& actor, const ImportJob& job,
                                                          ImportHooks hooks) {
  if (auto denied = check_may_import(actor)) return *denied;
  std::error_code error;
  if (fs::file_size(job.stored_path, error) == 0 || error) return empty_upload();
  ImportOptions options;
  options.jurisdiction_id = job.jurisdiction_id;
  options.license = License::find_or_default(job.license);
  options.encoding = source_encoding_or_utf8(job.encoding);
  options.flags = &flags_;
  options.hooks = std::move(hooks);
  OcdsImporter importer(database_, actor, options);
  ImportSummary summary =
      importer.import_file(job.stored_path, job.file_name.empty() ? "archivo subido" : job.file_name);
  if (summary.refused) {
    return Error::invalid("No importamos nada: " + *summary.refused, {{"file", *summary.refused}});
  }
  return summary;
}

}  // namespace apertura::money
