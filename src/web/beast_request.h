#pragma once
// A Beast HTTP request as the handlers' Request (no sockets, no Beast
// types past this point): shared by the server and the request fuzzer, so
// the fuzzer reads requests exactly as the server does.
#include <boost/beast/http.hpp>
#include <string>
#include <type_traits>

#include "core/text.h"
#include "web/request.h"

namespace apertura::web {

template <class Body>
Request to_request(const boost::beast::http::request<Body>& raw, std::string remote) {
  Request request;
  request.method = std::string(raw.method_string());
  request.http_version = static_cast<int>(raw.version());
  request.target = std::string(raw.target());
  size_t question = request.target.find('?');
  request.path = url_decode(request.target.substr(0, question), false);
  if (question != std::string::npos) request.query_string = request.target.substr(question + 1);
  for (const auto& field : raw) {
    request.headers.emplace_back(to_lower_ascii(field.name_string()), std::string(field.value()));
  }
  if constexpr (std::is_same_v<Body, boost::beast::http::string_body>) request.body = raw.body();
  request.remote_address = std::move(remote);
  return request;
}

}  // namespace apertura::web
