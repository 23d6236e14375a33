#include "catalog/ckan_dicts.h"

#include "catalog/dataset_views.h"

namespace apertura::catalog {

namespace {

nlohmann::json text_or_null(const std::string& text) { return text.empty() ? nlohmann::json() : nlohmann::json(text); }

}  // namespace

std::string ckan_time(const std::string& timestamp) {
  if (!timestamp.empty() && timestamp.back() == 'Z') return timestamp.substr(0, timestamp.size() - 1);
  return timestamp;
}

nlohmann::json ckan_resource(const Dataset& dataset, const Resource& resource, const std::string& public_url) {
  std::string url = resource.is_file() ? public_url + resource_download_path(dataset, resource) : resource.url;
  return {{"id", std::to_string(resource.id)},
          {"package_id", std::to_string(dataset.id)},
          {"name", resource.name},
          {"description", resource.description},
          {"format", resource.format},
          {"mimetype", text_or_null(resource.media_type)},
          {"mimetype_inner", nullptr},
          {"url", url},
          {"url_type", resource.is_file() ? nlohmann::json("upload") : nlohmann::json()},
          {"size", resource.size_bytes ? nlohmann::json(*resource.size_bytes) : nlohmann::json()},
          {"hash", resource.file_sha256},
          {"created", ckan_time(resource.created_at)},
          {"last_modified", ckan_time(resource.last_modified)},
          {"metadata_modified", ckan_time(resource.last_modified)},
          {"position", resource.position - 1},
          {"state", "active"},
          {"resource_type", nullptr},
          {"cache_url", nullptr},
          {"cache_last_updated", nullptr},
          {"datastore_active", resource.datastore_active()}};
}

nlohmann::json ckan_organization(const Publisher& publisher) {
  return {{"id", std::to_string(publisher.institution_id)},
          {"name", publisher.name},
          {"title", publisher.title},
          {"display_name", publisher.title},
          {"description", publisher.jurisdiction_name},
          {"image_url", ""},
          {"image_display_url", ""},
          {"created", ckan_time(publisher.created_at)},
          {"is_organization", true},
          {"approval_status", "approved"},
          {"state", "active"},
          {"type", "organization"},
          {"package_count", publisher.dataset_count}};
}

nlohmann::json ckan_group(const DatasetGroup& group) {
  return {{"id", std::to_string(group.id)},
          {"name", group.slug},
          {"title", group.title},
          {"display_name", group.title},
          {"description", group.description},
          {"image_url", ""},
          {"image_display_url", ""},
          {"created", ckan_time(group.created_at)},
          {"is_organization", false},
          {"approval_status", "approved"},
          {"state", "active"},
          {"type", "group"},
          {"package_count", group.dataset_count}};
}

nlohmann::json ckan_tag(const std::string& tag) {
  return {{"id", tag}, {"name", tag}, {"display_name", tag}, {"state", "active"}, {"vocabulary_id", nullptr}};
}

nlohmann::json ckan_license(const License& license) {
  return {{"id", license.id},
          {"title", license.title},
          {"url", license.url},
          {"status", "active"},
          {"maintainer", ""},
          {"family", ""},
          {"od_conformance", "approved"},
          {"osd_conformance", "not reviewed"},
          {"domain_content", true},
          {"domain_data", true},
          {"domain_software", false},
          {"is_generic", false}};
}

nlohmann::json ckan_package(const Dataset& dataset, const std::optional<Publisher>& publisher,
                            const std::string& public_url) {
  License license = License::find_or_default(dataset.license_id);
  nlohmann::json resources = nlohmann::json::array();
  for (const auto& r : dataset.resources) resources.push_back(ckan_resource(dataset, r, public_url));
  nlohmann::json tags = nlohmann::json::array();
  for (const auto& t : dataset.tags) tags.push_back(ckan_tag(t));
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& g : dataset.groups) {
    nlohmann::json group = ckan_group(g);
    group.erase("package_count");
    groups.push_back(group);
  }
  // What CKAN's default schema has no field for travels as extras, as ckanext-dcat reads them.
  nlohmann::json extras = nlohmann::json::array();
  auto extra = [&extras](const std::string& key, const std::string& value) {
    if (!value.empty()) extras.push_back({{"key", key}, {"value", value}});
  };
  extra("frequency", frequency_iso8601(dataset.frequency));
  extra("temporal_start", dataset.temporal_start);
  extra("temporal_end", dataset.temporal_end);
  extra("spatial_text", dataset.spatial);
  extra("language", "es");
  return {{"id", std::to_string(dataset.id)},
          {"name", dataset.slug},
          {"title", dataset.title},
          {"notes", dataset.description},
          {"url", public_url + dataset_path(dataset)},
          {"version", text_or_null(dataset.version_label)},
          {"author", publisher ? nlohmann::json(publisher->title) : nlohmann::json()},
          {"author_email", nullptr},
          {"maintainer", text_or_null(dataset.contact_name)},
          {"maintainer_email", text_or_null(dataset.contact_email)},
          {"license_id", license.id},
          {"license_title", license.title},
          {"license_url", license.url},
          {"isopen", true},
          {"private", false},
          {"state", "active"},
          {"type", "dataset"},
          {"metadata_created", ckan_time(dataset.created_at)},
          {"metadata_modified", ckan_time(dataset.updated_at)},
          // Who typed it is not published: its institution answers for it.
          {"creator_user_id", ""},
          {"owner_org", publisher ? nlohmann::json(std::to_string(publisher->institution_id)) : nlohmann::json()},
          {"organization", publisher ? ckan_organization(*publisher) : nlohmann::json()},
          {"num_resources", resources.size()},
          {"num_tags", tags.size()},
          {"resources", resources},
          {"tags", tags},
          {"groups", groups},
          {"extras", extras},
          {"relationships_as_object", nlohmann::json::array()},
          {"relationships_as_subject", nlohmann::json::array()}};
}

}  // namespace apertura::catalog
