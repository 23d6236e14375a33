#pragma once
// Import jobs as the API, the pages and the downloads show them.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "money/import/import_job.h"
#include "web/downloads.h"

namespace apertura::money {

// The job's page in the portal.
std::string import_job_page(const ImportJob& job);
// "Reglas de combinación: OCDS 1.1 (esquema 1.1.5) en 300 entregas leídas; ..."; "" when none were read.
std::string merge_rules_text(const ImportSummary& summary);

// The job with its counts, problems and, while it runs, its progress.
nlohmann::json import_job_json(const ImportJob& job);
// The same with what a page needs beside it (labels, sizes for people).
nlohmann::json import_job_view(const ImportJob& job);
web::Table import_jobs_table(const std::vector<ImportJob>& jobs);
nlohmann::json import_summary_json(const ImportSummary& summary);

// The encodings the upload form offers, `chosen` (an id or alias) selected:
// [{"id", "label", "selected"}].
nlohmann::json encoding_options(const std::string& chosen);

// A jurisdiction id from a form field or query ("" for none); anything but a
// positive whole number is a 422 naming the field.
std::optional<int64_t> jurisdiction_field(const std::string& text);

}  // namespace apertura::money
