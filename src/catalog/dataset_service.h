#pragma once
// The open-data catalog. Rules:
// - an institution's officials create and keep datasets in its name; a
//   jurisdiction's admins, for any institution of that jurisdiction (an admin
//   bound to none, for any); the portal's own datasets may have no institution;
// - a dataset starts as a draft that only its keepers see; it is published
//   once it has at least one resource, and stays public from then on;
// - its address (slug) is fixed at creation: lowercase letters, digits and
//   hyphens, formed from the title when not given, unique;
// - the licence is one of License::offered() (CC BY 4.0 by default);
// - a resource is an uploaded file (up to kMaxResourceBytes; its SHA-256 and
//   size are recorded) or an http(s) link; its format comes from the file
//   name or the address unless given;
// - a new version of a published dataset keeps the current resources under
//   the old version, still downloadable, and carries them over to the new
//   one, where they can be withdrawn or added to; resources of earlier
//   versions are never withdrawn;
// - every change is audited, in the same transaction, and a change made on
//   an older copy (`version`) is refused as a conflict.
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "catalog/dataset.h"
#include "catalog/dataset_repository.h"
#include "catalog/link_checker.h"
#include "catalog/permissions.h"
#include "catalog/quality.h"
#include "core/license.h"
#include "core/paging.h"
#include "core/result.h"
#include "jurisdictions/jurisdiction_service.h"
#include "store/database.h"
#include "store/file_store.h"

namespace apertura::catalog {

// The largest file kept as a resource (larger ones are published as links).
constexpr size_t kMaxResourceBytes = 15 * 1024 * 1024;

struct DatasetInput {
  std::string title;
  std::string slug;  // only at creation
  std::string description;
  std::string jurisdiction;  // slug or INEGI code; only at creation
  std::string institution_id;
  std::string license;
  std::string frequency;
  std::string temporal_start;
  std::string temporal_end;
  std::string spatial;
  std::string contact_name;
  std::string contact_email;
  std::string version_label;
  std::string tags;  // separated by commas
  std::vector<std::string> groups;  // slugs
};

struct ResourceInput {
  std::string name;
  std::string description;
  std::string format;
  std::string url;
  std::string file_name;
  std::optional<std::string> data;  // the uploaded file, when there is one
};

// An institution as the catalog names it: CKAN calls it an organization, and
// its `name` is "<jurisdiction code>-<institution slug>".
struct Publisher {
  int64_t institution_id = 0;
  std::string name;
  std::string title;
  std::string acronym;
  std::string website;
  std::string jurisdiction_slug;
  std::string jurisdiction_name;
  std::string created_at;
  int64_t dataset_count = 0;
};

struct CatalogQuery {
  std::string text;
  std::string publisher;     // a Publisher's name
  std::string jurisdiction;  // slug or code
  std::string license;
  std::vector<std::string> groups;
  std::vector<std::string> tags;
  std::vector<std::string> formats;
  std::string updated_since;  // "2026-01-01T00:00:00Z": changed since then
  CatalogSort sort = CatalogSort::relevance;
  std::vector<Facet> facets;  // the facets to count
  int64_t facet_limit = 50;
};

struct CatalogResults {
  Paged<Dataset> datasets;
  std::vector<std::pair<Facet, std::vector<FacetCount>>> facets;  // institution values are Publisher names
};

// A kept file as it is downloaded.
struct ResourceFile {
  std::string data;
  std::string file_name;
  std::string media_type;
  License license;
};

class DatasetService {
 public:
  // `probe` checks a link (the network's, unless a test gives its own).
  DatasetService(store::Database& database, store::FileStore& files, jurisdictions::JurisdictionService& jurisdictions,
                 LinkProbe probe = [](const std::string& url) { return probe_link(url); })
      : database_(database), files_(files), jurisdictions_(jurisdictions), probe_(std::move(probe)) {}

