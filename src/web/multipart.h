#pragma once
// multipart/form-data bodies (RFC 7578), for forms that upload files.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace apertura::web {

struct FormPart {
  std::string name;
  std::optional<std::string> filename;  // set for file fields
  std::string content_type;             // as the browser declared it
  std::string data;
};

// The boundary from a Content-Type header, or nullopt when it is not multipart/form-data.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// Splits the body into parts; a body that does not follow the format is a
// bad_request naming what is wrong.
Result<std::vector<FormPart>> parse_multipart(std::string_view body, std::string_view boundary);

}  // namespace apertura::web
