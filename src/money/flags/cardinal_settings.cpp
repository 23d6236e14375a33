#include "money/flags/cardinal_settings.h"

#include <cstdlib>
#include <sstream>

#include "core/text.h"
#include "money/flags/messages.h"

namespace apertura::money {

namespace {

std::set<std::string> pipe_list(const std::string& value) {
  std::set<std::string> out;
  size_t start = 0;
  while (start < value.size()) {
    size_t end = value.find('|', start);
    if (end == std::string::npos) end = value.size();
    out.insert(value.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool integer(const std::string& text, int64_t& out) {
  char* end = nullptr;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0') return false;
  out = value;
  return true;
}

bool real(const std::string& text, double& out) {
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0') return false;
  out = value;
  return true;
}

}  // namespace

const std::set<std::string>& FlagSettings::all_codes() {
  static const std::set<std::string> codes = {"R003", "R018", "R024", "R025", "R028", "R030", "R035", "R036",
                                              "R038", "R048", "R058", "MX01", "MX02", "MX03", "MX04"};
  return codes;
}

FlagSettings FlagSettings::defaults() {
  FlagSettings settings;
  settings.enabled = all_codes();
  return settings;
}

Result<FlagSettings> FlagSettings::from_ini(const std::string& text) {
  FlagSettings s = defaults();
  std::istringstream in(text);
  std::string raw, section;
  std::set<std::string> sections;  // the indicators the file has a section for
  int line = 0;
  auto fail = [&](const std::string& message) {
    return Error::invalid(say(FlagMsg::settings_line, line, message), {{"settings", message}});
  };
  while (std::getline(in, raw)) {
    ++line;
    size_t comment = raw.find_first_of("#;");
    std::string content = trim(comment == std::string::npos ? raw : raw.substr(0, comment));
    if (content.empty()) continue;
    if (content.front() == '[') {
      if (content.back() != ']') return fail(say(FlagMsg::section_unclosed));
      section = trim(content.substr(1, content.size() - 2));
      static const std::set<std::string> known = {"",     "exclusions", "R003", "R003.procurement_method_details",
                                                  "R018", "R024",       "R025", "R028", "R030", "R035", "R036",
                                                  "R038", "R048",       "R058", "MX01", "MX02", "MX03", "MX04"};
      if (!known.count(section)) return fail(say(FlagMsg::unknown_section, section));
      // [R003] and [R003.procurement_method_details] both name R003.
      std::string code = section.substr(0, section.find('.'));
      if (all_codes().count(code)) sections.insert(code);
      continue;
    }
    size_t equals = content.find('=');
    if (equals == std::string::npos) return fail(say(FlagMsg::key_value_expected));
    std::string key = trim(content.substr(0, equals));
    std::string value = trim(content.substr(equals + 1));
    int64_t n = 0;
    double x = 0;
    auto need_integer = [&](int64_t& target) -> std::optional<Error> {
      if (!integer(value, n) || n < 0) return fail(say(FlagMsg::natural_number, key));
      target = n;
      return std::nullopt;
    };
    auto need_real = [&](double& target) -> std::optional<Error> {
      if (!real(value, x)) return fail(say(FlagMsg::number, key));
      target = x;
      return std::nullopt;
    };
    std::optional<Error> error;
    std::string where = section + "." + key;
    if (section.empty() && key == "currency") {
      s.currency = value;
    } else if (section.empty() && key == "no_price_comparison_procurement_methods") {
      s.no_price_comparison_procurement_methods = pipe_list(value);
    } else if (section.empty() && key == "price_comparison_procurement_methods") {
      s.price_comparison_procurement_methods = pipe_list(value);
    } else if (where == "exclusions.procurement_method_details") {
      s.excluded_procurement_method_details = pipe_list(value);
    } else if (where == "R003.threshold") {
      error = need_integer(s.r003_threshold);
    } else if (where == "R003.procurement_methods") {
      s.r003_procurement_methods = pipe_list(value);
    } else if (section == "R003.procurement_method_details") {
      int64_t days = 0;
      error = need_integer(days);
      s.r003_procurement_method_details[key] = days;
    } else if (where == "R018.procurement_methods") {
      s.r018_procurement_methods = pipe_list(value);
    } else if (where == "R024.threshold") {
      error = need_real(x);
      s.r024_threshold = x;
    } else if (where == "R025.percentile") {
      error = need_integer(s.r025_percentile);
      if (!error && s.r025_percentile > 100) error = fail(say(FlagMsg::percentile_range));
    } else if (where == "R025.threshold") {
      error = need_real(x);
      s.r025_threshold = x;
    } else if (where == "R035.threshold") {
      error = need_integer(s.r035_threshold);
      if (s.r035_threshold < 1) s.r035_threshold = 1;
    } else if (where == "R038.threshold") {
      error = need_real(x);
      s.r038_threshold = x;
    } else if (where == "R038.minimum_submitted_bids") {
      error = need_integer(s.r038_minimum_submitted_bids);
    } else if (where == "R038.minimum_contracting_processes") {
      error = need_integer(s.r038_minimum_contracting_processes);
    } else if (where == "R048.digits") {
      error = need_integer(s.r048_digits);
    } else if (where == "R048.threshold") {
      int64_t t = 0;
      error = need_integer(t);
      s.r048_threshold = t;
    } else if (where == "R048.minimum_contracting_processes") {
      error = need_integer(s.r048_minimum_contracting_processes);
    } else if (where == "R058.threshold") {
      error = need_real(x);
      s.r058_threshold = x;
    } else if (where == "MX01.threshold") {
      error = need_real(s.mx01_threshold);
    } else if (where == "MX02.threshold") {
      error = need_real(s.mx02_threshold);
    } else if (where == "MX03.threshold") {
      error = need_real(s.mx03_threshold);
    } else if (where == "MX04.threshold") {
      error = need_real(s.mx04_threshold);
    } else if (where == "MX04.minimum_contracting_processes") {
      error = need_integer(s.mx04_minimum_contracting_processes);
    } else {
      return fail(section.empty() ? say(FlagMsg::unknown_key, key) : say(FlagMsg::unknown_key_in_section, key, section));
    }
    if (error) return *error;
  }
  // As Cardinal: a file with indicator sections enables those indicators
  // only; one without any (only general settings) leaves them all on.
  if (!sections.empty()) s.enabled = std::move(sections);
  return s;
}

}  // namespace apertura::money
