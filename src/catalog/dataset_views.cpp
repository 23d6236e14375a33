#include "catalog/dataset_views.h"

#include <set>

#include "catalog/messages.h"
#include "core/date_text.h"
#include "core/license.h"
#include "core/markdown.h"
#include "core/number_text.h"
#include "core/text.h"

namespace apertura::catalog {

std::string dataset_path(const Dataset& dataset) { return "/datos/" + dataset.slug; }

std::string resource_download_path(const Dataset& dataset, const Resource& resource) {
  if (!resource.is_file()) return resource.url;
  return dataset_path(dataset) + "/recursos/" + std::to_string(resource.id) + "/descarga";
}

nlohmann::json publisher_view(const std::optional<Publisher>& publisher) {
  if (!publisher) return nullptr;
  return {{"name", publisher->name},
          {"title", publisher->title},
          {"acronym", publisher->acronym},
          {"website", publisher->website},
          {"jurisdiction_slug", publisher->jurisdiction_slug},
          {"jurisdiction_name", publisher->jurisdiction_name},
          {"dataset_count", publisher->dataset_count},
          {"url", "/datos?institucion=" + publisher->name}};
}

nlohmann::json dataset_card(const Dataset& dataset, const std::optional<Publisher>& publisher) {
  std::set<std::string> formats;
  for (const auto& r : dataset.resources) formats.insert(r.format);
  License license = License::find_or_default(dataset.license_id);
  return {{"title", dataset.title},
          {"slug", dataset.slug},
          {"url", dataset_path(dataset)},
          {"summary", excerpt(markdown_as_plain_text(dataset.description), 260)},
          {"formats", std::vector<std::string>(formats.begin(), formats.end())},
          {"publisher", publisher_view(publisher)},
          {"license_title", license.title},
          {"frequency_label", frequency_label_es(dataset.frequency)},
          {"frequency_phrase", frequency_phrase_es(dataset.frequency)},
          {"status_label", dataset_status_label_es(dataset.status)},
          {"draft", !dataset.published()},
          {"updated_at", dataset.updated_at}};
}

nlohmann::json resource_view(const Dataset& dataset, const Resource& resource) {
  nlohmann::json view = resource.to_json();
  view["download_url"] = resource_download_path(dataset, resource);
  view["page_url"] = dataset_path(dataset) + "/recursos/" + std::to_string(resource.id);
  view["is_file"] = resource.is_file();
  view["size_text"] = resource.size_bytes ? byte_size_text(*resource.size_bytes) : "";
  view["current"] = resource.edition == dataset.edition;
  view["last_modified_text"] = date_es(resource.last_modified);
  view["link_broken"] = resource.link_broken();
  view["downloads_text"] = counted(resource.downloads, "descarga", "descargas");
  view["datastore_invalid"] = resource.datastore_status == "invalid";
  return view;
}

nlohmann::json dataset_api_item(const Dataset& dataset, const std::optional<Publisher>& publisher,
                                const std::string& public_url) {
  nlohmann::json item = dataset.to_json();
  item["publisher"] = publisher_view(publisher);
  if (publisher) item["publisher"].erase("url");
  item["url"] = public_url + dataset_path(dataset);
  for (size_t i = 0; i < dataset.resources.size(); ++i) {
    const Resource& r = dataset.resources[i];
    item["resources"][i]["download_url"] = r.is_file() ? public_url + resource_download_path(dataset, r) : r.url;
  }
  return item;
}

nlohmann::json quality_view(const DatasetQuality& quality) {
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& r : quality.results) {
    checks.push_back({{"label", quality_check_label_es(r.check)}, {"passed", r.passed}});
  }
  return {{"score", quality.score}, {"checks", checks}};
}

std::string citation(const Dataset& dataset, const std::optional<Publisher>& publisher, const std::string& url) {
  std::string author = publisher ? publisher->title : "Apertura";
  std::string year = dataset.published_at ? dataset.published_at->substr(0, 4) : dataset.created_at.substr(0, 4);
  std::string text = author + " (" + year + "). " + dataset.title;
  if (!dataset.version_label.empty()) text += " (versión " + dataset.version_label + ")";
  text += " [conjunto de datos]. " + url + ". Licencia " + License::find_or_default(dataset.license_id).title + ".";
  return text;
}

web::Table datasets_table(const std::vector<Dataset>& datasets, const std::vector<std::optional<Publisher>>& publishers,
                          const std::string& public_url) {
  web::Table table{{{"slug", "Dirección"},
                    {"title", "Título"},
                    {"publisher", "Institución"},
                    {"license", "Licencia"},
                    {"frequency", "Actualización"},
                    {"temporal_start", "Desde"},
                    {"temporal_end", "Hasta"},
                    {"formats", "Formatos"},
                    {"tags", "Etiquetas"},
                    {"updated_at", "Actualizado"},
                    {"url", "Página"}},
                   {}};
  for (size_t i = 0; i < datasets.size(); ++i) {
    const Dataset& d = datasets[i];
    std::set<std::string> formats;
    for (const auto& r : d.resources) formats.insert(r.format);
    std::string format_list, tag_list;
    for (const auto& f : formats) format_list += (format_list.empty() ? "" : ", ") + f;
    for (const auto& t : d.tags) tag_list += (tag_list.empty() ? "" : ", ") + t;
    table.rows.push_back({{"slug", d.slug},
                          {"title", d.title},
                          {"publisher", publishers[i] ? publishers[i]->title : ""},
                          {"license", d.license_id},
                          {"frequency", frequency_name(d.frequency)},
                          {"temporal_start", d.temporal_start},
                          {"temporal_end", d.temporal_end},
                          {"formats", format_list},
                          {"tags", tag_list},
                          {"updated_at", d.updated_at},
                          {"url", public_url + dataset_path(d)}});
  }
  return table;
}

}  // namespace apertura::catalog
