#pragma once
// Every list a citizen sees can be downloaded as CSV or JSON under its licence.
// A domain describes the list once as a Table; this turns it into either file.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/license.h"
#include "web/response.h"

namespace apertura::web {

using apertura::License;

struct Column {
  std::string key;    // JSON key and CSV header
  std::string label;  // Spanish label for HTML tables
};

struct Table {
  std::vector<Column> columns;
  std::vector<nlohmann::json> rows;  // objects keyed by column key
};

// The most rows one download carries.
constexpr int64_t kMaxDownloadRows = 100000;

// RFC 4180 CSV with a UTF-8 byte-order mark (spreadsheet programs need it to
// read accents). Cells that a spreadsheet would run as a formula (=, +, -, @)
// are prefixed with an apostrophe.
std::string to_csv(const Table& table);

// A licence as pages, API items and downloads show it: id, title, url.
nlohmann::json license_json(const License& license);
// The offered licences as a form's options, the one with id `selected` (or
// else the default) marked `selected`.
nlohmann::json license_options(const std::string& selected);

// `format` is "csv" or "json"; the file is offered as `<basename>.<format>`.
// `license` is the licence of every row; nullopt when rows differ, and then
// each row says its own (a `license` column) and the JSON's `license` is null.
Response download(const Table& table, const std::string& basename, const std::string& format,
                  const std::optional<License>& license = License::cc_by_4());

}  // namespace apertura::web
