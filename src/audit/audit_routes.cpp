#include "audit/audit_routes.h"

#include "web/api.h"
#include "web/downloads.h"
#include "web/pagination.h"

namespace apertura::audit {

namespace {

using web::Request;

std::string action_label_es(const std::string& action) {
  if (action == "create") return "Alta";
  if (action == "update") return "Cambio";
  if (action == "delete") return "Baja";
  if (action == "change_role") return "Cambio de rol";
  if (action == "reset_password") return "Restablecimiento de contraseña";
  return action;
}

nlohmann::json entry_view(const Entry& entry) {
  nlohmann::json view = public_json(entry);
  view["action_label"] = action_label_es(entry.change.action);
  view["actor_role_label"] = std::string(role_label_es(parse_role(entry.actor_role).value_or(
      entry.actor_role == "system" ? Role::system : Role::anonymous)));
  view["short_hash"] = entry.hash.substr(0, 12);
  view["summary"] = entry.change.after.is_object() ? entry.change.after.value("name", "") : "";
  return view;
}

bool wants_private(const Request& request) { return request.query("private").value_or("") == "1"; }

}  // namespace

void register_audit_routes(web::Router& router, AuditService& service, const web::Pages& pages) {
  router.get("/bitacora", [&service, &pages](Request& request) {
    auto page = web::PageRequest::from(request, 50);
    auto entries = service.list(request.actor, wants_private(request), {page.per_page, page.offset()});
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& entry : entries.items) rows.push_back(entry_view(entry));
    return pages.render(request, "audit/list",
                        {{"title", "Bitácora de cambios"},
                         {"entries", rows},
                         {"has_entries", !rows.empty()},
                         {"pagination", web::pagination_view(request, page, entries.total)}});
  });
  for (std::string format : {"csv", "json"}) {
    router.get("/bitacora." + format, [&service, format](Request& request) {
      auto entries = service.list(request.actor, wants_private(request), {100000, 0});
      web::Table table{{{"seq", "Número"}, {"occurred_at", "Fecha"}, {"actor_role", "Rol"},
                        {"action", "Acción"}, {"entity_kind", "Tipo"}, {"entity_id", "Registro"},
                        {"previous_hash", "Hash anterior"}, {"hash", "Hash"}},
                       {}};
      for (const auto& entry : entries.items) table.rows.push_back(public_json(entry));
      return web::download(table, "bitacora", format);
    });
  }
  router.get("/api/v1/audit", [&service](Request& request) {
    auto page = web::PageRequest::from(request);
    auto entries = service.list(request.actor, wants_private(request), {page.per_page, page.offset()});
    nlohmann::json items = nlohmann::json::array();
    for (const auto& entry : entries.items) items.push_back(public_json(entry));
    return web::api_list(request, items, page, entries.total);
  });
}

}  // namespace apertura::audit
