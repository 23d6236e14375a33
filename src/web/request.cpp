#include "web/request.h"

#include <algorithm>

#include "core/error.h"
#include "core/text.h"

namespace apertura::web {

std::string client_address(const Request& request, const std::string& peer,
                           const std::vector<std::string>& trusted_proxies) {
  auto trusted = [&trusted_proxies](const std::string& address) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) != trusted_proxies.end();
  };
  if (!trusted(peer)) return peer;
  std::string forwarded;
  for (const auto& [name, value] : request.headers) {
    if (name == "x-forwarded-for") forwarded += (forwarded.empty() ? "" : ",") + value;
  }
  auto entries = split(forwarded, ',');
  for (auto entry = entries.rbegin(); entry != entries.rend(); ++entry) {
    std::string address = trim(*entry);
    if (!address.empty() && !trusted(address)) return address;
  }
  return peer;
}

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string url_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string url_encode(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

FormData FormData::parse(std::string_view encoded) {
  FormData data;
  for (const std::string& part : split(encoded, '&')) {
    if (part.empty()) continue;
    size_t equals = part.find('=');
    std::string name = url_decode(part.substr(0, equals));
    std::string value = equals == std::string::npos ? "" : url_decode(part.substr(equals + 1));
    data.pairs_.emplace_back(std::move(name), std::move(value));
  }
  return data;
}

std::optional<std::string> FormData::get(std::string_view name) const {
  for (const auto& [key, value] : pairs_) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::string FormData::text(std::string_view name) const { return trim(get(name).value_or("")); }

std::string Request::header(std::string_view name) const {
  std::string lower = to_lower_ascii(name);
  for (const auto& [key, value] : headers) {
    if (key == lower) return value;
  }
  return {};
}

std::string Request::cookie(std::string_view name) const {
  for (const std::string& part : split(header("cookie"), ';')) {
    std::string item = trim(part);
    size_t equals = item.find('=');
    if (equals != std::string::npos && item.compare(0, equals, name) == 0 &&
        equals == name.size()) {
      return item.substr(equals + 1);
    }
  }
  return {};
}

const FormData& Request::query_params() const {
  if (!query_cache_) query_cache_ = FormData::parse(query_string);
  return *query_cache_;
}

std::optional<std::string> Request::query(std::string_view name) const {
  return query_params().get(name);
}

const FormData& Request::form() const {
  if (form_cache_) return *form_cache_;
  std::string type = header("content-type");
  if (type.find("application/x-www-form-urlencoded") != std::string::npos) {
    form_cache_ = FormData::parse(body);
  } else if (auto boundary = multipart_boundary(type)) {
    auto parts = parse_multipart(body, *boundary);
    if (!parts) throw DomainException(parts.error());
    form_cache_ = FormData{};
    for (auto& part : parts.value()) {
      if (part.filename) uploads_.push_back(std::move(part));
      else form_cache_->add(std::move(part.name), std::move(part.data));
    }
  } else {
    form_cache_ = FormData{};
  }
  return *form_cache_;
}

const std::vector<FormPart>& Request::uploads() const {
  form();
  return uploads_;
}

std::vector<std::pair<std::string, std::string>> Request::files_named(std::string_view field) const {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& part : uploads()) {
    if (part.name == field && part.filename && !(part.filename->empty() && part.data.empty())) {
      files.emplace_back(*part.filename, part.data);
    }
  }
  return files;
}

std::string Request::param(const std::string& name) const {
  auto it = path_params.find(name);
  return it == path_params.end() ? std::string() : it->second;
}

bool Request::is_api() const { return path.rfind("/api/", 0) == 0; }

bool Request::wants_json() const {
  if (is_api()) return true;
  std::string accept = header("accept");
  return accept.find("application/json") != std::string::npos &&
         accept.find("text/html") == std::string::npos;
}

}  // namespace apertura::web
