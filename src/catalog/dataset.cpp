#include "catalog/dataset.h"

#include <array>
#include <utility>

#include "core/enum_names.h"

namespace apertura::catalog {

namespace {

constexpr std::array<std::pair<DatasetStatus, std::string_view>, 2> kStatuses{
    {{DatasetStatus::draft, "draft"}, {DatasetStatus::published, "published"}}};

struct FrequencyFacts {
  Frequency frequency;
  std::string_view name;
  std::optional<int> days;
  std::string_view iso8601;
};

constexpr std::array<FrequencyFacts, 9> kFrequencies{{
    {Frequency::continuous, "continuous", 1, "R/PT1S"},
    {Frequency::daily, "daily", 2, "R/P1D"},
    {Frequency::weekly, "weekly", 8, "R/P1W"},
    {Frequency::monthly, "monthly", 32, "R/P1M"},
    {Frequency::quarterly, "quarterly", 93, "R/P3M"},
    {Frequency::semiannual, "semiannual", 184, "R/P6M"},
    {Frequency::annual, "annual", 366, "R/P1Y"},
    {Frequency::irregular, "irregular", std::nullopt, "irregular"},
    {Frequency::never, "never", std::nullopt, "irregular"},
}};

const FrequencyFacts& facts(Frequency frequency) {
  for (const auto& f : kFrequencies) {
    if (f.frequency == frequency) return f;
  }
  return kFrequencies[7];
}

}  // namespace

std::string dataset_status_name(DatasetStatus status) { return std::string(name_of(kStatuses, status)); }
std::optional<DatasetStatus> parse_dataset_status(const std::string& name) { return parse_name(kStatuses, name); }

std::string frequency_name(Frequency frequency) { return std::string(facts(frequency).name); }

std::optional<Frequency> parse_frequency(const std::string& name) {
  for (const auto& f : kFrequencies) {
    if (f.name == name) return f.frequency;
  }
  return std::nullopt;
}

const std::vector<Frequency>& all_frequencies() {
  static const std::vector<Frequency> all = [] {
    std::vector<Frequency> out;
    for (const auto& f : kFrequencies) out.push_back(f.frequency);
    return out;
  }();
  return all;
}

std::optional<int> frequency_days(Frequency frequency) { return facts(frequency).days; }
std::string frequency_iso8601(Frequency frequency) { return std::string(facts(frequency).iso8601); }

nlohmann::json DatasetGroup::to_json() const {
  return {{"id", id}, {"slug", slug}, {"title", title}, {"description", description}, {"dataset_count", dataset_count}};
}

nlohmann::json Resource::to_json() const {
  return {{"id", id},
          {"dataset_id", dataset_id},
          {"edition", edition},
          {"position", position},
          {"name", name},
          {"description", description},
          {"format", format},
          {"media_type", media_type},
          {"kind", is_file() ? "file" : "link"},
          {"url", url.empty() ? nlohmann::json() : nlohmann::json(url)},
          {"file_name", file_name.empty() ? nlohmann::json() : nlohmann::json(file_name)},
          {"sha256", file_sha256.empty() ? nlohmann::json() : nlohmann::json(file_sha256)},
          {"size_bytes", size_bytes ? nlohmann::json(*size_bytes) : nlohmann::json()},
          {"last_modified", last_modified},
          {"created_at", created_at},
          {"link_checked_at", link_checked_at ? nlohmann::json(*link_checked_at) : nlohmann::json()},
          {"link_status", link_status ? nlohmann::json(*link_status) : nlohmann::json()},
          {"link_error", link_error},
          {"downloads", downloads},
          {"datastore_active", datastore_active()}};
}

nlohmann::json DatasetEdition::to_json() const {
  return {{"edition", edition}, {"version_label", version_label}, {"notes", notes}, {"published_at", published_at}};
}

nlohmann::json Dataset::to_json() const {
  nlohmann::json group_list = nlohmann::json::array();
  for (const auto& g : groups) group_list.push_back(g.slug);
  nlohmann::json resource_list = nlohmann::json::array();
  for (const auto& r : resources) resource_list.push_back(r.to_json());
  return {{"id", id},
          {"slug", slug},
          {"title", title},
          {"description", description},
          {"jurisdiction_id", jurisdiction_id},
          {"institution_id", institution_id ? nlohmann::json(*institution_id) : nlohmann::json()},
          {"license", license_id},
          {"frequency", frequency_name(frequency)},
          {"temporal_start", temporal_start},
          {"temporal_end", temporal_end},
          {"spatial", spatial},
          {"contact_name", contact_name},
          {"contact_email", contact_email},
          {"version_label", version_label},
          {"edition", edition},
          {"status", dataset_status_name(status)},
          {"created_at", created_at},
          {"updated_at", updated_at},
          {"published_at", published_at ? nlohmann::json(*published_at) : nlohmann::json()},
          {"version", version},
          {"tags", tags},
          {"groups", group_list},
          {"resources", resource_list}};
}

}  // namespace apertura::catalog
