#include "money/import/import_job.h"

#include "money/import/messages.h"

namespace apertura::money {

namespace {

struct StatusNames {
  ImportJobStatus status;
  std::string_view name;
  ImportMsg label;
};

constexpr StatusNames kStatuses[] = {
    {ImportJobStatus::queued, "queued", ImportMsg::status_queued},
    {ImportJobStatus::running, "running", ImportMsg::status_running},
    {ImportJobStatus::done, "done", ImportMsg::status_done},
    {ImportJobStatus::failed, "failed", ImportMsg::status_failed},
};

}  // namespace

std::string_view import_job_status_name(ImportJobStatus status) {
  for (const auto& entry : kStatuses) {
    if (entry.status == status) return entry.name;
  }
  return "queued";
}

std::string_view import_job_status_label(ImportJobStatus status) {
  for (const auto& entry : kStatuses) {
    if (entry.status == status) return text(entry.label);
  }
  return "";
}

std::optional<ImportJobStatus> parse_import_job_status(std::string_view name) {
  for (const auto& entry : kStatuses) {
    if (entry.name == name) return entry.status;
  }
  return std::nullopt;
}

nlohmann::json problems_json(const std::vector<ImportProblem>& problems) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : problems) {
    out.push_back({{"source", p.source}, {"line", p.line}, {"offset", p.offset}, {"ocid", p.ocid},
                   {"release_id", p.release_id}, {"reason", p.reason}});
  }
  return out;
}

nlohmann::json merge_rules_json(const ImportSummary& summary) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [version, count] : summary.releases_by_rules) out[version] = count;
  out["unstated"] = summary.releases_without_version;
  return out;
}

void merge_rules_from_json(const nlohmann::json& rules, ImportSummary& summary) {
  if (!rules.is_object()) return;
  for (const auto& [key, count] : rules.items()) {
    if (!count.is_number_integer()) continue;
    if (key == "unstated") {
      summary.releases_without_version = count.get<int64_t>();
    } else {
      summary.releases_by_rules[key] = count.get<int64_t>();
    }
  }
}

std::vector<ImportProblem> problems_from_json(const nlohmann::json& problems) {
  std::vector<ImportProblem> out;
  if (!problems.is_array()) return out;
  for (const auto& p : problems) {
    out.push_back({p.value("source", ""), p.value("line", uint64_t{0}), p.value("offset", uint64_t{0}),
                   p.value("ocid", ""), p.value("release_id", ""), p.value("reason", "")});
  }
  return out;
}

}  // namespace apertura::money