  // A draft; with `resources` added and, when `publish`, published, all in one transaction.
  Result<Dataset> create(const Actor& actor, const DatasetInput& input, const std::vector<ResourceInput>& resources = {},
                         bool publish = false);
  Result<Dataset> update(const Actor& actor, const std::string& slug, const DatasetInput& input, int64_t version);
  Result<Dataset> publish(const Actor& actor, const std::string& slug);
  Result<Dataset> new_version(const Actor& actor, const std::string& slug, const std::string& version_label,
                              const std::string& notes);
  Result<Resource> add_resource(const Actor& actor, const std::string& slug, const ResourceInput& input);
  Result<Dataset> withdraw_resource(const Actor& actor, const std::string& slug, int64_t resource_id);

  // A dataset by slug (or numeric id, as CKAN clients ask): drafts only for their keepers.
  Result<Dataset> find(const Actor& actor, const std::string& slug_or_id);
  Result<Resource> resource(const Actor& actor, int64_t resource_id);
  // A resource of the dataset at `slug` (not_found when it is another's), and that dataset.
  Result<std::pair<Dataset, Resource>> resource_in(const Actor& actor, const std::string& slug, int64_t resource_id);
  Result<ResourceFile> resource_file(const Actor& actor, int64_t resource_id);
  // Every resource of every version, newest version first.
  std::vector<Resource> all_resources(const Dataset& dataset);
  std::vector<DatasetEdition> editions(const Dataset& dataset);
  // Checks up to `limit` links of current versions not checked in the last
  // day, the oldest checks first, and records what each answered; how many it checked.
  int check_links(int64_t limit);
  // One more download of a kept file.
  void count_download(int64_t resource_id);
  // How reusable it is (catalog/quality.h), today.
  DatasetQuality quality(const Dataset& dataset) const;
  // The drafts this account keeps.
  std::vector<Dataset> drafts(const Actor& actor);

  Result<CatalogResults> search(const CatalogQuery& query, const Slice& slice);
  std::vector<std::string> published_slugs(const Slice& slice);
  std::vector<DatasetGroup> groups();
  Result<DatasetGroup> group(const std::string& slug);
  std::vector<FacetCount> tags(const std::string& prefix, int64_t limit);
  // Institutions with published datasets.
  std::vector<Publisher> publishers();
  std::optional<Publisher> publisher(int64_t institution_id);
  Result<Publisher> publisher_named(const std::string& name);
  std::optional<jurisdictions::Jurisdiction> jurisdiction(int64_t id) { return jurisdictions_.by_id(id); }
  // The jurisdictions this account publishes for, each with the institutions
  // it may name (forms offer these).
  std::vector<std::pair<jurisdictions::Jurisdiction, std::vector<jurisdictions::Institution>>> publishing_choices(
      const Actor& actor);

  // A dataset this account may edit, for other parts of the catalog that change what belongs to it.
  Result<Dataset> for_editing(const Actor& actor, const std::string& slug);

  // What another part of the catalog does as resources come and go (the
  // datastore loads kept CSV files): `added` runs after the transaction that
  // kept a file (also each file a new version carries over), with its bytes;
  // `removed` inside the one that withdraws a resource.
  struct ResourceHooks {
    std::function<void(const Resource&, const std::string& data)> added;
    std::function<void(store::Connection&, int64_t resource_id)> removed;
  };
  void set_resource_hooks(ResourceHooks hooks) { hooks_ = std::move(hooks); }

  // What the pages offer, by the rules above.
  bool may_create(const Actor& actor) const;
  bool may_edit(const Actor& actor, const Dataset& dataset) const;

 private:
  Result<Dataset> editable(store::Connection& connection, const Actor& actor, const std::string& slug,
                           CatalogAction action);
  void index(store::Connection& connection, const Dataset& dataset);
  // Keeps a validated resource (and its file) in the dataset's current version, audited.
  void store_resource(store::Connection& connection, const Actor& actor, const Dataset& dataset,
                      const ResourceInput& input, Resource& resource);
  void added(const Resource& resource, const std::string& data);

  store::Database& database_;
  store::FileStore& files_;
  jurisdictions::JurisdictionService& jurisdictions_;
  LinkProbe probe_;
  ResourceHooks hooks_;
};

}  // namespace apertura::catalog
