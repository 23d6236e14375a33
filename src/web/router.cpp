#include "web/router.h"

#include "core/error.h"
#include "core/text.h"

namespace apertura::web {

namespace {
std::vector<std::string> path_segments(std::string_view path) {
  std::vector<std::string> segments;
  for (std::string& part : split(path, '/')) {
    if (!part.empty()) segments.push_back(std::move(part));
  }
  return segments;
}

bool is_parameter(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
             std::map<std::string, std::string>* params) {
  if (pattern.size() != path.size()) return false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (is_parameter(pattern[i])) {
      if (params) (*params)[pattern[i].substr(1, pattern[i].size() - 2)] = path[i];
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  return true;
}

// True when `a` is the more specific of two patterns that match one path:
// at the first segment where they differ in kind, `a` has the literal.
bool more_specific(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    bool a_parameter = is_parameter(a[i]);
    if (a_parameter != is_parameter(b[i])) return !a_parameter;
  }
  return false;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
  auto segments = path_segments(pattern);
  routes_.push_back({std::move(method), std::move(pattern), std::move(segments), std::move(handler)});
}

Response Router::dispatch(Request& request) const {
  auto segments = path_segments(request.path);
  std::string allowed;
  // Of the routes for this method whose pattern matches, the most specific
  // one, whatever the order they were added in: "/x/new" wins over "/x/{id}".
  const Route* chosen = nullptr;
  for (const Route& route : routes_) {
    if (!matches(route.segments, segments, nullptr)) continue;
    bool same_method = route.method == request.method ||
                       (request.method == "HEAD" && route.method == "GET");
    if (!same_method) {
      if (allowed.find(route.method) == std::string::npos) {
        allowed += (allowed.empty() ? "" : ", ") + route.method;
      }
      continue;
    }
    if (!chosen || more_specific(route.segments, chosen->segments)) chosen = &route;
  }
  if (chosen) {
    request.path_params.clear();
    matches(chosen->segments, segments, &request.path_params);
    return chosen->handler(request);
  }
  if (!allowed.empty()) throw MethodNotAllowed(allowed);
  throw DomainException(Error::not_found("No encontramos la página " + request.path + "."));
}

std::vector<RouteInfo> Router::routes() const {
  std::vector<RouteInfo> out;
  for (const Route& route : routes_) out.push_back({route.method, route.pattern});
  return out;
}

}  // namespace apertura::web
