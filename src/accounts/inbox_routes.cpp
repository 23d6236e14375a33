#include "accounts/inbox_routes.h"

#include "core/date_text.h"
#include "core/number_text.h"
#include "web/api.h"
#include "web/middleware.h"
#include "web/pagination.h"

namespace apertura::accounts {

namespace {

using web::Request;
using web::Response;

nlohmann::json message_json(const notifications::Message& message) {
  return {{"id", message.id},
          {"subject", message.subject},
          {"body", message.body},
          {"created_at", message.created_at},
          {"read_at", message.read_at ? nlohmann::json(*message.read_at) : nlohmann::json()}};
}

// The message as the page shows it: its text in pieces, the addresses in it as links.
nlohmann::json message_view(const notifications::Message& message) {
  nlohmann::json view = message_json(message);
  view["unread"] = !message.read_at;
  view["date_text"] = date_es(message.created_at.substr(0, 10));
  nlohmann::json pieces = nlohmann::json::array();
  std::string text;
  size_t at = 0;
  while (at < message.body.size()) {
    size_t link = std::min(message.body.find("http://", at), message.body.find("https://", at));
    if (link == std::string::npos) {
      text += message.body.substr(at);
      break;
    }
    text += message.body.substr(at, link - at);
    size_t end = message.body.find_first_of(" \n\t", link);
    if (end == std::string::npos) end = message.body.size();
    if (!text.empty()) pieces.push_back({{"text", text}});
    text.clear();
    pieces.push_back({{"text", message.body.substr(link, end - link)}, {"url", message.body.substr(link, end - link)}});
    at = end;
  }
  if (!text.empty()) pieces.push_back({{"text", text}});
  view["pieces"] = pieces;
  return view;
}

}  // namespace

void register_inbox_routes(web::Router& router, InboxService& inbox, const web::Pages& pages) {
  router.get("/avisos", [&inbox, &pages](Request& request) {
    if (!request.actor.signed_in()) return Response::redirect("/entrar?next=%2Favisos");
    auto page = web::PageRequest::from(request, 30);
    bool unread_only = request.query("estado").value_or("") == "sin-leer";
    auto result = inbox.messages(request.actor, {page.per_page, page.offset()}, unread_only).take();
    int64_t unread = inbox.unread(request.actor).take();
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& message : result.items) rows.push_back(message_view(message));
    return pages.render(request, "accounts/inbox",
                        {{"title", "Mis avisos"},
                         {"messages", rows},
                         {"has_messages", !rows.empty()},
                         {"unread", unread},
                         {"unread_text", unread == 0   ? "No tienes avisos sin leer."
                                         : unread == 1 ? "Tienes 1 aviso sin leer."
                                                       : "Tienes " + std::to_string(unread) + " avisos sin leer."},
                         {"unread_only", unread_only},
                         {"pagination", web::pagination_view(request, page, result.total)}});
  });
  router.post("/avisos/leidos", [&inbox](Request& request) {
    std::string id = request.form().text("id");
    inbox.mark_read(request.actor, id.empty() ? std::nullopt : std::optional<int64_t>(whole_number(id).value_or(-1))).take();
    Response response = Response::redirect("/avisos");
    web::set_flash(response, id.empty() ? "Marcamos todos tus avisos como leídos." : "Marcamos el aviso como leído.");
    return response;
  });
  router.get("/api/v1/inbox", [&inbox](Request& request) {
    auto page = web::PageRequest::from(request);
    bool unread_only = request.query("unread").value_or("") == "1";
    auto result = inbox.messages(request.actor, {page.per_page, page.offset()}, unread_only).take();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& message : result.items) items.push_back(message_json(message));
    return web::api_list(request, items, page, result.total);
  });
  router.post("/api/v1/inbox/read", [&inbox](Request& request) {
    auto body = web::read_json_object(request);
    std::optional<int64_t> id;
    if (body.contains("id") && !body["id"].is_null()) {
      id = body["id"].is_number_integer() ? body["id"].get<int64_t>() : -1;
    }
    int64_t changed = inbox.mark_read(request.actor, id).take();
    return web::api_item({{"marked_read", changed}, {"unread", inbox.unread(request.actor).take()}});
  });
}

}  // namespace apertura::accounts
