#pragma once
// Who is acting: an anonymous visitor, a signed-in user with a role, or the
// system itself (command line, demo loader). Every service call that changes
// data takes an Actor so that permissions and the audit log know who it was.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace apertura {

// Ordered from least to most trusted; `system` is the command line.
enum class Role { anonymous, citizen, civil_society, official, admin, system };

std::string_view role_name(Role role);          // "civil_society"
std::string_view role_label_es(Role role);      // "Sociedad civil"
std::optional<Role> parse_role(std::string_view name);  // only the four account roles

struct Actor {
  Actor() = default;
  Actor(Role role, std::optional<int64_t> user_id, std::string display_name, std::optional<int64_t> institution_id,
        std::optional<int64_t> jurisdiction_id = std::nullopt)
      : role(role),
        user_id(user_id),
        display_name(std::move(display_name)),
        institution_id(institution_id),
        jurisdiction_id(jurisdiction_id) {}

  Role role = Role::anonymous;
  std::optional<int64_t> user_id;
  std::string display_name;
  std::optional<int64_t> institution_id;
  // The one jurisdiction an account answers for; an admin without one acts on
  // every jurisdiction of the instance (the operator of a national portal).
  std::optional<int64_t> jurisdiction_id;

  static Actor anonymous() { return {}; }
  static Actor system(std::string label = "sistema") {
    return {Role::system, std::nullopt, std::move(label), std::nullopt, std::nullopt};
  }
  bool signed_in() const { return user_id.has_value(); }
};

}  // namespace apertura
