#pragma once
// What the catalog knows about file formats: the format a file name or an
// address suggests, its media type, and whether it is open and machine
// readable (what the quality score and DCAT need).
#include <optional>
#include <string>
#include <string_view>

namespace apertura::catalog {

// "CSV" from "compras-2026.csv" or "https://x.mx/datos.csv?dl=1"; "" when the
// name has no usable extension.
std::string format_from_name(std::string_view name);
// "text/csv" for "CSV"; "application/octet-stream" for a format not known.
std::string media_type_for(std::string_view format);
// CSV, JSON, XML, GeoJSON, ODS...: formats anyone can read without a licence.
bool is_open_format(std::string_view format);
// CSV, JSON, XLSX, XML...: formats a program reads as data (not PDF, DOCX or images).
bool is_machine_readable(std::string_view format);

}  // namespace apertura::catalog
