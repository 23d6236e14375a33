#pragma once
// Page and per_page from the query string, and the links between pages, for
// HTML lists (a nav block) and the API (meta, links and a Link header).
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "web/request.h"
#include "web/response.h"

namespace apertura::web {

struct PageRequest {
  int64_t page = 1;
  int64_t per_page = 20;
  int64_t offset() const { return (page - 1) * per_page; }

  // Reads ?page=&per_page=; a value that is not a whole number in range is a
  // 400 naming the parameter (thrown as DomainException).
  static PageRequest from(const Request& request, int64_t default_per_page = 20,
                          int64_t max_per_page = 100);
};

// The URL of the same request with `page` replaced.
std::string page_url(const Request& request, int64_t page);

// {page, per_page, total, pages, first, last, has_previous, previous_url, has_next, next_url}
nlohmann::json pagination_view(const Request& request, const PageRequest& page, int64_t total);

// RFC 8288 Link header with first, prev, next and last.
std::string link_header(const Request& request, const PageRequest& page, int64_t total);

}  // namespace apertura::web
