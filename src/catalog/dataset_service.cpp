#include "catalog/dataset_service.h"

#include <algorithm>
#include <chrono>
#include <set>

#include <spdlog/spdlog.h>

#include "audit/audit_log.h"
#include "catalog/messages.h"
#include "catalog/resource_format.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/number_text.h"
#include "core/document_upload.h"
#include "core/text.h"
#include "store/search_index.h"

namespace apertura::catalog {

namespace {

Error not_found(const std::string& slug) { return Error::not_found(say(Msg::dataset_not_found, slug)); }

bool all_digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool valid_slug(const std::string& slug) {
  if (slug.size() < 3 || slug.size() > 100 || all_digits(slug) || slug.front() == '-' || slug.back() == '-') return false;
  return std::all_of(slug.begin(), slug.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string slug_from_title(const std::string& title) {
  std::string slug = slugify(title);
  if (slug.size() > 90) slug.resize(90);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.size() < 3) slug = "datos-" + slug;
  if (all_digits(slug)) slug = "datos-" + slug;
  return slug;
}

// The tags of a comma-separated list, trimmed, each once, in the order given.
std::vector<std::string> parse_tags(const std::string& text, Validation& validation) {
  std::vector<std::string> tags;
  for (const auto& piece : split(text, ',')) {
    std::string tag = trim(piece);
    if (tag.empty()) continue;
    size_t length = utf8_length(tag);
    if (length < 2 || length > 50) {
      validation.fail("tags", say(Msg::tag_field, tag));
      continue;
    }
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
  }
  if (tags.size() > 20) validation.fail("tags", say(Msg::too_many_tags));
  return tags;
}

// The metadata every dataset shares, validated into `d`; the groups' ids into `group_ids`.
void read_metadata(const DatasetInput& input, const std::vector<DatasetGroup>& known_groups, Dataset& d,
                   std::vector<int64_t>& group_ids, std::vector<std::string>& tags, Validation& validation) {
  d.title = trim(input.title);
  d.description = trim(input.description);
  d.spatial = trim(input.spatial);
  d.contact_name = trim(input.contact_name);
  d.contact_email = trim(input.contact_email);
  d.version_label = trim(input.version_label);
  d.temporal_start = trim(input.temporal_start);
  d.temporal_end = trim(input.temporal_end);
  validation.require(!d.title.empty() && utf8_length(d.title) <= 200, "title", say(Msg::title_field));
  validation.require(utf8_length(d.description) <= 20000, "description", say(Msg::description_field));
  validation.require(utf8_length(d.spatial) <= 200, "spatial", say(Msg::at_most_200));
  validation.require(utf8_length(d.contact_name) <= 200, "contact_name", say(Msg::at_most_200));
  validation.require(d.contact_email.empty() || looks_like_email(d.contact_email), "contact_email",
                     say(Msg::contact_email_field));
  validation.require(utf8_length(d.version_label) <= 40, "version_label", say(Msg::version_label_field));
  validation.require(d.temporal_start.empty() || is_iso_date(d.temporal_start), "temporal_start", say(Msg::date_field));
  validation.require(d.temporal_end.empty() || is_iso_date(d.temporal_end), "temporal_end", say(Msg::date_field));
  if (is_iso_date(d.temporal_start) && is_iso_date(d.temporal_end)) {
    validation.require(d.temporal_start <= d.temporal_end, "temporal_end", say(Msg::temporal_order));
  }
  validation.require(is_valid_utf8(d.title + d.description + d.spatial + d.contact_name + d.version_label + input.tags),
                     "description", say(Msg::invalid_characters));
  auto license = License::choose(trim(input.license));
  if (license) d.license_id = license->id;
  else validation.fail("license", license.error().fields.empty() ? license.error().message : license.error().fields[0].message);
  std::string frequency = trim(input.frequency);
  auto parsed = parse_frequency(frequency.empty() ? "irregular" : frequency);
  validation.require(parsed.has_value(), "frequency", say(Msg::frequency_field));
  d.frequency = parsed.value_or(Frequency::irregular);
  tags = parse_tags(input.tags, validation);
  for (const auto& slug : input.groups) {
    std::string wanted = trim(slug);
    if (wanted.empty()) continue;
    auto group = std::find_if(known_groups.begin(), known_groups.end(), [&](const DatasetGroup& g) { return g.slug == wanted; });
    if (group == known_groups.end()) validation.fail("groups", say(Msg::group_field, wanted));
    else if (std::find(group_ids.begin(), group_ids.end(), group->id) == group_ids.end()) group_ids.push_back(group->id);
  }
}

std::string search_body(const Dataset& d, const std::vector<std::string>& tags) {
  std::string body = d.description;
  for (const auto& tag : tags) body += " " + tag;
  body += " " + d.spatial;
  return body;
}

// A resource's fields, validated: the file's or the link's, not yet stored.
Resource read_resource(const ResourceInput& input, Validation& validation) {
  Resource r;
  r.name = trim(input.name);
  r.description = trim(input.description);
  std::string url = trim(input.url);
  bool has_file = input.data.has_value();
  if (r.name.empty() && has_file) r.name = trim(input.file_name);
  validation.require(!r.name.empty() && utf8_length(r.name) <= 200, "name", say(Msg::resource_name_field));
  validation.require(utf8_length(r.description) <= 5000, "description", say(Msg::description_field));
  validation.require(is_valid_utf8(r.name + r.description + url + input.file_name), "name", say(Msg::invalid_characters));
  validation.require(has_file != !url.empty(), has_file ? "url" : "file", say(Msg::resource_source_field));
  if (has_file) {
    if (input.data->empty()) validation.fail("file", say(Msg::file_empty));
    if (input.data->size() > kMaxResourceBytes) validation.fail("file", say(Msg::file_too_large, kMaxResourceBytes >> 20));
  } else if (!url.empty()) {
    bool web = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
    validation.require(web && url.size() <= 2000 && url.find_first_of(" \t\r\n<>\"") == std::string::npos, "url",
                       say(Msg::resource_url_field));
    r.url = url;
  }
  std::string format = trim(input.format);
  for (char& c : format) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  if (format.empty()) format = format_from_name(has_file ? input.file_name : url);
  if (format.empty()) format = has_file ? "BIN" : "HTML";
  validation.require(format.size() <= 12 && std::all_of(format.begin(), format.end(), [](char c) {
                       return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                     }),
                     "format", say(Msg::resource_format_field));
  r.format = format;
  r.media_type = media_type_for(format);
  r.created_at = r.last_modified = now_timestamp();
  return r;
}

}  // namespace

bool DatasetService::may_create(const Actor& actor) const {
  return catalog_permissions().allows(actor.role, CatalogAction::create_dataset);
}

bool DatasetService::may_edit(const Actor& actor, const Dataset& dataset) const {
  if (!catalog_permissions().allows(actor, CatalogAction::edit_dataset, dataset.jurisdiction_id)) return false;
  // Officials keep their own institution's datasets only.
  if (actor.role == Role::official) return dataset.institution_id && dataset.institution_id == actor.institution_id;
  return true;
}

std::vector<std::pair<jurisdictions::Jurisdiction, std::vector<jurisdictions::Institution>>>
DatasetService::publishing_choices(const Actor& actor) {
  std::vector<std::pair<jurisdictions::Jurisdiction, std::vector<jurisdictions::Institution>>> out;
  if (!may_create(actor)) return out;
  std::vector<jurisdictions::Jurisdiction> places;
  if (actor.role == Role::official) {
    if (!actor.institution_id) return out;
    auto institution = jurisdictions_.institution(*actor.institution_id);
    if (!institution) return out;
    if (auto place = jurisdictions_.by_id(institution->jurisdiction_id)) out.push_back({*place, {*institution}});
    return out;
  }
  if (actor.jurisdiction_id) {
    if (auto place = jurisdictions_.by_id(*actor.jurisdiction_id)) places.push_back(*place);
  } else {
    places = jurisdictions_.list({}, {1000, 0}).items;
  }
  for (auto& place : places) {
    auto institutions = jurisdictions_.institutions(place.id, {1000, 0}).items;
    out.emplace_back(std::move(place), std::move(institutions));
  }
  return out;
}

void DatasetService::index(store::Connection& connection, const Dataset& dataset) {
  if (!dataset.published()) return;
  std::string body = search_body(dataset, dataset.tags);
  if (dataset.institution_id) {
    if (auto p = publisher(*dataset.institution_id)) body += " " + p->title + " " + p->acronym;
  }
  store::SearchIndex::upsert(connection, {"dataset", dataset.id, dataset.jurisdiction_id, dataset.title, body});
}

Result<Dataset> DatasetService::create(const Actor& actor, const DatasetInput& input,
                                       const std::vector<ResourceInput>& resources, bool publish) {
  if (auto error = catalog_permissions().check(actor, CatalogAction::create_dataset)) return *error;
  Validation validation;
  Dataset d;
  // Where: the institution's jurisdiction for an official; else as given, or the admin's own.
  std::optional<int64_t> institution_id;
  std::string institution_text = trim(input.institution_id);
  if (institution_text.empty() && actor.role == Role::official) institution_id = actor.institution_id;
  if (!institution_text.empty()) {
    institution_id = whole_number(institution_text);
    if (!institution_id) validation.fail("institution_id", say(Msg::institution_field));
  }
  std::optional<jurisdictions::Institution> institution;
  if (institution_id) {
    institution = jurisdictions_.institution(*institution_id);
    if (!institution) validation.fail("institution_id", say(Msg::institution_field));
  }
  std::string where = trim(input.jurisdiction);
  std::optional<jurisdictions::Jurisdiction> place;
  if (!where.empty()) {
    auto found = jurisdictions_.find(where);
    if (!found) return found.error();
    place = *found;
  } else if (institution) {
    place = jurisdictions_.by_id(institution->jurisdiction_id);
  } else if (actor.jurisdiction_id) {
    place = jurisdictions_.by_id(*actor.jurisdiction_id);
  }
  if (!place) {
    validation.fail(institution_id ? "institution_id" : "jurisdiction", say(Msg::institution_field));
    return validation.error();
  }
  if (auto error = catalog_permissions().check(actor, CatalogAction::create_dataset, place->id)) return *error;
  if (institution && institution->jurisdiction_id != place->id) validation.fail("institution_id", say(Msg::institution_field));
  if (actor.role == Role::official && (!institution_id || institution_id != actor.institution_id)) {
    validation.fail("institution_id", say(Msg::own_institution_only));
  }
  if (actor.role == Role::official && !actor.institution_id) return Error::forbidden(say(Msg::sign_in_to_publish));
  d.jurisdiction_id = place->id;
  d.institution_id = institution_id;

  auto connection = database_.connect();
  std::vector<int64_t> group_ids;
  std::vector<std::string> tags;
  read_metadata(input, DatasetRepository::groups(*connection), d, group_ids, tags, validation);
  std::string slug = trim(input.slug);
  bool derived = slug.empty();
  if (derived) slug = slug_from_title(d.title);
  validation.require(d.title.empty() || valid_slug(slug), "slug", say(Msg::slug_field));
  std::vector<Resource> read;
  for (const auto& input_resource : resources) read.push_back(read_resource(input_resource, validation));
  if (publish && resources.empty()) validation.fail("resources", say(Msg::publish_needs_resource));
  if (!validation.ok()) return validation.error();
  if (derived) {
    std::string base = slug;
    for (int n = 2; DatasetRepository::slug_taken(*connection, slug); ++n) slug = base + "-" + std::to_string(n);
  } else if (DatasetRepository::slug_taken(*connection, slug)) {
    return Error::conflict(say(Msg::slug_taken, slug), {{"slug", say(Msg::slug_taken_field)}});
  }
  d.slug = slug;
  d.created_by = actor.user_id;
  d.created_at = d.updated_at = now_timestamp();
  try {
    store::Transaction transaction(*connection);
    d.id = DatasetRepository::insert(*connection, d);
    DatasetRepository::set_tags(*connection, d.id, tags);
    DatasetRepository::set_groups(*connection, d.id, group_ids);
    Dataset stored = *DatasetRepository::find_by_id(*connection, d.id);
    audit::AuditLog::append_public(*connection, actor, "create", "dataset", d.id, d.jurisdiction_id, nullptr, stored.to_json());
    for (size_t i = 0; i < read.size(); ++i) store_resource(*connection, actor, stored, resources[i], read[i]);
    if (publish) {
      std::string now = now_timestamp();
      DatasetRepository::publish(*connection, d.id, stored.version, now);
      DatasetRepository::add_edition(*connection, d.id, {stored.edition, stored.version_label, "", now});
      audit::AuditLog::append_public(*connection, actor, "publish", "dataset", d.id, d.jurisdiction_id, nullptr, nullptr);
    }
    stored = *DatasetRepository::find_by_id(*connection, d.id);
    index(*connection, stored);
    transaction.commit();
    for (size_t i = 0; i < read.size(); ++i) {
      if (resources[i].data) added(read[i], *resources[i].data);
    }
    return stored;
  } catch (const store::UniqueViolation&) {
    // Another request took the address in between.
    return Error::conflict(say(Msg::slug_taken, slug), {{"slug", say(Msg::slug_taken_field)}});
  }
}

Result<Dataset> DatasetService::editable(store::Connection& connection, const Actor& actor, const std::string& slug,
                                         CatalogAction action) {
  if (auto error = catalog_permissions().check(actor, action)) return *error;
  auto dataset = DatasetRepository::find_by_slug(connection, slug);
  if (!dataset) return not_found(slug);
  if (auto error = catalog_permissions().check(actor, action, dataset->jurisdiction_id)) return *error;
  if (!may_edit(actor, *dataset)) {
    // A draft of another institution is not there for this account.
    if (!dataset->published()) return not_found(slug);
    return Error::forbidden(say(Msg::own_institution_only));
  }
  return *dataset;
}

Result<Dataset> DatasetService::update(const Actor& actor, const std::string& slug, const DatasetInput& input,
                                       int64_t version) {
  auto connection = database_.connect();
  auto current = editable(*connection, actor, slug, CatalogAction::edit_dataset);
  if (!current) return current.error();
  Dataset d = *current;
  Validation validation;
  std::string institution_text = trim(input.institution_id);
  if (!institution_text.empty()) {
    std::optional<jurisdictions::Institution> institution;
    if (auto id = whole_number(institution_text)) institution = jurisdictions_.institution(*id);
    if (!institution || institution->jurisdiction_id != d.jurisdiction_id) validation.fail("institution_id", say(Msg::institution_field));
    else if (actor.role == Role::official && institution->id != actor.institution_id) validation.fail("institution_id", say(Msg::own_institution_only));
    else d.institution_id = institution->id;
  } else if (actor.role != Role::official) {
    d.institution_id.reset();
  }
  std::vector<int64_t> group_ids;
  std::vector<std::string> tags;
  read_metadata(input, DatasetRepository::groups(*connection), d, group_ids, tags, validation);
  if (!validation.ok()) return validation.error();
  d.version = version;
  store::Transaction transaction(*connection);
  if (!DatasetRepository::update(*connection, d)) return Error::conflict(say(Msg::changed_meanwhile));
  DatasetRepository::set_tags(*connection, d.id, tags);
  DatasetRepository::set_groups(*connection, d.id, group_ids);
  Dataset stored = *DatasetRepository::find_by_id(*connection, d.id);
  index(*connection, stored);
  audit::AuditLog::append_public(*connection, actor, "update", "dataset", d.id, d.jurisdiction_id, current->to_json(),
                                 stored.to_json());
  transaction.commit();
  return stored;
}

Result<Dataset> DatasetService::publish(const Actor& actor, const std::string& slug) {
  auto connection = database_.connect();
  auto current = editable(*connection, actor, slug, CatalogAction::publish_dataset);
  if (!current) return current.error();
  if (current->published()) return Error::conflict(say(Msg::already_published));
  if (current->resources.empty()) return Error::invalid(say(Msg::publish_needs_resource), {{"resources", say(Msg::publish_needs_resource)}});
  std::string now = now_timestamp();
  store::Transaction transaction(*connection);
  if (!DatasetRepository::publish(*connection, current->id, current->version, now)) {
    return Error::conflict(say(Msg::changed_meanwhile));
  }
  DatasetRepository::add_edition(*connection, current->id, {current->edition, current->version_label, "", now});
  Dataset stored = *DatasetRepository::find_by_id(*connection, current->id);
  index(*connection, stored);
  audit::AuditLog::append_public(*connection, actor, "publish", "dataset", stored.id, stored.jurisdiction_id,
                                 current->to_json(), stored.to_json());
  transaction.commit();
  return stored;
}

Result<Dataset> DatasetService::new_version(const Actor& actor, const std::string& slug, const std::string& version_label,
                                            const std::string& notes) {
  auto connection = database_.connect();
  auto current = editable(*connection, actor, slug, CatalogAction::publish_dataset);
  if (!current) return current.error();
  if (!current->published()) return Error::conflict(say(Msg::version_needs_publication));
  Validation validation;
  std::string label = trim(version_label);
  std::string note = trim(notes);
  validation.require(utf8_length(label) <= 40 && is_valid_utf8(label), "version_label", say(Msg::version_label_field));
  validation.require(!note.empty() && utf8_length(note) <= 2000 && is_valid_utf8(note), "notes", say(Msg::version_notes_field));
  if (!validation.ok()) return validation.error();
  int64_t next = current->edition + 1;
  store::Transaction transaction(*connection);
  if (!DatasetRepository::set_edition(*connection, current->id, current->version, next, label)) {
    return Error::conflict(say(Msg::changed_meanwhile));
  }
  DatasetRepository::copy_resources(*connection, current->id, current->edition, next);
  DatasetRepository::add_edition(*connection, current->id, {next, label, note, now_timestamp()});
  Dataset stored = *DatasetRepository::find_by_id(*connection, current->id);
  index(*connection, stored);
  audit::AuditLog::append_public(*connection, actor, "new_version", "dataset", stored.id, stored.jurisdiction_id,
                                 current->to_json(), stored.to_json());
  transaction.commit();
  for (const auto& resource : stored.resources) {
    if (!resource.is_file() || !hooks_.added) continue;
    if (auto data = files_.load(*connection, resource.file_sha256)) added(resource, *data);
  }
  return stored;
}

Result<Resource> DatasetService::add_resource(const Actor& actor, const std::string& slug, const ResourceInput& input) {
  auto connection = database_.connect();
  auto current = editable(*connection, actor, slug, CatalogAction::edit_dataset);
  if (!current) return current.error();
  Validation validation;
  Resource r = read_resource(input, validation);
  if (!validation.ok()) return validation.error();
  store::Transaction transaction(*connection);
  if (!DatasetRepository::touch(*connection, current->id, current->version)) return Error::conflict(say(Msg::changed_meanwhile));
  store_resource(*connection, actor, *current, input, r);
  if (current->published()) index(*connection, *DatasetRepository::find_by_id(*connection, current->id));
  transaction.commit();
  if (input.data) added(r, *input.data);
  return r;
}

void DatasetService::added(const Resource& resource, const std::string& data) {
  if (!hooks_.added) return;
  try {
    hooks_.added(resource, data);
  } catch (const std::exception& e) {
    // The resource is kept either way; its table can be loaded again.
    spdlog::warn("catalog: resource {} kept, but what follows its addition failed: {}", resource.id, e.what());
  }
}

Result<Dataset> DatasetService::for_editing(const Actor& actor, const std::string& slug) {
  auto connection = database_.connect();
  return editable(*connection, actor, slug, CatalogAction::edit_dataset);
}

void DatasetService::store_resource(store::Connection& connection, const Actor& actor, const Dataset& dataset,
                                    const ResourceInput& input, Resource& r) {
  r.dataset_id = dataset.id;
  r.edition = dataset.edition;
  if (input.data) {
    r.file_sha256 = files_.save(connection, *input.data);
    r.file_name = safe_file_name(input.file_name, dataset.slug + "." + to_lower_ascii(r.format));
    r.size_bytes = static_cast<int64_t>(input.data->size());
  }
  r.position = DatasetRepository::next_position(connection, r.dataset_id, r.edition);
  r.id = DatasetRepository::insert_resource(connection, r);
  audit::AuditLog::append_public(connection, actor, "create", "dataset_resource", r.id, dataset.jurisdiction_id, nullptr,
                                 r.to_json());
}

Result<Dataset> DatasetService::withdraw_resource(const Actor& actor, const std::string& slug, int64_t resource_id) {
  auto connection = database_.connect();
  auto current = editable(*connection, actor, slug, CatalogAction::edit_dataset);
  if (!current) return current.error();
  auto resource = DatasetRepository::resource(*connection, resource_id);
  if (!resource || resource->dataset_id != current->id) return Error::not_found(say(Msg::resource_not_found, resource_id));
  if (resource->edition != current->edition) return Error::conflict(say(Msg::resource_not_current));
  store::Transaction transaction(*connection);
  if (!DatasetRepository::touch(*connection, current->id, current->version)) return Error::conflict(say(Msg::changed_meanwhile));
  if (hooks_.removed) hooks_.removed(*connection, resource_id);
  DatasetRepository::delete_resource(*connection, resource_id);
  Dataset stored = *DatasetRepository::find_by_id(*connection, current->id);
  audit::AuditLog::append_public(*connection, actor, "delete", "dataset_resource", resource_id, current->jurisdiction_id,
                                 resource->to_json(), nullptr);
  transaction.commit();
  return stored;
}

Result<Dataset> DatasetService::find(const Actor& actor, const std::string& slug_or_id) {
  auto connection = database_.connect();
  auto dataset = DatasetRepository::find_by_slug(*connection, slug_or_id);
  if (auto id = whole_number(slug_or_id); !dataset && id) dataset = DatasetRepository::find_by_id(*connection, *id);
  if (!dataset || (!dataset->published() && !may_edit(actor, *dataset))) return not_found(slug_or_id);
  return *dataset;
}

Result<Resource> DatasetService::resource(const Actor& actor, int64_t resource_id) {
  auto connection = database_.connect();
  auto resource = DatasetRepository::resource(*connection, resource_id);
  if (!resource) return Error::not_found(say(Msg::resource_not_found, resource_id));
  auto dataset = DatasetRepository::find_by_id(*connection, resource->dataset_id);
  if (!dataset || (!dataset->published() && !may_edit(actor, *dataset))) {
    return Error::not_found(say(Msg::resource_not_found, resource_id));
  }
  return *resource;
}

Result<std::pair<Dataset, Resource>> DatasetService::resource_in(const Actor& actor, const std::string& slug,
                                                                 int64_t resource_id) {
  auto dataset = find(actor, slug);
  if (!dataset) return dataset.error();
  auto resource = this->resource(actor, resource_id);
  if (!resource || resource->dataset_id != dataset->id) return Error::not_found(say(Msg::resource_not_found, resource_id));
  return std::pair<Dataset, Resource>{std::move(*dataset), std::move(*resource)};
}

Result<ResourceFile> DatasetService::resource_file(const Actor& actor, int64_t resource_id) {
  auto resource = this->resource(actor, resource_id);
  if (!resource) return resource.error();
  if (!resource->is_file()) return Error::not_found(say(Msg::resource_not_found, resource_id));
  auto connection = database_.connect();
  auto data = files_.load(*connection, resource->file_sha256);
  if (!data) return Error::not_found(say(Msg::resource_not_found, resource_id));
  auto dataset = DatasetRepository::find_by_id(*connection, resource->dataset_id);
  return ResourceFile{std::move(*data), resource->file_name, resource->media_type,
                      License::find_or_default(dataset ? dataset->license_id : "")};
}

std::vector<Resource> DatasetService::all_resources(const Dataset& dataset) {
  auto connection = database_.connect();
  return DatasetRepository::all_resources(*connection, dataset.id);
}

std::vector<DatasetEdition> DatasetService::editions(const Dataset& dataset) {
  auto connection = database_.connect();
  return DatasetRepository::editions(*connection, dataset.id);
}

int DatasetService::check_links(int64_t limit) {
  auto now = std::chrono::system_clock::now();
  std::vector<Resource> due;
  {
    auto connection = database_.connect();
    due = DatasetRepository::links_due(*connection, format_timestamp(now - std::chrono::hours(24)), limit);
  }
  for (const auto& resource : due) {
    LinkCheck check = probe_(resource.url);  // outside any transaction: it may take seconds
    auto connection = database_.connect();
    DatasetRepository::save_link_check(*connection, resource.id, now_timestamp(), check.status, check.error);
  }
  return static_cast<int>(due.size());
}

void DatasetService::count_download(int64_t resource_id) {
  auto connection = database_.connect();
  DatasetRepository::count_download(*connection, resource_id);
}

DatasetQuality DatasetService::quality(const Dataset& dataset) const { return assess_quality(dataset, today_iso()); }

std::vector<Dataset> DatasetService::drafts(const Actor& actor) {
  if (!may_create(actor)) return {};
  auto connection = database_.connect();
  if (actor.role == Role::official) {
    if (!actor.institution_id) return {};
    return DatasetRepository::drafts(*connection, actor.institution_id, std::nullopt);
  }
  return DatasetRepository::drafts(*connection, std::nullopt, actor.jurisdiction_id);
}

Result<CatalogResults> DatasetService::search(const CatalogQuery& query, const Slice& slice) {
  CatalogFilter filter;
  filter.text = trim(query.text);
  filter.license_id = trim(query.license);
  filter.groups = query.groups;
  filter.tags = query.tags;
  filter.formats = query.formats;
  filter.sort = query.sort;
  filter.updated_since = query.updated_since;
  if (!query.publisher.empty()) {
    auto found = publisher_named(query.publisher);
    filter.institution_id = found ? found->institution_id : -1;  // an unknown publisher has no datasets
  }
  if (!query.jurisdiction.empty()) {
    auto place = jurisdictions_.find(query.jurisdiction);
    if (!place) return place.error();
    filter.jurisdiction_id = place->id;
  }
  auto connection = database_.connect();
  CatalogResults results;
  results.datasets = DatasetRepository::search(*connection, filter, slice);
  for (Facet facet : query.facets) {
    auto values = DatasetRepository::facet(*connection, filter, facet, query.facet_limit);
    for (auto& value : values) {
      if (facet == Facet::institution) {
        auto p = publisher(std::stoll(value.value));
        value.value = p ? p->name : value.value;
        value.label = p ? p->title : value.label;
      } else if (facet == Facet::license) {
        value.label = License::find_or_default(value.value).title;
      }
    }
    results.facets.emplace_back(facet, std::move(values));
  }
  return results;
}

std::vector<std::string> DatasetService::published_slugs(const Slice& slice) {
  auto connection = database_.connect();
  return DatasetRepository::published_slugs(*connection, slice);
}

std::vector<DatasetGroup> DatasetService::groups() {
  auto connection = database_.connect();
  return DatasetRepository::groups(*connection);
}

Result<DatasetGroup> DatasetService::group(const std::string& slug) {
  auto connection = database_.connect();
  auto group = DatasetRepository::group(*connection, slug);
  if (!group) return Error::not_found(say(Msg::group_not_found, slug));
  return *group;
}

std::vector<FacetCount> DatasetService::tags(const std::string& prefix, int64_t limit) {
  auto connection = database_.connect();
  return DatasetRepository::tags(*connection, prefix, limit);
}

std::optional<Publisher> DatasetService::publisher(int64_t institution_id) {
  auto institution = jurisdictions_.institution(institution_id);
  if (!institution) return std::nullopt;
  auto place = jurisdictions_.by_id(institution->jurisdiction_id);
  if (!place) return std::nullopt;
  return Publisher{institution->id,   place->code + "-" + institution->slug, institution->name, institution->acronym,
                   institution->website, place->slug, place->name, institution->created_at, 0};
}

Result<Publisher> DatasetService::publisher_named(const std::string& name) {
  size_t dash = name.find('-');
  if (dash != std::string::npos) {
    auto place = jurisdictions_.find(name.substr(0, dash));
    if (place) {
      if (auto institution = jurisdictions_.institution_by_slug(place->id, name.substr(dash + 1))) {
        if (auto p = publisher(institution->id)) return *p;
      }
    }
  }
  return Error::not_found(say(Msg::publisher_not_found, name));
}

std::vector<Publisher> DatasetService::publishers() {
  std::vector<FacetCount> counted;
  {
    auto connection = database_.connect();
    counted = DatasetRepository::publishers(*connection);
  }
  std::vector<Publisher> out;
  for (const auto& c : counted) {
    if (auto p = publisher(std::stoll(c.value))) {
      p->dataset_count = c.count;
      out.push_back(std::move(*p));
    }
  }
  std::sort(out.begin(), out.end(), [](const Publisher& a, const Publisher& b) { return a.name < b.name; });
  return out;
}

}  // namespace apertura::catalog
