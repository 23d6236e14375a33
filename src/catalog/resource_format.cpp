#include "catalog/resource_format.h"

#include <array>

namespace apertura::catalog {

namespace {

struct FormatFacts {
  std::string_view format;
  std::string_view media_type;
  bool open;
  bool machine_readable;
};

constexpr std::array<FormatFacts, 19> kFormats{{
    {"CSV", "text/csv", true, true},
    {"TSV", "text/tab-separated-values", true, true},
    {"JSON", "application/json", true, true},
    {"GEOJSON", "application/geo+json", true, true},
    {"JSONLD", "application/ld+json", true, true},
    {"XML", "application/xml", true, true},
    {"RDF", "application/rdf+xml", true, true},
    {"TTL", "text/turtle", true, true},
    {"KML", "application/vnd.google-earth.kml+xml", true, true},
    {"ODS", "application/vnd.oasis.opendocument.spreadsheet", true, true},
    {"XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false, true},
    {"XLS", "application/vnd.ms-excel", false, true},
    {"ZIP", "application/zip", true, false},
    {"TXT", "text/plain", true, false},
    {"HTML", "text/html", true, false},
    {"PDF", "application/pdf", true, false},
    {"DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false, false},
    {"PNG", "image/png", true, false},
    {"JPG", "image/jpeg", false, false},
}};

const FormatFacts* find(std::string_view format) {
  for (const auto& f : kFormats) {
    if (f.format == format) return &f;
  }
  return nullptr;
}

}  // namespace

std::string format_from_name(std::string_view name) {
  size_t end = name.find_first_of("?#");
  if (end != std::string_view::npos) name = name.substr(0, end);
  size_t slash = name.find_last_of('/');
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot + 1 >= name.size() || name.size() - dot - 1 > 12) return "";
  std::string extension;
  for (char c : name.substr(dot + 1)) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return "";
    extension.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
  }
  if (extension == "JPEG") return "JPG";
  if (extension == "HTM") return "HTML";
  return extension;
}

std::string media_type_for(std::string_view format) {
  const FormatFacts* facts = find(format);
  return facts ? std::string(facts->media_type) : "application/octet-stream";
}

bool is_open_format(std::string_view format) {
  const FormatFacts* facts = find(format);
  return facts && facts->open;
}

bool is_machine_readable(std::string_view format) {
  const FormatFacts* facts = find(format);
  return facts && facts->machine_readable;
}

}  // namespace apertura::catalog
