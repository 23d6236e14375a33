#include <gtest/gtest.h>

#include <regex>

#include "support/test_app.h"

namespace apertura {
namespace {

// The OpenAPI document must describe every API route the router serves, with
// the same method, so clients generated from it never miss an endpoint.
TEST(OpenApi, DescribesEveryRegisteredApiRoute) {
  apertura::testing::TestApp app("sqlite");
  auto document = app.client().get("/api/v1/openapi.json").json();
  EXPECT_EQ(document["openapi"].get<std::string>().substr(0, 2), "3.");
  ASSERT_TRUE(document.contains("paths"));
  int checked = 0;
  for (const auto& route : app.app().router().routes()) {
    // The CKAN-compatible API (/api/3/action/...) follows CKAN's own contract, not this document.
    if (route.pattern.rfind("/api/v1/", 0) != 0) continue;
    std::string path = route.pattern.substr(std::string("/api/v1").size());
    std::string method = route.method;
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    ASSERT_TRUE(document["paths"].contains(path)) << "missing path " << path;
    EXPECT_TRUE(document["paths"][path].contains(method)) << "missing " << method << " " << path;
    ++checked;
  }
  EXPECT_GT(checked, 10);
  // Every GET says it may answer 304 to a request that sends back its ETag.
  for (const auto& [path, operations] : document["paths"].items()) {
    if (!operations.contains("get")) continue;
    EXPECT_EQ(operations["get"]["responses"]["304"]["$ref"], "#/components/responses/NotModified") << path;
  }
  EXPECT_TRUE(document["components"]["responses"].contains("NotModified"));
  // And nothing documented that does not exist.
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      if (method == "parameters") continue;
      bool found = false;
      for (const auto& route : app.app().router().routes()) {
        std::string m = route.method;
        std::transform(m.begin(), m.end(), m.begin(), ::tolower);
        found = found || (route.pattern == "/api/v1" + path && m == method);
      }
      EXPECT_TRUE(found) << "documented but not served: " << method << " " << path;
    }
  }
}

}  // namespace
}  // namespace apertura
