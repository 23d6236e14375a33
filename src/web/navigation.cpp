#include "web/navigation.h"

#include <algorithm>

namespace apertura::web {

void Navigation::add(NavigationEntry entry) {
  auto place = std::upper_bound(entries_.begin(), entries_.end(), entry.order,
                                [](int order, const NavigationEntry& e) { return order < e.order; });
  entries_.insert(place, std::move(entry));
}

nlohmann::json Navigation::view(Menu menu, const Actor& actor, std::string_view path) const {
  nlohmann::json out = nlohmann::json::array();
  for (const NavigationEntry& entry : entries_) {
    if (entry.menu != menu) continue;
    if (menu == Menu::account && (!actor.signed_in() || (!entry.roles.empty() && !entry.roles.count(actor.role)))) {
      continue;
    }
    out.push_back({{"label", entry.label}, {"href", entry.href}, {"current", entry.href == path}});
  }
  return out;
}

}  // namespace apertura::web
