#include "jurisdictions/jurisdiction_service.h"

#include <algorithm>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/text.h"
#include "jurisdictions/jurisdiction_repository.h"
#include "jurisdictions/messages.h"
#include "store/search_index.h"

namespace apertura::jurisdictions {

namespace {
constexpr size_t kMaxName = 200;

bool all_digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void check_name(Validation& validation, const std::string& field, const std::string& name) {
  validation.require(!name.empty(), field, say(Msg::name_field));
  validation.require(utf8_length(name) <= kMaxName, field, say(Msg::at_most_200));
  validation.require(is_valid_utf8(name), field, say(Msg::invalid_characters));
}

void index_jurisdiction(store::Connection& c, const Jurisdiction& j) {
  store::SearchIndex::upsert(c, {"jurisdiction", j.id, j.id, j.name, j.code + " " + level_label_es(j.level)});
}
}  // namespace

JurisdictionService::JurisdictionService(store::Database& database) : database_(database) {}

bool JurisdictionService::may_create_jurisdiction(const Actor& actor) const {
  return jurisdiction_permissions().allows(actor.role, JurisdictionAction::create_jurisdiction);
}

bool JurisdictionService::may_add_institution(const Actor& actor, int64_t jurisdiction_id) const {
  return jurisdiction_permissions().allows(actor, JurisdictionAction::create_institution, jurisdiction_id);
}

Paged<Jurisdiction> JurisdictionService::list(const JurisdictionQuery& query, const Slice& slice) {
  auto connection = database_.connect();
  if (trim(query.text).empty()) return JurisdictionRepository::list(*connection, query.level, slice);
  // Search results are few (a few thousand jurisdictions at most), so the
  // level filter is applied after ranking.
  auto hits = store::SearchIndex::search(*connection, "jurisdiction", query.text, 5000, 0);
  Paged<Jurisdiction> page;
  std::vector<Jurisdiction> matches = JurisdictionRepository::find_by_ids(*connection, hits.ids);
  if (query.level) {
    std::erase_if(matches, [&](const Jurisdiction& j) { return j.level != *query.level; });
  }
  page.total = static_cast<int64_t>(matches.size());
  for (int64_t i = slice.offset; i < page.total && i < slice.offset + slice.limit; ++i) {
    page.items.push_back(matches[static_cast<size_t>(i)]);
  }
  return page;
}

Result<Jurisdiction> JurisdictionService::find(const std::string& slug_or_code) {
  auto connection = database_.connect();
  auto found = all_digits(slug_or_code) ? JurisdictionRepository::find_by_code(*connection, slug_or_code)
                                        : JurisdictionRepository::find_by_slug(*connection, slug_or_code);
  if (!found) return Error::not_found(say(Msg::jurisdiction_not_found, slug_or_code));
  return *found;
}

std::optional<Jurisdiction> JurisdictionService::parent_of(const Jurisdiction& jurisdiction) {
  if (!jurisdiction.parent_id) return std::nullopt;
  auto connection = database_.connect();
  return JurisdictionRepository::find_by_id(*connection, *jurisdiction.parent_id);
}

Result<Jurisdiction> JurisdictionService::create(const Actor& actor, const NewJurisdiction& input) {
  if (auto error = jurisdiction_permissions().check(actor, JurisdictionAction::create_jurisdiction)) {
    return *error;
  }
  Validation validation;
  std::string code = trim(input.code);
  std::string name = trim(input.name);
  auto level = parse_level(trim(input.level));
  check_name(validation, "name", name);
  if (!level) {
    validation.fail("level", say(Msg::level_field));
  } else {
    size_t expected = *level == Level::municipality ? 5 : 2;
    validation.require(all_digits(code) && code.size() == expected, "code",
                       say(Msg::code_digits, expected));
    validation.require(*level != Level::federal || code == "00", "code", say(Msg::federation_code));
    validation.require(*level != Level::state || code != "00", "code", say(Msg::code_00_is_federation));
  }
  if (!validation.ok()) return validation.error();

  auto connection = database_.connect();
  std::optional<int64_t> parent_id;
  if (*level != Level::federal) {
    std::string parent_code = *level == Level::state ? "00" : code.substr(0, 2);
    auto parent = JurisdictionRepository::find_by_code(*connection, parent_code);
    if (!parent) {
      return Error::invalid(say(Msg::register_parent_first, parent_code),
                            {{"code", say(Msg::parent_missing_field, parent_code)}});
    }
    parent_id = parent->id;
  }
  std::string now = now_timestamp();
  Jurisdiction jurisdiction{0, code, slugify(name), name, *level, parent_id, now, now};
  if (jurisdiction.slug.empty()) {
    return Error::invalid(say(Msg::name_needs_letters), {{"name", say(Msg::name_needs_letters_field)}});
  }
  try {
    store::Transaction transaction(*connection);
    jurisdiction.id = JurisdictionRepository::insert(*connection, jurisdiction);
    index_jurisdiction(*connection, jurisdiction);
    audit::AuditLog::append(*connection, actor,
                            {"create", "jurisdiction", std::to_string(jurisdiction.id), jurisdiction.id,
                             true, nullptr, jurisdiction.to_json()});
    transaction.commit();
  } catch (const store::UniqueViolation&) {
    return Error::conflict(say(Msg::jurisdiction_taken),
                           {{"code", say(Msg::jurisdiction_taken_field, code)}});
  }
  return jurisdiction;
}

Paged<Institution> JurisdictionService::institutions(int64_t jurisdiction_id, const Slice& slice) {
  auto connection = database_.connect();
  return InstitutionRepository::list_for(*connection, jurisdiction_id, slice);
}

Result<Institution> JurisdictionService::add_institution(const Actor& actor, const std::string& where,
                                                         const NewInstitution& input) {
  if (auto error = jurisdiction_permissions().check(actor, JurisdictionAction::create_institution)) {
    return *error;
  }
  auto jurisdiction = find(where);
  if (!jurisdiction) return jurisdiction.error();
  // An admin bound to a jurisdiction registers institutions of that one only.
  if (auto error = jurisdiction_permissions().check(actor, JurisdictionAction::create_institution, jurisdiction->id)) {
    return *error;
  }
  Validation validation;
  std::string name = trim(input.name);
  std::string acronym = trim(input.acronym);
  std::string website = trim(input.website);
  check_name(validation, "name", name);
  validation.require(utf8_length(acronym) <= 30, "acronym", say(Msg::at_most_30));
  validation.require(website.empty() || website.rfind("https://", 0) == 0 || website.rfind("http://", 0) == 0,
                     "website", say(Msg::website_scheme));
  validation.require(website.size() <= 500, "website", say(Msg::at_most_500));
  if (!validation.ok()) return validation.error();

  std::string now = now_timestamp();
  Institution institution{0, jurisdiction->id, slugify(name), name, acronym, website, now, now};
  auto connection = database_.connect();
  try {
    store::Transaction transaction(*connection);
    institution.id = InstitutionRepository::insert(*connection, institution);
    store::SearchIndex::upsert(*connection, {"institution", institution.id, jurisdiction->id, name,
                                             acronym + " " + jurisdiction->name});
    audit::AuditLog::append(*connection, actor,
                            {"create", "institution", std::to_string(institution.id), jurisdiction->id,
                             true, nullptr, institution.to_json()});
    transaction.commit();
  } catch (const store::UniqueViolation&) {
    return Error::conflict(say(Msg::institution_taken, jurisdiction->name),
                           {{"name", say(Msg::institution_taken_field)}});
  }
  return institution;
}

bool JurisdictionService::institution_exists(int64_t institution_id) {
  return institution(institution_id).has_value();
}

std::optional<Jurisdiction> JurisdictionService::by_id(int64_t id) {
  auto connection = database_.connect();
  return JurisdictionRepository::find_by_id(*connection, id);
}

std::optional<Institution> JurisdictionService::institution(int64_t institution_id) {
  auto connection = database_.connect();
  return InstitutionRepository::find_by_id(*connection, institution_id);
}

std::optional<Institution> JurisdictionService::institution_by_slug(int64_t jurisdiction_id, const std::string& slug) {
  auto connection = database_.connect();
  return InstitutionRepository::find(*connection, jurisdiction_id, slug);
}

}  // namespace apertura::jurisdictions
