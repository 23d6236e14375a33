#include "catalog/dataset_repository.h"

#include <map>

#include "core/clock.h"
#include "store/search_index.h"

namespace apertura::catalog {

namespace {

constexpr const char* kColumns =
    "SELECT d.id, d.slug, d.title, d.description, d.jurisdiction_id, d.institution_id, d.license_id, d.frequency, "
    "d.temporal_start, d.temporal_end, d.spatial, d.contact_name, d.contact_email, d.version_label, d.edition, "
    "d.status, d.created_by, d.created_at, d.updated_at, d.published_at, d.version ";

constexpr const char* kResourceColumns =
    "SELECT id, dataset_id, edition, position, name, description, format, media_type, url, file_sha256, file_name, "
    "size_bytes, last_modified, created_at, link_checked_at, link_status, link_error, "
    "COALESCE((SELECT downloads FROM resource_downloads WHERE resource_id = dataset_resources.id), 0) AS downloads, "
    "(SELECT status FROM datastore_tables WHERE resource_id = dataset_resources.id) AS datastore_status "
    "FROM dataset_resources ";

Dataset dataset_from(const store::Row& row) {
  Dataset d;
  d.id = row.integer("id");
  d.slug = row.text("slug");
  d.title = row.text("title");
  d.description = row.text("description");
  d.jurisdiction_id = row.integer("jurisdiction_id");
  d.institution_id = row.optional_integer("institution_id");
  d.license_id = row.text("license_id");
  d.frequency = parse_frequency(row.text("frequency")).value_or(Frequency::irregular);
  d.temporal_start = row.text("temporal_start");
  d.temporal_end = row.text("temporal_end");
  d.spatial = row.text("spatial");
  d.contact_name = row.text("contact_name");
  d.contact_email = row.text("contact_email");
  d.version_label = row.text("version_label");
  d.edition = row.integer("edition");
  d.status = parse_dataset_status(row.text("status")).value_or(DatasetStatus::draft);
  d.created_by = row.optional_integer("created_by");
  d.created_at = row.text("created_at");
  d.updated_at = row.text("updated_at");
  d.published_at = row.optional_text("published_at");
  d.version = row.integer("version");
  return d;
}

Resource resource_from(const store::Row& row) {
  Resource r;
  r.id = row.integer("id");
  r.dataset_id = row.integer("dataset_id");
  r.edition = row.integer("edition");
  r.position = row.integer("position");
  r.name = row.text("name");
  r.description = row.text("description");
  r.format = row.text("format");
  r.media_type = row.text("media_type");
  r.url = row.text("url");
  r.file_sha256 = row.text("file_sha256");
  r.file_name = row.text("file_name");
  r.size_bytes = row.optional_integer("size_bytes");
  r.last_modified = row.text("last_modified");
  r.created_at = row.text("created_at");
  r.link_checked_at = row.optional_text("link_checked_at");
  r.link_status = row.optional_integer("link_status");
  r.link_error = row.text("link_error");
  r.downloads = row.integer("downloads");
  r.datastore_status = row.optional_text("datastore_status").value_or("");
  return r;
}

// Tags, groups and the current edition's resources of each dataset, in three queries.
void decorate(store::Connection& c, std::vector<Dataset>& datasets) {
  if (datasets.empty()) return;
  std::map<int64_t, Dataset*> by_id;
  store::Params ids;
  for (auto& d : datasets) {
    by_id[d.id] = &d;
    ids.emplace_back(d.id);
  }
  std::string in = "(" + store::placeholder_list(ids.size()) + ")";
  for (const auto& row : c.query("SELECT dataset_id, tag FROM dataset_tags WHERE dataset_id IN " + in + " ORDER BY tag", ids)) {
    by_id[row.integer("dataset_id")]->tags.push_back(row.text("tag"));
  }
  for (const auto& row : c.query("SELECT m.dataset_id, g.id, g.slug, g.title, g.description, g.created_at "
                                 "FROM dataset_group_members m JOIN dataset_groups g ON g.id = m.group_id "
                                 "WHERE m.dataset_id IN " + in + " ORDER BY g.title",
                                 ids)) {
    by_id[row.integer("dataset_id")]->groups.push_back(
        {row.integer("id"), row.text("slug"), row.text("title"), row.text("description"), row.text("created_at"), 0});
  }
  for (const auto& row : c.query(std::string(kResourceColumns) + "WHERE dataset_id IN " + in +
                                     " AND edition = (SELECT edition FROM datasets d WHERE d.id = dataset_resources.dataset_id) "
                                     "ORDER BY position, id",
                                 ids)) {
    Resource r = resource_from(row);
    by_id[r.dataset_id]->resources.push_back(std::move(r));
  }
}

std::optional<Dataset> one(store::Connection& c, const std::string& where, const store::Params& params) {
  auto row = c.query_one(std::string(kColumns) + "FROM datasets d " + where, params);
  if (!row) return std::nullopt;
  std::vector<Dataset> found{dataset_from(*row)};
  decorate(c, found);
  return std::move(found.front());
}

// The filter as "[WITH ...] FROM datasets d [JOIN hits] WHERE ...", with its parameters.
struct Selection {
  std::string with;
  std::string from_where;
  store::Params params;
  bool ranked = false;
};

Selection select(store::Connection& c, const CatalogFilter& filter) {
  Selection s;
  std::string where = "WHERE d.status = 'published'";
  std::string from = "FROM datasets d ";
  if (auto matches = store::SearchIndex::matches(c.dialect(), "dataset", filter.text, "hits")) {
    s.with = "WITH " + matches->with + " ";
    s.params = matches->params;
    from += "JOIN hits ON hits.ref_id = d.id ";
    s.ranked = true;
  } else if (!filter.text.empty()) {
    // A query of punctuation only finds nothing.
    where += " AND 1 = 0";
  }
  if (filter.institution_id) {
    where += " AND d.institution_id = ?";
    s.params.emplace_back(*filter.institution_id);
  }
  if (filter.jurisdiction_id) {
    where += " AND d.jurisdiction_id = ?";
    s.params.emplace_back(*filter.jurisdiction_id);
  }
  if (!filter.license_id.empty()) {
    where += " AND d.license_id = ?";
    s.params.emplace_back(filter.license_id);
  }
  if (!filter.updated_since.empty()) {
    where += " AND d.updated_at >= ?";
    s.params.emplace_back(filter.updated_since);
  }
  for (const auto& tag : filter.tags) {
    where += " AND EXISTS (SELECT 1 FROM dataset_tags t WHERE t.dataset_id = d.id AND t.tag = ?)";
    s.params.emplace_back(tag);
  }
  for (const auto& group : filter.groups) {
    where += " AND EXISTS (SELECT 1 FROM dataset_group_members m JOIN dataset_groups g ON g.id = m.group_id "
             "WHERE m.dataset_id = d.id AND g.slug = ?)";
    s.params.emplace_back(group);
  }
  for (const auto& format : filter.formats) {
    where += " AND EXISTS (SELECT 1 FROM dataset_resources r WHERE r.dataset_id = d.id AND r.edition = d.edition "
             "AND r.format = ?)";
    s.params.emplace_back(format);
  }
  s.from_where = from + where + " ";
  return s;
}

std::string order_by(CatalogSort sort, bool ranked) {
  switch (sort) {
    case CatalogSort::relevance:
      return ranked ? "ORDER BY hits.score, d.updated_at DESC, d.id DESC" : "ORDER BY d.updated_at DESC, d.id DESC";
    case CatalogSort::updated_desc: return "ORDER BY d.updated_at DESC, d.id DESC";
    case CatalogSort::updated_asc: return "ORDER BY d.updated_at, d.id";
    case CatalogSort::title_asc: return "ORDER BY d.title, d.id";
    case CatalogSort::title_desc: return "ORDER BY d.title DESC, d.id DESC";
    case CatalogSort::name_asc: return "ORDER BY d.slug";
    case CatalogSort::name_desc: return "ORDER BY d.slug DESC";
    case CatalogSort::created_desc: return "ORDER BY d.created_at DESC, d.id DESC";
    case CatalogSort::created_asc: return "ORDER BY d.id";
  }
  return "ORDER BY d.id DESC";
}

std::vector<FacetCount> counts(const store::Rows& rows) {
  std::vector<FacetCount> out;
  for (const auto& row : rows) out.push_back({row.text("value"), row.text("label"), row.integer("n")});
  return out;
}

}  // namespace

int64_t DatasetRepository::insert(store::Connection& c, const Dataset& d) {
  return c.insert_returning_id(
      "INSERT INTO datasets (slug, title, description, jurisdiction_id, institution_id, license_id, frequency, "
      "temporal_start, temporal_end, spatial, contact_name, contact_email, version_label, edition, status, created_by, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'draft', ?, ?, ?) RETURNING id",
      {d.slug, d.title, d.description, d.jurisdiction_id, d.institution_id, d.license_id, frequency_name(d.frequency),
       d.temporal_start, d.temporal_end, d.spatial, d.contact_name, d.contact_email, d.version_label, d.created_by,
       d.created_at, d.updated_at});
}

bool DatasetRepository::update(store::Connection& c, const Dataset& d) {
  return c.execute(
             "UPDATE datasets SET title = ?, description = ?, institution_id = ?, license_id = ?, frequency = ?, "
             "temporal_start = ?, temporal_end = ?, spatial = ?, contact_name = ?, contact_email = ?, version_label = ?, "
             "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
             {d.title, d.description, d.institution_id, d.license_id, frequency_name(d.frequency), d.temporal_start,
              d.temporal_end, d.spatial, d.contact_name, d.contact_email, d.version_label, now_timestamp(), d.id,
              d.version}) == 1;
}

bool DatasetRepository::touch(store::Connection& c, int64_t id, int64_t version) {
  return c.execute("UPDATE datasets SET updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                   {now_timestamp(), id, version}) == 1;
}

bool DatasetRepository::publish(store::Connection& c, int64_t id, int64_t version, const std::string& at) {
  return c.execute("UPDATE datasets SET status = 'published', published_at = ?, updated_at = ?, version = version + 1 "
                   "WHERE id = ? AND version = ? AND status = 'draft'",
                   {at, at, id, version}) == 1;
}

bool DatasetRepository::set_edition(store::Connection& c, int64_t id, int64_t version, int64_t edition,
                                    const std::string& version_label) {
  return c.execute("UPDATE datasets SET edition = ?, version_label = ?, updated_at = ?, version = version + 1 "
                   "WHERE id = ? AND version = ?",
                   {edition, version_label, now_timestamp(), id, version}) == 1;
}

void DatasetRepository::add_edition(store::Connection& c, int64_t dataset_id, const DatasetEdition& e) {
  c.execute("INSERT INTO dataset_editions (dataset_id, edition, version_label, notes, published_at) VALUES (?, ?, ?, ?, ?)",
            {dataset_id, e.edition, e.version_label, e.notes, e.published_at});
}

std::vector<DatasetEdition> DatasetRepository::editions(store::Connection& c, int64_t dataset_id) {
  std::vector<DatasetEdition> out;
  for (const auto& row : c.query("SELECT edition, version_label, notes, published_at FROM dataset_editions "
                                 "WHERE dataset_id = ? ORDER BY edition DESC",
                                 {dataset_id})) {
    out.push_back({row.integer("edition"), row.text("version_label"), row.text("notes"), row.text("published_at")});
  }
  return out;
}

void DatasetRepository::set_tags(store::Connection& c, int64_t dataset_id, const std::vector<std::string>& tags) {
  c.execute("DELETE FROM dataset_tags WHERE dataset_id = ?", {dataset_id});
  for (const auto& tag : tags) c.execute("INSERT INTO dataset_tags (dataset_id, tag) VALUES (?, ?)", {dataset_id, tag});
}

void DatasetRepository::set_groups(store::Connection& c, int64_t dataset_id, const std::vector<int64_t>& group_ids) {
  c.execute("DELETE FROM dataset_group_members WHERE dataset_id = ?", {dataset_id});
  for (int64_t group : group_ids) {
    c.execute("INSERT INTO dataset_group_members (dataset_id, group_id) VALUES (?, ?)", {dataset_id, group});
  }
}

std::optional<Dataset> DatasetRepository::find_by_slug(store::Connection& c, const std::string& slug) {
  return one(c, "WHERE d.slug = ?", {slug});
}

std::optional<Dataset> DatasetRepository::find_by_id(store::Connection& c, int64_t id) {
  return one(c, "WHERE d.id = ?", {id});
}

bool DatasetRepository::slug_taken(store::Connection& c, const std::string& slug) {
  return c.query_one("SELECT 1 AS x FROM datasets WHERE slug = ?", {slug}).has_value();
}

std::vector<Dataset> DatasetRepository::drafts(store::Connection& c, std::optional<int64_t> institution_id,
                                               std::optional<int64_t> jurisdiction_id) {
  std::vector<Dataset> out;
  for (const auto& row : c.query(std::string(kColumns) +
                                     "FROM datasets d WHERE d.status = 'draft' AND (? = 0 OR d.institution_id = ?) "
                                     "AND (? = 0 OR d.jurisdiction_id = ?) ORDER BY d.updated_at DESC, d.id DESC LIMIT 200",
                                 {institution_id.value_or(0), institution_id.value_or(0), jurisdiction_id.value_or(0),
                                  jurisdiction_id.value_or(0)})) {
    out.push_back(dataset_from(row));
  }
  decorate(c, out);
  return out;
}

Paged<Dataset> DatasetRepository::search(store::Connection& c, const CatalogFilter& filter, const Slice& slice) {
  Selection s = select(c, filter);
  store::Params params = s.params;
  params.emplace_back(slice.limit);
  params.emplace_back(slice.offset);
  Paged<Dataset> page;
  for (const auto& row : c.query(s.with + kColumns + s.from_where + order_by(filter.sort, s.ranked) + " LIMIT ? OFFSET ?",
                                 params)) {
    page.items.push_back(dataset_from(row));
  }
  decorate(c, page.items);
  page.total = needs_count(page.items.size(), slice)
                   ? c.query_one(s.with + "SELECT COUNT(*) AS n " + s.from_where, s.params)->integer("n")
                   : slice.offset + static_cast<int64_t>(page.items.size());
  return page;
}

std::vector<FacetCount> DatasetRepository::facet(store::Connection& c, const CatalogFilter& filter, Facet facet,
                                                 int64_t limit) {
  Selection s = select(c, filter);
  std::string matched = (s.with.empty() ? "WITH " : s.with + ", ") + "matched AS (SELECT d.id, d.edition, "
                        "d.institution_id, d.license_id " + s.from_where + ") ";
  std::string sql;
  switch (facet) {
    case Facet::institution:
      sql = "SELECT CAST(institution_id AS TEXT) AS value, '' AS label, COUNT(*) AS n FROM matched "
            "WHERE institution_id IS NOT NULL GROUP BY institution_id";
      break;
    case Facet::license:
      sql = "SELECT license_id AS value, '' AS label, COUNT(*) AS n FROM matched GROUP BY license_id";
      break;
    case Facet::tag:
      sql = "SELECT t.tag AS value, t.tag AS label, COUNT(*) AS n FROM matched m JOIN dataset_tags t ON t.dataset_id = m.id "
            "GROUP BY t.tag";
      break;
    case Facet::group:
      sql = "SELECT g.slug AS value, g.title AS label, COUNT(*) AS n FROM matched m "
            "JOIN dataset_group_members gm ON gm.dataset_id = m.id JOIN dataset_groups g ON g.id = gm.group_id "
            "GROUP BY g.slug, g.title";
      break;
    case Facet::format:
      sql = "SELECT r.format AS value, r.format AS label, COUNT(DISTINCT m.id) AS n FROM matched m "
            "JOIN dataset_resources r ON r.dataset_id = m.id AND r.edition = m.edition GROUP BY r.format";
      break;
  }
  store::Params params = s.params;
  params.emplace_back(limit);
  return counts(c.query(matched + sql + " ORDER BY n DESC, value LIMIT ?", params));
}

std::vector<std::string> DatasetRepository::published_slugs(store::Connection& c, const Slice& slice) {
  std::vector<std::string> out;
  for (const auto& row : c.query("SELECT slug FROM datasets WHERE status = 'published' ORDER BY slug LIMIT ? OFFSET ?",
                                 {slice.limit, slice.offset})) {
    out.push_back(row.text("slug"));
  }
  return out;
}

std::vector<DatasetGroup> DatasetRepository::groups(store::Connection& c) {
  std::vector<DatasetGroup> out;
  for (const auto& row : c.query("SELECT g.id, g.slug, g.title, g.description, g.created_at, "
                                 "(SELECT COUNT(*) FROM dataset_group_members m JOIN datasets d ON d.id = m.dataset_id "
                                 "WHERE m.group_id = g.id AND d.status = 'published') AS n FROM dataset_groups g ORDER BY g.title")) {
    out.push_back({row.integer("id"), row.text("slug"), row.text("title"), row.text("description"), row.text("created_at"),
                   row.integer("n")});
  }
  return out;
}

std::optional<DatasetGroup> DatasetRepository::group(store::Connection& c, const std::string& slug) {
  for (auto& g : groups(c)) {
    if (g.slug == slug) return g;
  }
  return std::nullopt;
}

std::vector<FacetCount> DatasetRepository::tags(store::Connection& c, const std::string& prefix, int64_t limit) {
  return counts(c.query("SELECT t.tag AS value, t.tag AS label, COUNT(*) AS n FROM dataset_tags t "
                        "JOIN datasets d ON d.id = t.dataset_id WHERE d.status = 'published' AND t.tag LIKE ? "
                        "GROUP BY t.tag ORDER BY n DESC, t.tag LIMIT ?",
                        {prefix + "%", limit}));
}

std::vector<FacetCount> DatasetRepository::publishers(store::Connection& c) {
  return counts(c.query("SELECT CAST(institution_id AS TEXT) AS value, '' AS label, COUNT(*) AS n FROM datasets "
                        "WHERE status = 'published' AND institution_id IS NOT NULL GROUP BY institution_id "
                        "ORDER BY institution_id"));
}

int64_t DatasetRepository::insert_resource(store::Connection& c, const Resource& r) {
  return c.insert_returning_id(
      "INSERT INTO dataset_resources (dataset_id, edition, position, name, description, format, media_type, url, "
      "file_sha256, file_name, size_bytes, last_modified, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {r.dataset_id, r.edition, r.position, r.name, r.description, r.format, r.media_type, r.url, r.file_sha256,
       r.file_name, r.size_bytes, r.last_modified, r.created_at});
}

std::optional<Resource> DatasetRepository::resource(store::Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kResourceColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return resource_from(*row);
}

std::vector<Resource> DatasetRepository::all_resources(store::Connection& c, int64_t dataset_id) {
  std::vector<Resource> out;
  for (const auto& row : c.query(std::string(kResourceColumns) + "WHERE dataset_id = ? ORDER BY edition DESC, position, id",
                                 {dataset_id})) {
    out.push_back(resource_from(row));
  }
  return out;
}

int64_t DatasetRepository::next_position(store::Connection& c, int64_t dataset_id, int64_t edition) {
  return c.query_one("SELECT COALESCE(MAX(position), 0) + 1 AS n FROM dataset_resources WHERE dataset_id = ? AND edition = ?",
                     {dataset_id, edition})
      ->integer("n");
}

void DatasetRepository::delete_resource(store::Connection& c, int64_t id) {
  c.execute("DELETE FROM dataset_resources WHERE id = ?", {id});
}

void DatasetRepository::count_download(store::Connection& c, int64_t resource_id) {
  c.execute("INSERT INTO resource_downloads (resource_id, downloads) VALUES (?, 1) ON CONFLICT (resource_id) DO UPDATE "
            "SET downloads = resource_downloads.downloads + 1",
            {resource_id});
}

std::vector<Resource> DatasetRepository::links_due(store::Connection& c, const std::string& checked_before, int64_t limit) {
  std::vector<Resource> out;
  for (const auto& row : c.query(std::string(kResourceColumns) +
                                     "WHERE url <> '' AND (link_checked_at IS NULL OR link_checked_at < ?) "
                                     "AND edition = (SELECT edition FROM datasets WHERE id = dataset_resources.dataset_id) "
                                     "ORDER BY link_checked_at IS NOT NULL, link_checked_at, id LIMIT ?",
                                 {checked_before, limit})) {
    out.push_back(resource_from(row));
  }
  return out;
}

void DatasetRepository::save_link_check(store::Connection& c, int64_t resource_id, const std::string& at, int64_t status,
                                        const std::string& error) {
  c.execute("UPDATE dataset_resources SET link_checked_at = ?, link_status = ?, link_error = ? WHERE id = ?",
            {at, status, error, resource_id});
}

void DatasetRepository::copy_resources(store::Connection& c, int64_t dataset_id, int64_t from_edition, int64_t to_edition) {
  c.execute("INSERT INTO dataset_resources (dataset_id, edition, position, name, description, format, media_type, url, "
            "file_sha256, file_name, size_bytes, last_modified, created_at) "
            "SELECT dataset_id, ?, position, name, description, format, media_type, url, file_sha256, file_name, "
            "size_bytes, last_modified, ? FROM dataset_resources WHERE dataset_id = ? AND edition = ? ORDER BY position, id",
            {to_edition, now_timestamp(), dataset_id, from_edition});
}

}  // namespace apertura::catalog
