#include "web/multipart.h"

#include "core/text.h"

namespace apertura::web {

namespace {

// The value of `key="..."` (or key=token) inside a Content-Disposition header.
std::optional<std::string> disposition_value(std::string_view header, std::string_view key) {
  for (const std::string& raw : split(header, ';')) {
    std::string item = trim(raw);
    if (item.size() <= key.size() + 1 || item.compare(0, key.size(), key) != 0 || item[key.size()] != '=') continue;
    std::string value = item.substr(key.size() + 1);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    return value;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  std::string lower = to_lower_ascii(content_type);
  if (lower.rfind("multipart/form-data", 0) != 0) return std::nullopt;
  auto boundary = disposition_value(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
  return boundary;
}

Result<std::vector<FormPart>> parse_multipart(std::string_view body, std::string_view boundary) {
  const std::string delimiter = "--" + std::string(boundary);
  std::vector<FormPart> parts;
  size_t position = body.find(delimiter);
  if (position == std::string_view::npos) return Error::bad_request("El formulario no contiene ninguna parte.");
  while (true) {
    position += delimiter.size();
    if (body.compare(position, 2, "--") == 0) return parts;  // closing delimiter
    if (body.compare(position, 2, "\r\n") != 0) return Error::bad_request("El formulario está mal formado (delimitador).");
    position += 2;
    size_t headers_end = body.find("\r\n\r\n", position);
    if (headers_end == std::string_view::npos) return Error::bad_request("El formulario está mal formado (encabezados).");
    FormPart part;
    bool named = false;
    for (const std::string& line : split(body.substr(position, headers_end - position), '\n')) {
      std::string header = trim(line);
      size_t colon = header.find(':');
      if (colon == std::string::npos) continue;
      std::string key = to_lower_ascii(trim(header.substr(0, colon)));
      std::string value = trim(header.substr(colon + 1));
      if (key == "content-disposition") {
        auto name = disposition_value(value, "name");
        if (name) {
          part.name = *name;
          named = true;
        }
        part.filename = disposition_value(value, "filename");
      } else if (key == "content-type") {
        part.content_type = value;
      }
    }
    if (!named) return Error::bad_request("Una parte del formulario no tiene nombre.");
    size_t data_start = headers_end + 4;
    size_t next = body.find("\r\n" + delimiter, data_start);
    if (next == std::string_view::npos) return Error::bad_request("El formulario está incompleto (falta el cierre).");
    part.data = std::string(body.substr(data_start, next - data_start));
    parts.push_back(std::move(part));
    position = next + 2;
  }
}

}  // namespace apertura::web
