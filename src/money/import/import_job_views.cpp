#include "money/import/import_job_views.h"

#include <algorithm>
#include <cstdio>

#include "core/number_text.h"
#include "money/contracting/contracting_views.h"
#include "money/ocds/merge_rules.h"
#include "web/downloads.h"

namespace apertura::money {

namespace {

using nlohmann::json;

// Of the file read; while reading, under 100 (the last batches are still to
// write).
int percent_read(const ImportJob& job) {
  if (!job.progress || job.size_bytes <= 0) return 0;
  if (job.progress->finishing) return 100;
  double share = static_cast<double>(job.progress->source_bytes) / static_cast<double>(job.size_bytes);
  return std::clamp(static_cast<int>(share * 100.0), 0, 99);
}

// "2026-11-26T13:15:53Z" -> "2026-11-26 13:15:53 UTC" (timestamps are UTC).
std::string time_text(const std::string& timestamp) {
  std::string text = timestamp;
  if (text.size() > 10 && text[10] == 'T') text[10] = ' ';
  if (!text.empty() && text.back() == 'Z') text = text.substr(0, text.size() - 1) + " UTC";
  return text;
}

}  // namespace

std::string merge_rules_text(const ImportSummary& summary) {
  std::string text;
  for (const auto& [version, count] : summary.releases_by_rules) {
    if (count == 0) continue;
    text += text.empty() ? "Reglas de combinación: " : "; ";
    text += "OCDS " + version + " (esquema " + std::string(MergeRules::schema_version(version)) + ") en " +
            std::to_string(count) + (count == 1 ? " entrega leída" : " entregas leídas");
    if (version == "1.0" && summary.releases_without_version > 0) {
      text += ", " + std::to_string(summary.releases_without_version) +
              " de ellas de paquetes que no dicen su versión, que el estándar toma como 1.0";
    }
  }
  return text.empty() ? text : text + ".";
}

json encoding_options(const std::string& chosen) {
  auto selected = source_encoding_or_utf8(chosen);
  json options = json::array();
  for (SourceEncoding encoding : source_encodings()) {
    options.push_back({{"id", encoding_id(encoding)}, {"label", encoding_label(encoding)}, {"selected", encoding == selected}});
  }
  return options;
}

std::string import_job_page(const ImportJob& job) {
  return "/contrataciones/importaciones/" + std::to_string(job.id);
}

json import_job_json(const ImportJob& job) {
  json out = import_summary_json(job.summary);
  out.erase("linked_skipped");
  out.erase("from_compiled");
  out.update({{"id", job.id},
              {"file_name", job.file_name},
              {"size_bytes", job.size_bytes},
              {"status", import_job_status_name(job.status)},
              {"status_label", import_job_status_label(job.status)},
              {"jurisdiction_id", job.jurisdiction_id ? json(*job.jurisdiction_id) : json(nullptr)},
              {"license", web::license_json(License::find_or_default(job.license))},
              {"encoding", job.encoding},
              {"requested_by", job.requested_by_name},
              {"starts", job.starts},
              {"error", job.error},
              {"created_at", job.created_at},
              {"started_at", job.started_at ? json(*job.started_at) : json(nullptr)},
              {"finished_at", job.finished_at ? json(*job.finished_at) : json(nullptr)},
              {"url", import_job_page(job)}});
  out["progress"] = job.progress ? json{{"source_bytes", job.progress->source_bytes},
                                        {"releases_read", job.progress->releases_read},
                                        {"percent", percent_read(job)},
                                        {"finishing", job.progress->finishing}}
                                 : json(nullptr);
  return out;
}

json import_job_view(const ImportJob& job) {
  json view = import_job_json(job);
  view["size"] = byte_size_text(job.size_bytes);
  view["waiting"] = !job.finished();
  view["queued"] = job.status == ImportJobStatus::queued;
  view["running"] = job.status == ImportJobStatus::running;
  view["done"] = job.status == ImportJobStatus::done;
  view["failed"] = job.status == ImportJobStatus::failed;
  view["resumed"] = job.starts > 1;
  view["percent"] = percent_read(job);
  view["releases_read"] = job.progress ? job.progress->releases_read : 0;
  view["finishing"] = job.progress && job.progress->finishing;
  view["has_problems"] = !job.summary.problems.empty();
  view["rules_text"] = merge_rules_text(job.summary);
  view["has_changed_copies"] = job.summary.changed_copies > 0;
  view["changed_copy_processes"] = json::array();
  for (const std::string& ocid : job.summary.changed_copy_ocids) {
    view["changed_copy_processes"].push_back({{"ocid", ocid}, {"url", "/contrataciones/" + ocid}});
  }
  view["changed_copy_ocids_left_out"] =
      job.summary.changed_copy_ocids.size() >= ImportSummary::kMaxKeptOcids;
  view["created_text"] = time_text(job.created_at);
  view["encoding_label"] = encoding_label(source_encoding_or_utf8(job.encoding));
  view["started_text"] = time_text(job.started_at.value_or(""));
  view["finished_text"] = time_text(job.finished_at.value_or(""));
  return view;
}

web::Table import_jobs_table(const std::vector<ImportJob>& jobs) {
  web::Table table{{{"id", "Importación"},
                    {"file_name", "Archivo"},
                    {"size_bytes", "Bytes"},
                    {"status", "Estado"},
                    {"requested_by", "Subido por"},
                    {"created_at", "Subido"},
                    {"finished_at", "Terminado"},
                    {"imported", "Entregas importadas"},
                    {"duplicates", "Ya guardadas"},
                    {"changed_copies", "Misma entrega con otro contenido"},
                    {"rejected", "Rechazadas"},
                    {"processes", "Procesos compilados"},
                    {"error", "Error"}},
                   {}};
  for (const ImportJob& job : jobs) {
    json row = import_job_json(job);
    row["status"] = import_job_status_label(job.status);
    json kept;
    for (const auto& column : table.columns) kept[column.key] = row[column.key];
    table.rows.push_back(std::move(kept));
  }
  return table;
}

json import_summary_json(const ImportSummary& summary) {
  json problems = problems_json(summary.problems);
  return {{"imported", summary.imported},   {"duplicates", summary.duplicates},
          {"changed_copies", summary.changed_copies}, {"changed_copy_ocids", summary.changed_copy_ocids},
          {"merge_rules", merge_rules_json(summary)},
          {"rejected", summary.rejected},   {"linked_skipped", summary.linked},
          {"from_compiled", summary.from_compiled}, {"processes", summary.processes},
          {"problems_total", summary.problems_total}, {"problems", problems}};
}

std::optional<int64_t> jurisdiction_field(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (end == text.c_str() || *end != '\0' || value <= 0) {
    throw DomainException(Error::invalid("Elige una jurisdicción de la lista.", {{"jurisdiction_id", "no válida"}}));
  }
  return value;
}

}  // namespace apertura::money
