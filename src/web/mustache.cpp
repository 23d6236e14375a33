#include "web/mustache.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "core/text.h"

namespace apertura::web {

struct MustacheTemplate::Node {
  enum class Kind { text, escaped, raw, section, inverted };
  Kind kind = Kind::text;
  std::string text;                // literal text, or the tag name for errors
  std::vector<std::string> path;   // empty for "."
  std::vector<Node> children;
};

namespace {

using Node = MustacheTemplate::Node;
using Json = nlohmann::json;

size_t line_of(std::string_view source, size_t offset) {
  return 1 + static_cast<size_t>(std::count(source.begin(), source.begin() + static_cast<long>(offset), '\n'));
}

std::vector<std::string> name_path(const std::string& name) {
  if (name == ".") return {};
  return split(name, '.');
}

std::vector<Node> parse(std::string_view source) {
  std::vector<Node> root;
  // Open sections: the node list being filled and the section that owns it.
  std::vector<std::pair<std::vector<Node>*, Node*>> open = {{&root, nullptr}};
  size_t position = 0;
  while (position < source.size()) {
    size_t start = source.find("{{", position);
    if (start == std::string_view::npos) start = source.size();
    if (start > position) {
      open.back().first->push_back({Node::Kind::text, std::string(source.substr(position, start - position)), {}, {}});
    }
    if (start == source.size()) break;
    bool triple = source.compare(start, 3, "{{{") == 0;
    size_t end = source.find(triple ? "}}}" : "}}", start);
    if (end == std::string_view::npos) {
      throw TemplateError("línea " + std::to_string(line_of(source, start)) + ": etiqueta sin cerrar");
    }
    std::string tag = trim(source.substr(start + (triple ? 3 : 2), end - start - (triple ? 3 : 2)));
    position = end + (triple ? 3 : 2);
    auto error = [&](const std::string& message) {
      return TemplateError("línea " + std::to_string(line_of(source, start)) + ": " + message);
    };
    char sigil = triple ? '{' : (tag.empty() ? '\0' : tag[0]);
    std::string name = triple ? tag : trim(std::string_view(tag).substr(sigil == '#' || sigil == '^' || sigil == '/' || sigil == '&' || sigil == '!' ? 1 : 0));
    switch (sigil) {
      case '!':
        break;
      case '#':
      case '^': {
        auto& list = *open.back().first;
        list.push_back({sigil == '#' ? Node::Kind::section : Node::Kind::inverted, name, name_path(name), {}});
        open.push_back({&list.back().children, &list.back()});
        break;
      }
      case '/':
        if (open.size() == 1 || open.back().second->text != name) {
          throw error("cierre {{/" + name + "}} sin sección abierta con ese nombre");
        }
        open.pop_back();
        break;
      case '>':
      case '=':
        throw error("parciales y cambios de delimitador no se admiten");
      case '\0':
        throw error("etiqueta vacía");
      default:
        open.back().first->push_back({sigil == '{' || sigil == '&' ? Node::Kind::raw : Node::Kind::escaped, name,
                                      name_path(name), {}});
    }
  }
  if (open.size() > 1) throw TemplateError("la sección {{#" + open.back().second->text + "}} no se cierra");
  return root;
}

const Json* lookup(const std::vector<std::string>& path, const std::vector<const Json*>& stack) {
  if (path.empty()) return stack.back();
  for (auto frame = stack.rbegin(); frame != stack.rend(); ++frame) {
    if (!(*frame)->is_object()) continue;
    auto first = (*frame)->find(path[0]);
    if (first == (*frame)->end()) continue;
    const Json* value = &*first;
    for (size_t i = 1; i < path.size(); ++i) {
      if (!value->is_object()) return nullptr;
      auto next = value->find(path[i]);
      if (next == value->end()) return nullptr;
      value = &*next;
    }
    return value;
  }
  return nullptr;
}

bool truthy(const Json* value) {
  if (value == nullptr || value->is_null()) return false;
  if (value->is_boolean()) return value->get<bool>();
  if (value->is_string()) return !value->get_ref<const std::string&>().empty();
  if (value->is_array()) return !value->empty();
  return true;
}

void append_value(const Json& value, bool escape, std::string& out) {
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    out += escape ? html_escape(text) : text;
  } else if (value.is_number_float()) {
    // 40.0 reads as 40 on a page; other numbers keep their digits.
    double number = value.get<double>();
    if (std::floor(number) == number && std::fabs(number) < 1e15) out += std::to_string(static_cast<long long>(number));
    else out += value.dump();
  } else if (value.is_number() || (value.is_boolean() && value.get<bool>())) {
    out += value.dump();
  }
}

void render_nodes(const std::vector<Node>& nodes, std::vector<const Json*>& stack, std::string& out) {
  for (const Node& node : nodes) {
    switch (node.kind) {
      case Node::Kind::text:
        out += node.text;
        break;
      case Node::Kind::escaped:
      case Node::Kind::raw:
        if (const Json* value = lookup(node.path, stack)) append_value(*value, node.kind == Node::Kind::escaped, out);
        break;
      case Node::Kind::inverted:
        if (!truthy(lookup(node.path, stack))) render_nodes(node.children, stack, out);
        break;
      case Node::Kind::section: {
        const Json* value = lookup(node.path, stack);
        if (!truthy(value)) break;
        if (value->is_array()) {
          for (const Json& item : *value) {
            stack.push_back(&item);
            render_nodes(node.children, stack, out);
            stack.pop_back();
          }
        } else {
          stack.push_back(value);
          render_nodes(node.children, stack, out);
          stack.pop_back();
        }
        break;
      }
    }
  }
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

MustacheTemplate::MustacheTemplate(std::string_view source)
    : nodes_(std::make_unique<std::vector<Node>>(parse(source))) {}
MustacheTemplate::~MustacheTemplate() = default;
MustacheTemplate::MustacheTemplate(MustacheTemplate&&) noexcept = default;
MustacheTemplate& MustacheTemplate::operator=(MustacheTemplate&&) noexcept = default;

std::string MustacheTemplate::render(const nlohmann::json& data) const {
  std::string out;
  out.reserve(4096);
  std::vector<const Json*> stack = {&data};
  render_nodes(*nodes_, stack, out);
  return out;
}

}  // namespace apertura::web
