#include "web/pagination.h"

#include <charconv>

#include "core/error.h"

namespace apertura::web {

namespace {
int64_t read_bounded(const Request& request, const char* name, int64_t fallback, int64_t max) {
  auto text = request.query(name);
  if (!text || text->empty()) return fallback;
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || ptr != text->data() + text->size() || value < 1 || value > max) {
    throw DomainException(Error{ErrorKind::bad_request,
                                std::string("El parámetro ") + name + " debe ser un número entero entre 1 y " +
                                    std::to_string(max) + ".",
                                {{name, "debe ser un número entero entre 1 y " + std::to_string(max)}}});
  }
  return value;
}

int64_t page_count(const PageRequest& page, int64_t total) {
  return total == 0 ? 1 : (total + page.per_page - 1) / page.per_page;
}
}  // namespace

PageRequest PageRequest::from(const Request& request, int64_t default_per_page, int64_t max_per_page) {
  PageRequest page;
  page.per_page = read_bounded(request, "per_page", default_per_page, max_per_page);
  page.page = read_bounded(request, "page", 1, 1000000);
  return page;
}

std::string page_url(const Request& request, int64_t page) {
  std::string query;
  for (const auto& [name, value] : request.query_params().pairs()) {
    if (name == "page") continue;
    query += (query.empty() ? "" : "&") + url_encode(name) + "=" + url_encode(value);
  }
  query += (query.empty() ? "" : "&") + std::string("page=") + std::to_string(page);
  return request.path + "?" + query;
}

nlohmann::json pagination_view(const Request& request, const PageRequest& page, int64_t total) {
  int64_t pages = page_count(page, total);
  nlohmann::json view = {
      {"page", page.page},          {"per_page", page.per_page},
      {"total", total},             {"pages", pages},
      {"has_previous", page.page > 1}, {"has_next", page.page < pages},
      {"several_pages", pages > 1},
  };
  if (page.page > 1) view["previous_url"] = page_url(request, std::min(page.page - 1, pages));
  if (page.page < pages) view["next_url"] = page_url(request, page.page + 1);
  return view;
}

std::string link_header(const Request& request, const PageRequest& page, int64_t total) {
  int64_t pages = page_count(page, total);
  std::string header = "<" + page_url(request, 1) + ">; rel=\"first\"";
  if (page.page > 1) header += ", <" + page_url(request, std::min(page.page - 1, pages)) + ">; rel=\"prev\"";
  if (page.page < pages) header += ", <" + page_url(request, page.page + 1) + ">; rel=\"next\"";
  header += ", <" + page_url(request, pages) + ">; rel=\"last\"";
  return header;
}

}  // namespace apertura::web
