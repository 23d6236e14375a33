#pragma once
// The portal's menus, filled by the domains as they install: the main
// navigation every visitor sees, and the menu of a signed-in account.
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/actor.h"

namespace apertura::web {

enum class Menu { main, account };

struct NavigationEntry {
  NavigationEntry(std::string label, std::string href, int order, Menu menu = Menu::main, std::set<Role> roles = {})
      : label(std::move(label)), href(std::move(href)), order(order), menu(menu), roles(std::move(roles)) {}

  std::string label;  // "Contrataciones"
  std::string href;   // "/contrataciones"
  int order = 100;    // smaller first
  Menu menu = Menu::main;
  // For the account menu: the roles that see it (every signed-in role when empty).
  std::set<Role> roles;
  // For the account menu: how many things wait for the actor there (unread
  // notices), shown beside the label when more than none; none when empty.
  std::function<int64_t(const Actor&)> count = {};
};

class Navigation {
 public:
  void add(NavigationEntry entry);
  // The entries of `menu` that `actor` sees, in order, as {label, href,
  // current, count}; `current` marks the entry whose page `path` is, and
  // `count` (only when above zero) what waits there.
  nlohmann::json view(Menu menu, const Actor& actor, std::string_view path) const;

 private:
  std::vector<NavigationEntry> entries_;  // kept in order
};

}  // namespace apertura::web
