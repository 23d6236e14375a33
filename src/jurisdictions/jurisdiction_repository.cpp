#include "jurisdictions/jurisdiction_repository.h"

#include <unordered_map>

#include "core/clock.h"

namespace apertura::jurisdictions {

namespace {
constexpr const char* kJurisdictionColumns =
    "SELECT id, code, slug, name, level, parent_id, created_at, updated_at FROM jurisdictions ";
constexpr const char* kInstitutionColumns =
    "SELECT id, jurisdiction_id, slug, name, acronym, website, created_at, updated_at FROM institutions ";

Jurisdiction jurisdiction_from_row(const store::Row& row) {
  return {row.integer("id"),
          row.text("code"),
          row.text("slug"),
          row.text("name"),
          parse_level(row.text("level")).value_or(Level::state),
          row.optional_integer("parent_id"),
          row.text("created_at"),
          row.text("updated_at")};
}

Institution institution_from_row(const store::Row& row) {
  return {row.integer("id"),   row.integer("jurisdiction_id"), row.text("slug"),
          row.text("name"),    row.text("acronym"),            row.text("website"),
          row.text("created_at"), row.text("updated_at")};
}

std::optional<Jurisdiction> first_jurisdiction(store::Rows rows) {
  if (rows.empty()) return std::nullopt;
  return jurisdiction_from_row(rows.front());
}
}  // namespace

Paged<Jurisdiction> JurisdictionRepository::list(store::Connection& c, std::optional<Level> level,
                                                 const Slice& slice) {
  // Federal first, then states, then municipalities, each by INEGI code.
  std::string filter = level ? "WHERE level = ? " : "WHERE ? = '' ";
  std::string level_text = level ? level_name(*level) : "";
  Paged<Jurisdiction> page;
  for (const auto& row : c.query(std::string(kJurisdictionColumns) + filter +
                                     "ORDER BY CASE level WHEN 'federal' THEN 0 WHEN 'state' THEN 1 "
                                     "ELSE 2 END, code LIMIT ? OFFSET ?",
                                 {level_text, slice.limit, slice.offset})) {
    page.items.push_back(jurisdiction_from_row(row));
  }
  page.total = needs_count(page.items.size(), slice)
                   ? c.query_one("SELECT COUNT(*) AS n FROM jurisdictions " + filter, {level_text})->integer("n")
                   : slice.offset + static_cast<int64_t>(page.items.size());
  return page;
}

std::vector<Jurisdiction> JurisdictionRepository::find_by_ids(store::Connection& c,
                                                              const std::vector<int64_t>& ids) {
  if (ids.empty()) return {};
  store::Params params(ids.begin(), ids.end());
  std::string placeholders = store::placeholder_list(params.size());
  std::unordered_map<int64_t, Jurisdiction> by_id;
  for (const auto& row : c.query(std::string(kJurisdictionColumns) + "WHERE id IN (" + placeholders + ")", params)) {
    Jurisdiction j = jurisdiction_from_row(row);
    by_id.emplace(j.id, std::move(j));
  }
  std::vector<Jurisdiction> out;  // in the order asked for (search rank)
  for (int64_t id : ids) {
    if (auto it = by_id.find(id); it != by_id.end()) out.push_back(it->second);
  }
  return out;
}

std::optional<Jurisdiction> JurisdictionRepository::find_by_slug(store::Connection& c, const std::string& slug) {
  return first_jurisdiction(c.query(std::string(kJurisdictionColumns) + "WHERE slug = ?", {slug}));
}

std::optional<Jurisdiction> JurisdictionRepository::find_by_code(store::Connection& c, const std::string& code) {
  return first_jurisdiction(c.query(std::string(kJurisdictionColumns) + "WHERE code = ?", {code}));
}

std::optional<Jurisdiction> JurisdictionRepository::find_by_id(store::Connection& c, int64_t id) {
  return first_jurisdiction(c.query(std::string(kJurisdictionColumns) + "WHERE id = ?", {id}));
}

int64_t JurisdictionRepository::insert(store::Connection& c, const Jurisdiction& j) {
  return c.insert_returning_id(
      "INSERT INTO jurisdictions (code, slug, name, level, parent_id, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {j.code, j.slug, j.name, level_name(j.level), j.parent_id, j.created_at, j.updated_at});
}

Paged<Institution> InstitutionRepository::list_for(store::Connection& c, int64_t jurisdiction_id,
                                                   const Slice& slice) {
  Paged<Institution> page;
  for (const auto& row : c.query(std::string(kInstitutionColumns) +
                                     "WHERE jurisdiction_id = ? ORDER BY name LIMIT ? OFFSET ?",
                                 {jurisdiction_id, slice.limit, slice.offset})) {
    page.items.push_back(institution_from_row(row));
  }
  page.total = needs_count(page.items.size(), slice)
                   ? c.query_one("SELECT COUNT(*) AS n FROM institutions WHERE jurisdiction_id = ?",
                                 {jurisdiction_id})
                         ->integer("n")
                   : slice.offset + static_cast<int64_t>(page.items.size());
  return page;
}

std::optional<Institution> InstitutionRepository::find_by_id(store::Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kInstitutionColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return institution_from_row(*row);
}

std::optional<Institution> InstitutionRepository::find(store::Connection& c, int64_t jurisdiction_id,
                                                       const std::string& slug) {
  auto row = c.query_one(std::string(kInstitutionColumns) + "WHERE jurisdiction_id = ? AND slug = ?",
                         {jurisdiction_id, slug});
  if (!row) return std::nullopt;
  return institution_from_row(*row);
}

int64_t InstitutionRepository::insert(store::Connection& c, const Institution& i) {
  return c.insert_returning_id(
      "INSERT INTO institutions (jurisdiction_id, slug, name, acronym, website, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {i.jurisdiction_id, i.slug, i.name, i.acronym, i.website, i.created_at, i.updated_at});
}

}  // namespace apertura::jurisdictions
