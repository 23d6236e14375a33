// The CKAN-compatible Action API: what CKAN clients and harvesters call,
// checked against the shape of real CKAN answers (tests/fixtures/ckan).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/test_app.h"

namespace apertura {
namespace {

using apertura::testing::HttpClient;
using nlohmann::json;

json recorded(const std::string& name) {
  std::ifstream in(std::string(APERTURA_TEST_FIXTURES) + "/ckan/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

// Every key of CKAN's answer is in ours, with the same JSON type (any type
// where CKAN answered null); lists are compared by their first items.
void expect_shape(const json& ckan, const json& ours, const std::string& path) {
  if (ckan.is_null()) return;
  ASSERT_EQ(ckan.type_name(), ours.type_name()) << path << ": " << ours.dump().substr(0, 200);
  if (ckan.is_object()) {
    for (const auto& [key, value] : ckan.items()) {
      ASSERT_TRUE(ours.contains(key)) << path << " lacks \"" << key << "\"";
      expect_shape(value, ours[key], path + "." + key);
    }
  } else if (ckan.is_array() && !ckan.empty() && !ours.empty()) {
    expect_shape(ckan[0], ours[0], path + "[0]");
  }
}

class CkanApiTest : public apertura::testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    int64_t finance = app_->create_jalisco_finance();
    int64_t water = app_->app().jurisdictions().add_institution(Actor::system(), "14", {"Comisión Estatal del Agua", "CEA", ""}).take().id;
    auto& datasets = app_->app().datasets();
    Actor system = Actor::system();
    auto publish = [&](const std::string& title, const std::string& slug, int64_t institution, const std::string& tags,
                       const std::string& group, const std::string& format) {
      catalog::DatasetInput input;
      input.title = title;
      input.slug = slug;
      input.institution_id = std::to_string(institution);
      input.tags = tags;
      input.groups = {group};
      input.frequency = "monthly";
      datasets.create(system, input,
                      {{"Datos", "", format, "", "datos." + format, std::string("a,b\n1,2\n")},
                       {"Documentación", "", "PDF", "https://ejemplo.gob.mx/doc.pdf", "", std::nullopt}},
                      true)
          .take();
    };
    publish("Presupuesto de egresos 2026", "presupuesto-2026", finance, "presupuesto, egresos", "dinero-publico", "CSV");
    publish("Deuda pública estatal", "deuda-publica", finance, "deuda", "dinero-publico", "XLSX");
    publish("Calidad del agua potable", "calidad-agua", water, "agua potable, salud", "agua-y-medio-ambiente", "CSV");
    catalog::DatasetInput draft;
    draft.title = "Borrador que nadie ve";
    draft.slug = "borrador";
    draft.institution_id = std::to_string(finance);
    datasets.create(system, draft).take();
    app_->create_user("laura@finanzas.mx", Role::official, finance);
  }

  json action(const std::string& name, const std::string& query = "") {
    auto response = app_->client().get("/api/3/action/" + name + (query.empty() ? "" : "?" + query));
    EXPECT_EQ(response.header("content-type").find("application/json"), 0u);
    json body = json::parse(response.body);
    EXPECT_TRUE(body.contains("help")) << name;
    EXPECT_EQ(body["success"], response.status == 200) << response.body;
    return body;
  }
};

TEST_P(CkanApiTest, ReadActionsAnswerLikeCkan) {
  json status = action("status_show")["result"];
  EXPECT_EQ(status["ckan_version"].get<std::string>().substr(0, 3), "2.1");

  json names = action("package_list")["result"];
  EXPECT_EQ(names, (json{"calidad-agua", "deuda-publica", "presupuesto-2026"}));  // no drafts
  EXPECT_EQ(action("package_list", "limit=1&offset=1")["result"], (json{"deuda-publica"}));

  json search = action("package_search", "q=presupuesto&facet.field=%5B%22organization%22%2C%22res_format%22%2C%22tags%22%2C%22groups%22%2C%22license_id%22%5D");
  expect_shape(recorded("package_search.json"), search, "package_search");
  EXPECT_EQ(search["result"]["count"], 1);
  EXPECT_EQ(search["result"]["results"][0]["name"], "presupuesto-2026");
  EXPECT_EQ(search["result"]["facets"]["organization"]["14-secretaria-de-la-hacienda-publica"], 1);
  EXPECT_EQ(search["result"]["search_facets"]["res_format"]["items"].size(), 2u);  // CSV and PDF

  json all = action("package_search", "facet.field=%5B%22organization%22%5D&rows=2&sort=name%20asc")["result"];
  EXPECT_EQ(all["count"], 3);
  ASSERT_EQ(all["results"].size(), 2u);
  EXPECT_EQ(all["results"][0]["name"], "calidad-agua");
  EXPECT_EQ(all["facets"]["organization"]["14-secretaria-de-la-hacienda-publica"], 2);
  EXPECT_EQ(action("package_search", "rows=2&start=2&sort=name%20asc")["result"]["results"][0]["name"], "presupuesto-2026");
  EXPECT_EQ(action("package_search", "fq=organization:14-secretaria-de-la-hacienda-publica%20res_format:XLSX")["result"]["count"], 1);
  EXPECT_EQ(action("package_search", "fq=tags:%22agua%20potable%22")["result"]["count"], 1);
  EXPECT_EQ(action("package_search", "q=groups:dinero-publico")["result"]["count"], 2);
  EXPECT_EQ(action("package_search", "q=*:*&fq=%2Bdataset_type:dataset")["result"]["count"], 3);
  EXPECT_EQ(action("package_search", "fq=metadata_modified:%5B2000-01-01T00:00:00Z%20TO%20*%5D")["result"]["count"], 3);
  EXPECT_EQ(action("package_search", "fq=metadata_modified:%5B2999-01-01T00:00:00Z%20TO%20*%5D")["result"]["count"], 0);

  json package = action("package_show", "id=presupuesto-2026")["result"];
  expect_shape(recorded("package_search.json")["result"]["results"][0], package, "package_show");
  EXPECT_EQ(package["num_resources"], 2);
  EXPECT_EQ(package["resources"][0]["url_type"], "upload");
  EXPECT_EQ(package["resources"][0]["position"], 0);
  EXPECT_EQ(action("package_show", "id=" + package["id"].get<std::string>())["result"]["name"], "presupuesto-2026");
  // The file's URL downloads it.
  std::string file_url = package["resources"][0]["url"];
  auto file = app_->client().get(file_url.substr(file_url.find("/datos/")));
  EXPECT_EQ(file.body, "a,b\n1,2\n");

  json resource = action("resource_show", "id=" + package["resources"][1]["id"].get<std::string>())["result"];
  EXPECT_EQ(resource["url"], "https://ejemplo.gob.mx/doc.pdf");
  EXPECT_EQ(resource["format"], "PDF");

  json with_resources = action("current_package_list_with_resources", "limit=2")["result"];
  EXPECT_EQ(with_resources.size(), 2u);
  EXPECT_EQ(with_resources[0]["resources"].size(), 2u);

  json orgs = action("organization_list")["result"];
  EXPECT_EQ(orgs, (json{"14-comision-estatal-del-agua", "14-secretaria-de-la-hacienda-publica"}));
  json org_dicts = action("organization_list", "all_fields=true&sort=package_count%20desc")["result"];
  expect_shape(recorded("package_search.json")["result"]["results"][0]["organization"], org_dicts[0], "organization_list");
  EXPECT_EQ(org_dicts[0]["package_count"], 2);
  json org = action("organization_show", "id=14-secretaria-de-la-hacienda-publica&include_datasets=true")["result"];
  EXPECT_EQ(org["packages"].size(), 2u);
  EXPECT_EQ(action("organization_show", "id=" + org["id"].get<std::string>())["result"]["name"], org["name"]);

  json groups = action("group_list")["result"];
  EXPECT_NE(std::find(groups.begin(), groups.end(), "dinero-publico"), groups.end());
  json group = action("group_show", "id=dinero-publico&include_datasets=true")["result"];
  EXPECT_EQ(group["package_count"], 2);
  EXPECT_EQ(group["packages"].size(), 2u);
  EXPECT_EQ(action("tag_list", "query=agu")["result"], (json{"agua potable"}));
  json licenses = action("license_list")["result"];
  EXPECT_EQ(licenses[0]["id"], "CC-BY-4.0");
  EXPECT_FALSE(action("help_show", "name=package_search")["result"].get<std::string>().empty());
}

// The recorded answer is shaped like those of CKAN 2.9 and 2.10 portals (fields with CKAN's types, _links, total).
TEST_P(CkanApiTest, DatastoreSearchAnswersLikeCkansDatastore) {
  json resource = action("package_show", "id=presupuesto-2026")["result"]["resources"][0];
  EXPECT_EQ(resource["datastore_active"], true);
  std::string id = resource["id"].get<std::string>();
  json found = action("datastore_search", "resource_id=" + id + "&limit=1");
  json shape = recorded("datastore_search.json");
  shape["result"]["records"] = json::array({{{"_id", 1}}});  // a record's other keys are the file's columns
  expect_shape(shape, found, "datastore_search");
  EXPECT_EQ(found["result"]["total"], 1);
  EXPECT_EQ(found["result"]["fields"], (json::array({{{"id", "_id"}, {"type", "int"}}, {{"id", "a"}, {"type", "int"}},
                                                      {{"id", "b"}, {"type", "int"}}})));
  EXPECT_EQ(found["result"]["records"], (json::array({{{"_id", 1}, {"a", 1}, {"b", 2}}})));
  EXPECT_EQ(found["result"]["_links"]["next"], "/api/3/action/datastore_search?resource_id=" + id + "&limit=1&offset=1");

  // Filters as CKAN clients send them: a JSON object in the query string, or in a POSTed body.
  EXPECT_EQ(action("datastore_search", "resource_id=" + id + "&filters=%7B%22a%22%3A%222%22%7D")["result"]["records"].size(), 0u);
  auto posted = app_->client().send_json("POST", "/api/3/action/datastore_search",
                                         {{"resource_id", id}, {"filters", {{"a", 1}}}, {"fields", "b"}, {"records_format", "lists"}}, false);
  ASSERT_EQ(posted.status, 200u) << posted.body;
  EXPECT_EQ(json::parse(posted.body)["result"]["records"], (json::array({json::array({1, 2})})));

  json unknown = action("datastore_search", "resource_id=" + id + "&sort=zzz%20desc");
  EXPECT_EQ(unknown["error"]["__type"], "Validation Error");
  EXPECT_TRUE(unknown["error"].contains("sort"));
  // A link resource has no table; neither has a draft's for strangers.
  json pdf = action("package_show", "id=presupuesto-2026")["result"]["resources"][1];
  EXPECT_EQ(pdf["datastore_active"], false);
  EXPECT_EQ(action("datastore_search", "resource_id=" + pdf["id"].get<std::string>())["error"]["__type"], "Not Found Error");
  EXPECT_EQ(action("datastore_search", "resource_id=nada")["error"]["__type"], "Not Found Error");
}

TEST_P(CkanApiTest, ErrorsComeInCkansEnvelope) {
  HttpClient client = app_->client();
  auto missing = client.get("/api/3/action/package_show?id=no-existe");
  EXPECT_EQ(missing.status, 404u);
  EXPECT_EQ(missing.json()["error"]["__type"], "Not Found Error");
  EXPECT_EQ(client.get("/api/3/action/package_show?id=borrador").status, 404u);  // a draft is not there
  auto unknown = client.get("/api/3/action/package_purge");
  EXPECT_EQ(unknown.status, 400u);
  EXPECT_NE(unknown.json()["error"]["message"].get<std::string>().find("package_purge"), std::string::npos);
  auto bad_fq = client.get("/api/3/action/package_search?fq=creator_user_id:x");
  EXPECT_EQ(bad_fq.status, 409u);
  EXPECT_EQ(bad_fq.json()["error"]["__type"], "Validation Error");
  auto bad_rows = client.get("/api/3/action/package_search?rows=5000");
  EXPECT_EQ(bad_rows.status, 409u);
  EXPECT_TRUE(bad_rows.json()["error"].contains("rows"));
  auto bad_facets = client.get("/api/3/action/package_search?facet.field=organization");
  EXPECT_EQ(bad_facets.status, 409u);
  auto bad_json = client.request("POST", "/api/3/action/package_search", "{no es json", "application/json");
  EXPECT_EQ(bad_json.status, 400u);
  EXPECT_EQ(bad_json.json()["success"], false);
}

TEST_P(CkanApiTest, ClientsPostJsonAndWriteWithAnApiToken) {
  HttpClient client = app_->client();
  // CKAN clients POST their reads as JSON, without cookies or CSRF token.
  auto posted = client.request("POST", "/api/3/action/package_search",
                               json{{"fq", "groups:dinero-publico"}, {"rows", 1}, {"facet.field", {"tags"}}}.dump(),
                               "application/json");
  ASSERT_EQ(posted.status, 200u) << posted.body;
  EXPECT_EQ(posted.json()["result"]["count"], 2);
  EXPECT_EQ(posted.json()["result"]["results"].size(), 1u);

  json package = {{"name", "padron-proveedores"},
                  {"title", "Padrón de proveedores"},
                  {"owner_org", "14-secretaria-de-la-hacienda-publica"},
                  {"license_id", "CC-BY-4.0"},
                  {"tags", {{{"name", "proveedores"}}}},
                  {"groups", {{{"name", "dinero-publico"}}}},
                  {"extras", {{{"key", "frequency"}, {"value", "monthly"}}}},
                  {"resources", {{{"name", "Padrón"}, {"url", "https://ejemplo.gob.mx/padron.csv"}}}}};
  auto anonymous = client.request("POST", "/api/3/action/package_create", package.dump(), "application/json");
  EXPECT_EQ(anonymous.status, 403u);
  EXPECT_EQ(anonymous.json()["error"]["__type"], "Authorization Error");
  // A signed-in browser's cookie does not count here (no CSRF to protect it).
  HttpClient laura = app_->signed_in_client("laura@finanzas.mx");
  EXPECT_EQ(laura.request("POST", "/api/3/action/package_create", package.dump(), "application/json").status, 403u);
  auto bogus = client.request("POST", "/api/3/action/package_create", package.dump(), "application/json",
                              {{"Authorization", "apertura_no-existe"}});
  EXPECT_EQ(bogus.status, 401u);

  // The token is made on the account's page and shown once.
  auto made = laura.post_form("/cuenta/tokens", {{"name", "Cosechador"}});
  ASSERT_EQ(made.status, 201u) << made.body;
  size_t at = made.body.find("apertura_");
  ASSERT_NE(at, std::string::npos);
  std::string token = made.body.substr(at, made.body.find('<', at) - at);
  EXPECT_EQ(laura.get("/cuenta/tokens").body.find(token), std::string::npos);

  auto created = client.request("POST", "/api/3/action/package_create", package.dump(), "application/json",
                                {{"Authorization", token}});
  ASSERT_EQ(created.status, 200u) << created.body;
  EXPECT_EQ(created.json()["result"]["state"], "active");
  EXPECT_EQ(action("package_show", "id=padron-proveedores")["result"]["resources"][0]["url"], "https://ejemplo.gob.mx/padron.csv");
  auto again = client.request("POST", "/api/3/action/package_create", package.dump(), "application/json",
                              {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(again.status, 409u);
  EXPECT_TRUE(again.json()["error"].contains("slug"));
  // resource_create uploads a file as CKAN clients do (multipart, field "upload").
  std::string boundary = "xYzBoundary";
  std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"package_id\"\r\n\r\npadron-proveedores\r\n--" +
                     boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nPadrón completo\r\n--" + boundary +
                     "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"padron.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                     "rfc,nombre\nAAA010101AAA,Papelería del Centro\n\r\n--" + boundary + "--\r\n";
  auto uploaded = client.request("POST", "/api/3/action/resource_create", body, "multipart/form-data; boundary=" + boundary,
                                 {{"Authorization", token}});
  ASSERT_EQ(uploaded.status, 200u) << uploaded.body;
  EXPECT_EQ(uploaded.json()["result"]["format"], "CSV");
  EXPECT_EQ(uploaded.json()["result"]["url_type"], "upload");
  // Another institution's dataset is not this token's to change.
  auto foreign = client.request("POST", "/api/3/action/resource_create",
                                json{{"package_id", "calidad-agua"}, {"url", "https://x.mx/a.csv"}, {"name", "x"}}.dump(),
                                "application/json", {{"Authorization", token}});
  EXPECT_EQ(foreign.status, 403u);

  // Revoked, it acts as nobody.
  auto tokens = laura.get("/api/v1/tokens").json()["data"];
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_FALSE(tokens[0]["last_used_at"].is_null());
  EXPECT_EQ(laura.post_form("/cuenta/tokens/" + std::to_string(tokens[0]["id"].get<int64_t>()) + "/revocacion", {}).status, 303u);
  EXPECT_EQ(client.request("POST", "/api/3/action/package_create", package.dump(), "application/json",
                           {{"Authorization", token}}).status,
            401u);
  // A token works on the portal's own API too, without CSRF.
  auto api_token = laura.send_json("POST", "/api/v1/tokens", {{"name", "Script"}});
  ASSERT_EQ(api_token.status, 201u);
  std::string secret = api_token.json()["data"]["token"];
  auto me = client.request("GET", "/api/v1/me", "", "", {{"Authorization", "Bearer " + secret}});
  EXPECT_EQ(me.status, 200u);
  auto draft = client.request("POST", "/api/v1/datasets", json{{"title", "Con token"}}.dump(), "application/json",
                              {{"Authorization", "Bearer " + secret}});
  EXPECT_EQ(draft.status, 201u) << draft.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, CkanApiTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura
