#pragma once
// An OCDS file uploaded through the portal and imported in the background:
// who sent it, where it waits, how far its import has gone and what it gave.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "money/import/import_options.h"

namespace apertura::money {

enum class ImportJobStatus { queued, running, done, failed };

std::string_view import_job_status_name(ImportJobStatus status);  // "queued"
std::string_view import_job_status_label(ImportJobStatus status);  // "En espera"
std::optional<ImportJobStatus> parse_import_job_status(std::string_view name);

// Problems as the API shows them and the job table keeps them.
nlohmann::json problems_json(const std::vector<ImportProblem>& problems);
std::vector<ImportProblem> problems_from_json(const nlohmann::json& problems);
// The releases read by each version's merge rules: {"1.0": n, "1.1": m, "unstated": k}.
nlohmann::json merge_rules_json(const ImportSummary& summary);
// Reads that back into `summary`; anything else is ignored.
void merge_rules_from_json(const nlohmann::json& rules, ImportSummary& summary);

struct ImportJob {
  int64_t id = 0;
  std::string file_name;
  std::string stored_path;  // the uploaded file while the job waits or runs
  int64_t size_bytes = 0;
  std::optional<int64_t> jurisdiction_id;
  std::string license = "CC-BY-4.0";  // for releases whose package states none
  std::string encoding = "utf-8";     // an encoding_id(): the file is converted from it while read
  std::optional<int64_t> requested_by;  // user id
  std::string requested_by_name;
  std::string requested_role;
  ImportJobStatus status = ImportJobStatus::queued;
  int starts = 0;  // more than one: it was resumed after the server stopped
  ImportSummary summary;  // counts and problems once it ends
  std::string error;      // why it failed
  std::string created_at;
  std::optional<std::string> started_at;
  std::optional<std::string> finished_at;
  // While it runs: how far it has read (not stored; the runner knows it).
  std::optional<ImportProgress> progress;

  bool finished() const { return status == ImportJobStatus::done || status == ImportJobStatus::failed; }
};

}  // namespace apertura::money
