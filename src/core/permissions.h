#pragma once
// A domain's permissions as data: which roles may do each action. Tests read
// the same table as a role x action matrix, and services ask `allows`.
#include <functional>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/actor.h"
#include "core/error.h"

namespace apertura {

template <typename Action>
class PermissionTable {
 public:
  struct Rule {
    Action action;
    std::string_view name;
    std::set<Role> roles;
  };

  PermissionTable(std::initializer_list<Rule> rules) : rules_(rules) {}

  // The command line (Role::system) may always act.
  bool allows(Role role, Action action) const {
    if (role == Role::system) return true;
    for (const Rule& rule : rules_) {
      if (rule.action == action) return rule.roles.count(role) > 0;
    }
    return false;
  }

  // Ok, or the error to show: sign in first (anonymous) or not allowed.
  std::optional<Error> check(const Actor& actor, Action action) const {
    if (allows(actor.role, action)) return std::nullopt;
    if (!actor.signed_in() && actor.role != Role::system) {
      return Error::unauthenticated("Inicia sesión para continuar.");
    }
    return Error::forbidden("Tu cuenta (" + std::string(role_label_es(actor.role)) +
                            ") no tiene permiso para esta acción.");
  }

  // The same inside one jurisdiction: an account bound to another
  // jurisdiction (Actor::jurisdiction_id) may not act on this one.
  bool allows(const Actor& actor, Action action, int64_t jurisdiction_id) const {
    return allows(actor.role, action) && within(actor, jurisdiction_id);
  }
  std::optional<Error> check(const Actor& actor, Action action, int64_t jurisdiction_id) const {
    if (auto error = check(actor, action)) return error;
    if (!within(actor, jurisdiction_id)) {
      return Error::forbidden("Tu cuenta actúa solo en su propia jurisdicción; esto pertenece a otra.");
    }
    return std::nullopt;
  }

  const std::vector<Rule>& rules() const { return rules_; }

 private:
  static bool within(const Actor& actor, int64_t jurisdiction_id) {
    return !actor.jurisdiction_id || *actor.jurisdiction_id == jurisdiction_id;
  }

  std::vector<Rule> rules_;
};

// Every permission of the installed domains, each domain's table added when
// it installs: what the role x action matrix test reads, whatever the type
// of each domain's actions.
class PermissionCatalog {
 public:
  struct Entry {
    std::string domain;
    std::string_view action;
    std::function<bool(Role)> allows;
  };

  template <typename Action>
  void add(std::string domain, const PermissionTable<Action>& table) {
    for (const auto& rule : table.rules()) {
      entries_.push_back({domain, rule.name, [&table, action = rule.action](Role role) {
                            return table.allows(role, action);
                          }});
    }
  }
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  std::vector<Entry> entries_;
};

}  // namespace apertura
