// Every JSON endpoint the OpenAPI document lists, sent bodies that break the
// parser in each way known (numbers out of range, truncation, wrong types,
// invalid UTF-8, deep nesting), anonymous and signed in: the answer is always
// the API's error object with a 4xx status, never a 500 or a page of text.
#include <gtest/gtest.h>

#include <regex>

#include "support/test_app.h"

namespace apertura {
namespace {

using nlohmann::json;
using testing::HttpClient;
using testing::HttpResponse;

struct Hostile {
  std::string name;
  std::string body;
  bool names_a_field;  // the error must name "valor"
};

std::vector<Hostile> hostile_bodies() {
  return {
      {"exponent far out of range", R"({"valor": 1e999999})", true},
      {"just past the largest double", R"({"valor": 1.8e309})", true},
      {"negative out of range", R"({"valor": -1e999999})", true},
      {"a 5,000-digit integer", "{\"valor\": " + std::string(5000, '7') + "}", true},
      {"nested out of range", R"({"otro": {"valor": [1, 2, 1e400]}})", true},
      {"truncated", R"({"valor": )", false},
      {"not an object", R"([1, 2, 3])", false},
      {"invalid UTF-8", "{\"valor\": \"\xff\xfe\"}", false},
      {"deep nesting", std::string(20000, '[') + std::string(20000, ']'), false},
      {"empty", "", false},
  };
}

// "/plans/{id}/commitments" -> "/plans/1/commitments".
std::string concrete(const std::string& path) { return std::regex_replace(path, std::regex("\\{[^}]+\\}"), "1"); }

struct Operation {
  std::string method;
  std::string path;
};

std::vector<Operation> json_body_operations(const json& document) {
  std::vector<Operation> found;
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      if (!operation.is_object() || !operation.contains("requestBody")) continue;
      if (!operation["requestBody"]["content"].contains("application/json")) continue;
      // An OCDS file sent for import is queued whole and read by the importer,
      // whose job reports what it cannot read (the import tests and fuzzer cover it).
      if (operation["requestBody"]["content"].contains("application/x-ndjson")) continue;
      std::string upper = method;
      std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
      found.push_back({upper, "/api/v1" + concrete(path)});
    }
  }
  return found;
}

HttpResponse send(HttpClient& client, const Operation& operation, const std::string& body) {
  return client.request(operation.method, operation.path, body, "application/json",
                        {{"X-CSRF-Token", client.cookie("apertura_csrf")}});
}

TEST(HostileJson, EveryJsonEndpointAnswersEveryBrokenBodyWithTheErrorObject) {
  testing::TestApp app("sqlite");
  int64_t finance = app.create_jalisco_finance();
  app.create_user("admin@example.mx", Role::admin);
  app.create_user("funcionaria@example.mx", Role::official, finance);
  auto operations = json_body_operations(app.client().get("/api/v1/openapi.json").json());
  ASSERT_GT(operations.size(), 15u) << "the document lists the JSON endpoints";

  std::vector<std::pair<std::string, HttpClient>> clients = {
      {"anonymous", app.client()},
      {"admin", app.signed_in_client("admin@example.mx")},
      {"official", app.signed_in_client("funcionaria@example.mx")}};
  clients[0].second.get("/");  // a CSRF cookie, as a browser would have
  int field_named = 0;
  for (auto& [who, client] : clients) {
    for (const Hostile& hostile : hostile_bodies()) {
      for (const Operation& operation : operations) {
        SCOPED_TRACE(who + " " + operation.method + " " + operation.path + ": " + hostile.name);
        HttpResponse response = send(client, operation, hostile.body);
        EXPECT_GE(response.status, 400u);
        EXPECT_LT(response.status, 500u) << response.body.substr(0, 300);
        ASSERT_NE(response.header("content-type").find("application/json"), std::string::npos)
            << response.body.substr(0, 300);
        json error = json::parse(response.body)["error"];
        EXPECT_EQ(error["status"], response.status);
        EXPECT_FALSE(error["message"].get<std::string>().empty());
        EXPECT_LT(response.body.size(), 2000u) << "the answer does not echo the body";
        if (response.status == 400 && hostile.names_a_field) {
          ASSERT_EQ(error["fields"].size(), 1u) << response.body;
          EXPECT_EQ(error["fields"][0]["field"], "valor");
          ++field_named;
        }
      }
    }
  }
  // Signed in, the body is read and its bad number named on most endpoints
  // (the others answer 403 or 404 before reading it).
  EXPECT_GT(field_named, static_cast<int>(operations.size()));
  EXPECT_EQ(app.client().get("/healthz").status, 200u) << "the server is still healthy";
}

}  // namespace
}  // namespace apertura
