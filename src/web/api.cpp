#include "web/api.h"

#include <charconv>

#include "core/error.h"
#include "web/downloads.h"

namespace apertura::web {

Response api_list(const Request& request, nlohmann::json items, const PageRequest& page,
                  int64_t total, bool total_is_lower_bound) {
  nlohmann::json pagination = pagination_view(request, page, total);
  License license = License::cc_by_4();
  nlohmann::json links = {{"self", page_url(request, page.page)},
                          {"first", page_url(request, 1)},
                          {"last", page_url(request, pagination["pages"].get<int64_t>())}};
  if (pagination.contains("next_url")) links["next"] = pagination["next_url"];
  if (pagination.contains("previous_url")) links["prev"] = pagination["previous_url"];
  nlohmann::json body = {
      {"data", std::move(items)},
      {"meta",
       {{"page", page.page},
        {"per_page", page.per_page},
        {"total", total},
        {"pages", pagination["pages"]},
        {"total_is_lower_bound", total_is_lower_bound},
        {"license", license.url}}},
      {"links", links},
  };
  Response response = Response::json(body);
  response.set_header("Link", link_header(request, page, total));
  return response;
}

Response api_all(const Request& request, nlohmann::json items) {
  auto total = static_cast<int64_t>(items.size());
  return api_list(request, std::move(items), PageRequest{1, std::max<int64_t>(1, total)}, total);
}

Response api_item(nlohmann::json item, unsigned status) {
  return Response::json({{"data", std::move(item)}}, status);
}

nlohmann::json read_json_object(const Request& request) {
  nlohmann::json body;
  // The last member name read, so a number that cannot be held names its field.
  std::string last_key;
  auto note_key = [&last_key](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    if (event == nlohmann::json::parse_event_t::key) last_key = parsed.get<std::string>().substr(0, 100);
    return true;
  };
  try {
    body = nlohmann::json::parse(request.body, note_key);
  } catch (const nlohmann::json::parse_error& e) {
    throw DomainException(Error::bad_request("El cuerpo de la solicitud no es JSON válido (byte " +
                                             std::to_string(e.byte) + ")."));
  } catch (const nlohmann::json::out_of_range&) {
    // nlohmann's message quotes the whole number (thousands of digits); ours does not.
    std::string field = last_key.empty() ? "(cuerpo)" : last_key;
    throw DomainException(Error{ErrorKind::bad_request,
                                "El campo " + field + " trae un número fuera del rango que se puede leer.",
                                {{field, "número fuera de rango"}}});
  } catch (const nlohmann::json::exception&) {
    throw DomainException(Error::bad_request("El cuerpo de la solicitud no es JSON válido."));
  }
  if (!body.is_object()) {
    throw DomainException(Error::bad_request("El cuerpo de la solicitud debe ser un objeto JSON."));
  }
  return body;
}

std::string text_field(const nlohmann::json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return {};
  if (!it->is_string()) {
    throw DomainException(Error::invalid(std::string("El campo ") + name + " debe ser texto.",
                                         {{name, "debe ser texto"}}));
  }
  return it->get<std::string>();
}

int64_t id_param(const Request& request, const std::string& name, const std::string& what) {
  const std::string text = request.param(name);
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
    throw DomainException(Error::not_found("No existe " + what + " " + text + "."));
  }
  return id;
}

}  // namespace apertura::web
