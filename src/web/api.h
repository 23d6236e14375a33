#pragma once
// The JSON API's envelopes: a list is {"data": [...], "meta": {...}, "links":
// {...}} with a Link header; an item is {"data": {...}}; errors come from
// Pages::error as {"error": {...}}.
#include <nlohmann/json.hpp>

#include "web/pagination.h"
#include "web/request.h"
#include "web/response.h"

namespace apertura::web {

// `total_is_lower_bound`: the list has at least `total` items (meta says so).
Response api_list(const Request& request, nlohmann::json items, const PageRequest& page,
                  int64_t total, bool total_is_lower_bound = false);
Response api_item(nlohmann::json item, unsigned status = 200);
// A short list returned whole (one page holding every item), in the same envelope.
Response api_all(const Request& request, nlohmann::json items);
// Parses the body as a JSON object; a body that is not one is a 400 that
// says where parsing stopped.
nlohmann::json read_json_object(const Request& request);
// A string member of a JSON body ("" when absent); any other type is a 422
// naming the field.
std::string text_field(const nlohmann::json& body, const char* name);
// A numeric path parameter ("/x/{id}"); anything but a positive whole number
// is a 404 naming `what` ("el hito", "la organización").
int64_t id_param(const Request& request, const std::string& name, const std::string& what);

}  // namespace apertura::web
