#pragma once
// Maps a method and a path to a handler. Patterns are literal segments and
// `{name}` parameters ("/api/v1/jurisdictions/{code}"). Where several
// patterns match, a literal segment wins over a parameter in the same place
// (the leftmost difference decides), whatever the order they were added in.
// A path that matches no pattern is a 404; one that matches with another
// method only is a 405 that lists the allowed methods.
#include <functional>
#include <string>
#include <vector>

#include "web/request.h"
#include "web/response.h"

namespace apertura::web {

using Handler = std::function<Response(Request&)>;

struct RouteInfo {
  std::string method;
  std::string pattern;
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);
  void get(std::string pattern, Handler handler) { add("GET", std::move(pattern), std::move(handler)); }
  void post(std::string pattern, Handler handler) { add("POST", std::move(pattern), std::move(handler)); }

  // Fills request.path_params and calls the handler; throws DomainException
  // (not_found, or method_not_allowed through MethodNotAllowed) otherwise.
  Response dispatch(Request& request) const;
  std::vector<RouteInfo> routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

// Thrown when the path exists but not for this method.
struct MethodNotAllowed : std::exception {
  explicit MethodNotAllowed(std::string allowed_methods) : allowed(std::move(allowed_methods)) {}
  const char* what() const noexcept override { return "method not allowed"; }
  std::string allowed;
};

}  // namespace apertura::web
