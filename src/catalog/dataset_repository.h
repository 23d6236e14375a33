#pragma once
// Every SQL statement of the open-data catalog. No rules: DatasetService
// decides, this reads and writes (uploaded files go to the FileStore).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/dataset.h"
#include "core/paging.h"
#include "store/connection.h"

namespace apertura::catalog {

enum class CatalogSort {
  relevance,
  updated_desc,
  updated_asc,
  title_asc,
  title_desc,
  name_asc,
  name_desc,
  created_desc,
  created_asc
};

// Published datasets to find: every condition given must hold (each tag,
// group and format too).
struct CatalogFilter {
  std::string text;
  std::optional<int64_t> institution_id;
  std::optional<int64_t> jurisdiction_id;
  std::string license_id;
  std::vector<std::string> groups;  // slugs
  std::vector<std::string> tags;
  std::vector<std::string> formats;
  std::string updated_since;  // a timestamp: changed at or after it
  CatalogSort sort = CatalogSort::relevance;
};

// The facets a search counts.
enum class Facet { institution, group, tag, format, license };

class DatasetRepository {
 public:
  static int64_t insert(store::Connection& c, const Dataset& d);
  // Writes the metadata if the row is still at d.version (and bumps it).
  static bool update(store::Connection& c, const Dataset& d);
  // Bumps version and updated_at if the row is still at `version` (a resource changed).
  static bool touch(store::Connection& c, int64_t id, int64_t version);
  static bool publish(store::Connection& c, int64_t id, int64_t version, const std::string& at);
  // Makes `edition` current if the row is still at `version`.
  static bool set_edition(store::Connection& c, int64_t id, int64_t version, int64_t edition,
                          const std::string& version_label);
  static void add_edition(store::Connection& c, int64_t dataset_id, const DatasetEdition& edition);
  static std::vector<DatasetEdition> editions(store::Connection& c, int64_t dataset_id);
  static void set_tags(store::Connection& c, int64_t dataset_id, const std::vector<std::string>& tags);
  static void set_groups(store::Connection& c, int64_t dataset_id, const std::vector<int64_t>& group_ids);

  // With tags, groups and the current edition's resources.
  static std::optional<Dataset> find_by_slug(store::Connection& c, const std::string& slug);
  static std::optional<Dataset> find_by_id(store::Connection& c, int64_t id);
  static bool slug_taken(store::Connection& c, const std::string& slug);
  // Drafts an institution's officials (or a jurisdiction's admins) keep; all when both are empty.
  static std::vector<Dataset> drafts(store::Connection& c, std::optional<int64_t> institution_id,
                                     std::optional<int64_t> jurisdiction_id);

  static Paged<Dataset> search(store::Connection& c, const CatalogFilter& filter, const Slice& slice);
  // The most frequent values of one facet among the datasets the filter finds.
  static std::vector<FacetCount> facet(store::Connection& c, const CatalogFilter& filter, Facet facet, int64_t limit);
  // The slugs of published datasets, newest first.
  static std::vector<std::string> published_slugs(store::Connection& c, const Slice& slice);

  static std::vector<DatasetGroup> groups(store::Connection& c);
  static std::optional<DatasetGroup> group(store::Connection& c, const std::string& slug);
  // Tags of published datasets starting with `prefix` ("" for all), most used first.
  static std::vector<FacetCount> tags(store::Connection& c, const std::string& prefix, int64_t limit);
  // Institutions with published datasets and how many: value = institution id.
  static std::vector<FacetCount> publishers(store::Connection& c);

  static int64_t insert_resource(store::Connection& c, const Resource& r);
  static std::optional<Resource> resource(store::Connection& c, int64_t id);
  // Every resource of every edition, newest edition first.
  static std::vector<Resource> all_resources(store::Connection& c, int64_t dataset_id);
  static int64_t next_position(store::Connection& c, int64_t dataset_id, int64_t edition);
  static void delete_resource(store::Connection& c, int64_t id);
  // One more download of a kept file (a private table: no page goes stale for it).
  static void count_download(store::Connection& c, int64_t resource_id);
  // Links of current versions never checked or last checked before `checked_before`, the oldest first.
  static std::vector<Resource> links_due(store::Connection& c, const std::string& checked_before, int64_t limit);
  static void save_link_check(store::Connection& c, int64_t resource_id, const std::string& at, int64_t status,
                              const std::string& error);
  static void copy_resources(store::Connection& c, int64_t dataset_id, int64_t from_edition, int64_t to_edition);
};

}  // namespace apertura::catalog
