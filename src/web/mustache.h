#pragma once
// Logic-less Mustache templates rendered straight from JSON view models.
// Supported: {{name}} (HTML-escaped), {{{name}}} and {{&name}} (raw),
// {{#name}}...{{/name}} sections (lists repeat, objects and other truthy values
// render once with the value in scope), {{^name}} inverted sections,
// {{! comments}}, dotted names (a.b.c) and {{.}}. Falsy values: missing, null,
// false, "" and []. Partials, lambdas and delimiter changes are not supported
// and are rejected when the template is parsed.
//
// Why not a library: the one chosen first (kainjow) needs every view model
// copied into its own data type on each render and renders through a
// non-const object; on the home page that copy and render took 28% of the
// CPU (bench/README.md). A template here is parsed once, is immutable, and
// renders from the JSON in place, from any thread.
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace apertura::web {

struct TemplateError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class MustacheTemplate {
 public:
  // Throws TemplateError naming the line of the problem.
  explicit MustacheTemplate(std::string_view source);
  ~MustacheTemplate();
  MustacheTemplate(MustacheTemplate&&) noexcept;
  MustacheTemplate& operator=(MustacheTemplate&&) noexcept;

  std::string render(const nlohmann::json& data) const;

  struct Node;

 private:
  std::unique_ptr<std::vector<Node>> nodes_;
};

std::string html_escape(std::string_view text);

}  // namespace apertura::web
