#pragma once
// The open-data catalog's records: a dataset (what is published, by whom,
// under which licence, how often it is updated) and its resources (the files
// or links that hold the data), grouped by topic and tagged. A dataset is a
// draft until it is published; a new version keeps the resources of the
// earlier ones, so every file ever published stays downloadable.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace apertura::catalog {

enum class DatasetStatus { draft, published };

std::string dataset_status_name(DatasetStatus status);
std::optional<DatasetStatus> parse_dataset_status(const std::string& name);

// How often a dataset is updated (the DCAT / Dublin Core frequencies a
// harvester understands).
enum class Frequency { continuous, daily, weekly, monthly, quarterly, semiannual, annual, irregular, never };

std::string frequency_name(Frequency frequency);
std::optional<Frequency> parse_frequency(const std::string& name);
const std::vector<Frequency>& all_frequencies();
// The days a dataset of this frequency may go without an update before it is
// out of date; nullopt for irregular and never.
std::optional<int> frequency_days(Frequency frequency);
// The ISO 8601 repeating interval of Project Open Data's accrualPeriodicity ("R/P1M").
std::string frequency_iso8601(Frequency frequency);

// A topic group ("Dinero público", "Salud").
struct DatasetGroup {
  int64_t id = 0;
  std::string slug;
  std::string title;
  std::string description;
  std::string created_at;
  int64_t dataset_count = 0;  // published datasets in it (derived)

  nlohmann::json to_json() const;
};

// A file kept by the portal or a link to one elsewhere.
struct Resource {
  int64_t id = 0;
  int64_t dataset_id = 0;
  int64_t edition = 1;  // the dataset's version it belongs to
  int64_t position = 0;
  std::string name;
  std::string description;
  std::string format;      // "CSV", "XLSX", "JSON"
  std::string media_type;  // "text/csv"
  std::string url;         // a link; "" for a file kept here
  std::string file_sha256;  // the kept file's SHA-256 (hex); "" for a link
  std::string file_name;
  std::optional<int64_t> size_bytes;
  std::string last_modified;
  std::string created_at;
  // A link's last check (catalog/link_checker.h): when, the HTTP status (0 when nothing answered), why not.
  std::optional<std::string> link_checked_at;
  std::optional<int64_t> link_status;
  std::string link_error;
  int64_t downloads = 0;  // of a kept file (derived)
  // The datastore's last load of its file: "loaded", "invalid" (it has errors) or "" (never loaded; derived).
  std::string datastore_status;

  bool is_file() const { return !file_sha256.empty(); }
  bool datastore_active() const { return datastore_status == "loaded"; }
  // Checked, and the link did not answer with a page or a file.
  bool link_broken() const { return link_checked_at && (!link_status || *link_status == 0 || *link_status >= 400); }
  nlohmann::json to_json() const;
};

// A version as it was published.
struct DatasetEdition {
  int64_t edition = 1;
  std::string version_label;
  std::string notes;
  std::string published_at;

  nlohmann::json to_json() const;
};

struct Dataset {
  int64_t id = 0;
  std::string slug;
  std::string title;
  std::string description;  // Markdown
  int64_t jurisdiction_id = 0;
  std::optional<int64_t> institution_id;  // the publisher
  std::string license_id;
  Frequency frequency = Frequency::irregular;
  std::string temporal_start;  // YYYY-MM-DD or ""
  std::string temporal_end;
  std::string spatial;
  std::string contact_name;
  std::string contact_email;
  std::string version_label;
  int64_t edition = 1;
  DatasetStatus status = DatasetStatus::draft;
  std::optional<int64_t> created_by;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> published_at;
  int64_t version = 1;  // bumped by every change; a change made on an older copy is a conflict

  std::vector<std::string> tags;
  std::vector<DatasetGroup> groups;
  std::vector<Resource> resources;  // of the current edition, in order

  bool published() const { return status == DatasetStatus::published; }
  nlohmann::json to_json() const;
};

// One value of a search facet and how many datasets have it.
struct FacetCount {
  std::string value;  // what a filter takes: an organization's name, a tag, "CSV"
  std::string label;  // for people
  int64_t count = 0;
};

}  // namespace apertura::catalog
