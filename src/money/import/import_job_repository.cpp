#include "money/import/import_job_repository.h"

#include "core/clock.h"

namespace apertura::money {

namespace {

constexpr const char* kColumns =
    "SELECT id, file_name, stored_path, size_bytes, jurisdiction_id, license, encoding, requested_by, requested_by_name, requested_role, "
    "status, starts, imported, duplicates, changed_copies, changed_copy_ocids, merge_rules, rejected, processes, problems_total, problems, error, created_at, "
    "started_at, finished_at FROM ocds_import_jobs ";

ImportJob job_from(const store::Row& row) {
  ImportJob job;
  job.id = row.integer("id");
  job.file_name = row.text("file_name");
  job.stored_path = row.text("stored_path");
  job.size_bytes = row.integer("size_bytes");
  job.jurisdiction_id = row.optional_integer("jurisdiction_id");
  job.license = row.text("license");
  job.encoding = row.text("encoding");
  job.requested_by = row.optional_integer("requested_by");
  job.requested_by_name = row.text("requested_by_name");
  job.requested_role = row.text("requested_role");
  job.status = parse_import_job_status(row.text("status")).value_or(ImportJobStatus::failed);
  job.starts = static_cast<int>(row.integer("starts"));
  job.summary.imported = row.integer("imported");
  job.summary.duplicates = row.integer("duplicates");
  job.summary.changed_copies = row.integer("changed_copies");
  nlohmann::json ocids = nlohmann::json::parse(row.text("changed_copy_ocids"), nullptr, false);
  if (ocids.is_array()) {
    for (const auto& ocid : ocids) {
      if (ocid.is_string()) job.summary.changed_copy_ocids.push_back(ocid.get<std::string>());
    }
  }
  merge_rules_from_json(nlohmann::json::parse(row.text("merge_rules"), nullptr, false), job.summary);
  job.summary.rejected = row.integer("rejected");
  job.summary.processes = row.integer("processes");
  job.summary.problems_total = row.integer("problems_total");
  job.summary.problems = problems_from_json(nlohmann::json::parse(row.text("problems"), nullptr, false));
  job.error = row.text("error");
  job.created_at = row.text("created_at");
  job.started_at = row.optional_text("started_at");
  job.finished_at = row.optional_text("finished_at");
  return job;
}

void store_end(store::Connection& c, int64_t id, ImportJobStatus status, const std::string& error,
               const ImportSummary& summary) {
  c.execute(
      "UPDATE ocds_import_jobs SET status = ?, imported = ?, duplicates = ?, changed_copies = ?, "
      "changed_copy_ocids = ?, merge_rules = ?, rejected = ?, processes = ?, problems_total = ?, problems = ?, error = ?, "
      "finished_at = ? WHERE id = ?",
      {std::string(import_job_status_name(status)), summary.imported, summary.duplicates, summary.changed_copies,
       nlohmann::json(summary.changed_copy_ocids).dump(), merge_rules_json(summary).dump(), summary.rejected,
       summary.processes, summary.problems_total, problems_json(summary.problems).dump(), error, now_timestamp(), id});
}

}  // namespace

int64_t ImportJobRepository::create(store::Connection& c, const ImportJob& job) {
  return c.insert_returning_id(
      "INSERT INTO ocds_import_jobs (file_name, stored_path, size_bytes, jurisdiction_id, license, encoding, "
      "requested_by, requested_by_name, requested_role, status, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?) "
      "RETURNING id",
      {job.file_name, job.stored_path, job.size_bytes, job.jurisdiction_id, job.license, job.encoding, job.requested_by,
       job.requested_by_name, job.requested_role, now_timestamp()});
}

std::optional<ImportJob> ImportJobRepository::find(store::Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return job_from(*row);
}

Paged<ImportJob> ImportJobRepository::list(store::Connection& c, const Slice& slice) {
  Paged<ImportJob> page;
  for (const auto& row : c.query(std::string(kColumns) + "ORDER BY id DESC LIMIT ? OFFSET ?", {slice.limit, slice.offset})) {
    page.items.push_back(job_from(row));
  }
  page.total = needs_count(page.items.size(), slice)
                   ? c.query_one("SELECT COUNT(*) AS n FROM ocds_import_jobs")->integer("n")
                   : slice.offset + static_cast<int64_t>(page.items.size());
  return page;
}

std::optional<ImportJob> ImportJobRepository::claim_next(store::Connection& c) {
  // One statement, and the status checked again on the row it updates: of two
  // workers that pick the same job, one gets it.
  auto claimed = c.query_one(
      "UPDATE ocds_import_jobs SET status = 'running', starts = starts + 1, started_at = ? "
      "WHERE id = (SELECT id FROM ocds_import_jobs WHERE status = 'queued' ORDER BY id LIMIT 1) "
      "AND status = 'queued' RETURNING id",
      {now_timestamp()});
  if (!claimed) return std::nullopt;
  return find(c, claimed->integer("id"));
}

void ImportJobRepository::finish(store::Connection& c, int64_t id, const ImportSummary& summary) {
  store_end(c, id, ImportJobStatus::done, "", summary);
}

void ImportJobRepository::fail(store::Connection& c, int64_t id, const std::string& error,
                               const ImportSummary& summary) {
  store_end(c, id, ImportJobStatus::failed, error, summary);
}

bool ImportJobRepository::cancel_queued(store::Connection& c, int64_t id, const std::string& reason) {
  return c.execute(
             "UPDATE ocds_import_jobs SET status = 'failed', error = ?, finished_at = ? "
             "WHERE id = ? AND status = 'queued'",
             {reason, now_timestamp(), id}) > 0;
}

int64_t ImportJobRepository::requeue_running(store::Connection& c) {
  return c.execute("UPDATE ocds_import_jobs SET status = 'queued' WHERE status = 'running'");
}

}  // namespace apertura::money
