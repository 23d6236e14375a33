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
    nlohmann::json item = {{"label", entry.label}, {"href", entry.href}, {"current", entry.href == path}};
    if (entry.count) {
      if (int64_t waiting = entry.count(actor); waiting > 0) item["count"] = waiting;
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace apertura::web
