#include "web/downloads.h"

#include <cmath>

namespace apertura::web {

namespace {
std::string cell_text(const nlohmann::json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_float()) {
    // 90.0 is written 90, as a spreadsheet shows it.
    double number = value.get<double>();
    if (std::floor(number) == number && std::fabs(number) < 1e15) return std::to_string(static_cast<long long>(number));
  }
  return value.dump();
}

std::string csv_cell(std::string text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@') &&
      !(text[0] == '-' && text.size() > 1 && std::isdigit(static_cast<unsigned char>(text[1])))) {
    text.insert(text.begin(), '\'');
  }
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}
}  // namespace

std::string to_csv(const Table& table) {
  std::string out = "\xEF\xBB\xBF";
  for (size_t i = 0; i < table.columns.size(); ++i) {
    out += (i ? "," : "") + csv_cell(table.columns[i].key);
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const std::string& key = table.columns[i].key;
      out += (i ? "," : "") + csv_cell(row.contains(key) ? cell_text(row[key]) : "");
    }
    out += "\r\n";
  }
  return out;
}

nlohmann::json license_json(const License& license) {
  return {{"id", license.id}, {"title", license.title}, {"url", license.url}};
}

nlohmann::json license_options(const std::string& selected) {
  std::string chosen = License::find_or_default(selected).id;
  nlohmann::json options = nlohmann::json::array();
  for (const License& license : License::offered()) {
    options.push_back({{"id", license.id}, {"title", license.title}, {"selected", license.id == chosen}});
  }
  return options;
}

Response download(const Table& table, const std::string& basename, const std::string& format,
                  const std::optional<License>& license) {
  Response response;
  if (format == "csv") {
    response.content_type = "text/csv; charset=utf-8";
    response.body = to_csv(table);
  } else {
    nlohmann::json document = {
        {"license", license ? license_json(*license) : nlohmann::json(nullptr)},
        {"data", table.rows},
    };
    response = Response::json(document);
  }
  response.set_header("Content-Disposition",
                      "attachment; filename=\"" + basename + "." + (format == "csv" ? "csv" : "json") + "\"");
  if (license) response.set_header("Link", "<" + license->url + ">; rel=\"license\"");
  return response;
}

}  // namespace apertura::web
