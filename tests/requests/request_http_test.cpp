#include <gtest/gtest.h>

#include <regex>

#include "core/date.h"
#include "core/human_check.h"
#include "support/test_app.h"

namespace apertura {
namespace {

using apertura::testing::HttpClient;

// The filing form's check as a browser runs it: the challenge the page
// gives, and the nonce its script finds (or, with `answer`, a typed answer).
apertura::testing::Fields human_check(HttpClient& client, const std::string& answer = "") {
  auto page = client.get("/solicitudes/nueva");
  std::smatch token, bits;
  EXPECT_TRUE(std::regex_search(page.body, token, std::regex("name=\"proof_token\" value=\"([^\"]+)\"")));
  EXPECT_TRUE(std::regex_search(page.body, bits, std::regex("data-bits=\"([0-9]+)\"")));
  if (!answer.empty()) return {{"proof_token", token[1]}, {"proof_answer", answer}};
  return {{"proof_token", token[1]}, {"proof_nonce", solve_work(token[1], std::stoi(bits[1]))}};
}

apertura::testing::Fields with(apertura::testing::Fields fields, const apertura::testing::Fields& more) {
  fields.insert(fields.end(), more.begin(), more.end());
  return fields;
}

class RequestHttpTest : public apertura::testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    finance_ = app_->create_jalisco_finance();
    app_->create_user("admin@example.mx", Role::admin);
    app_->create_user("ana@example.mx", Role::citizen);
  }
  int64_t finance_ = 0;
};

TEST_P(RequestHttpTest, AnyoneFilesAPageShowsHowTheDueDateWasCountedAndItSurvivesARestart) {
  HttpClient anonymous = app_->client();
  auto form = anonymous.get("/solicitudes/nueva");
  EXPECT_EQ(form.status, 200u);
  EXPECT_NE(form.body.find("Secretaría de la Hacienda Pública"), std::string::npos);

  std::string institution = std::to_string(finance_);
  auto empty = anonymous.post_form("/solicitudes", {{"description", "x"}});
  EXPECT_EQ(empty.status, 422u);
  EXPECT_NE(empty.body.find("elige al menos una institución"), std::string::npos);
  EXPECT_NE(empty.body.find("describe la información que buscas"), std::string::npos);
  auto bot = anonymous.post_form("/solicitudes", {{"institution_ids", institution},
                                                  {"description", "Solicito los contratos de limpieza de 2026."},
                                                  {"sitio_web", "http://spam.example"}});
  EXPECT_EQ(bot.status, 400u);

  auto filed = anonymous.post_form("/solicitudes", with({{"institution_ids", institution},
                                                         {"description", "Solicito los contratos de limpieza de 2026."},
                                                         {"requester_name", "Ana Ruiz"},
                                                         {"contact", "ana@example.mx"},
                                                         {"notify_by", "email"}},
                                                        human_check(anonymous)));
  ASSERT_EQ(filed.status, 303u) << filed.body;
  std::string url = filed.header("location");
  std::string folio = url.substr(std::string("/solicitudes/").size());
  auto page = anonymous.get(url);
  EXPECT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("Recibimos tu solicitud con el folio " + folio), std::string::npos);
  EXPECT_NE(page.body.find("Cómo se calculó el plazo"), std::string::npos);
  EXPECT_NE(page.body.find("20 días hábiles corre desde el día siguiente"), std::string::npos);
  EXPECT_NE(page.body.find("Ley General de Transparencia y Acceso a la Información Pública (2025)"), std::string::npos);
  EXPECT_EQ(page.body.find("ana@example.mx"), std::string::npos);
  EXPECT_EQ(page.body.find("Ana Ruiz"), std::string::npos);  // not chosen to show
  auto receipt = anonymous.get(url + "/acuse.pdf");
  EXPECT_EQ(receipt.status, 200u);
  EXPECT_EQ(receipt.header("content-type"), "application/pdf");
  EXPECT_EQ(receipt.body.rfind("%PDF-1.4", 0), 0u);
  EXPECT_NE(receipt.body.find("Folio: " + folio), std::string::npos);
  EXPECT_NE(receipt.body.find("La respuesta vence el"), std::string::npos);
  EXPECT_EQ(receipt.body.find("ana@example.mx"), std::string::npos);
  EXPECT_EQ(receipt.body.find("Ana Ruiz"), std::string::npos);

  auto api = anonymous.get("/api/v1/requests/" + folio);
  ASSERT_EQ(api.status, 200u);
  auto item = api.json()["data"];
  EXPECT_EQ(item["folio"], folio);
  EXPECT_EQ(item["status"], "received");
  EXPECT_EQ(item["response_count"]["due"], item["response_due_on"]);
  EXPECT_EQ(item["response_count"]["days"], 20);
  EXPECT_TRUE(item["requester_name"].is_null());
  EXPECT_EQ(api.body.find("ana@example.mx"), std::string::npos);

  app_->restart();
  HttpClient again = app_->client();
  EXPECT_EQ(again.get("/api/v1/requests/" + folio).status, 200u);
  auto found = again.get("/api/v1/requests?q=limpieza").json();
  ASSERT_EQ(found["data"].size(), 1u);
  EXPECT_EQ(found["data"][0]["folio"], folio);
  EXPECT_EQ(again.get("/api/v1/requests?q=jardineria").json()["data"].size(), 0u);
  EXPECT_NE(again.get("/solicitudes?q=limpieza").body.find(folio), std::string::npos);
  auto csv = again.get("/solicitudes.csv");
  EXPECT_NE(csv.body.find(folio), std::string::npos);
  EXPECT_EQ(csv.body.find("ana@example.mx"), std::string::npos);
  EXPECT_EQ(again.get("/solicitudes/2026-NADA-000001").status, 404u);
  EXPECT_EQ(again.get("/api/v1/requests?status=perdida").status, 400u);
}

TEST_P(RequestHttpTest, TheFormAsksAPersonWithoutAnAccountForAProofOnceAndTheApiAndAccountsGoWithout) {
  HttpClient anonymous = app_->client();
  apertura::testing::Fields request = {{"institution_ids", std::to_string(finance_)},
                                       {"description", "Solicito la plantilla de personal de 2026."}};
  auto none = anonymous.post_form("/solicitudes", request);
  EXPECT_EQ(none.status, 422u);
  EXPECT_NE(none.body.find("no pudimos comprobar que eres una persona"), std::string::npos);
  EXPECT_NE(none.body.find("name=\"proof_token\""), std::string::npos);  // a new question
  EXPECT_EQ(anonymous.post_form("/solicitudes", with(request, human_check(anonymous, "cien"))).status, 422u);
  auto forged = human_check(anonymous);
  forged[0].second[10] = forged[0].second[10] == '1' ? '2' : '1';
  EXPECT_EQ(anonymous.post_form("/solicitudes", with(request, forged)).status, 422u);

  // Without JavaScript: the sum the page asks, written in digits.
  auto page = anonymous.get("/solicitudes/nueva");
  std::smatch question;
  ASSERT_TRUE(std::regex_search(page.body, question, std::regex("¿Cuánto es ([a-z]+) más ([a-z]+)\\?")));
  const std::vector<std::string> words = {"cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"};
  auto value = [&words](const std::string& word) {
    return static_cast<int>(std::find(words.begin(), words.end(), word) - words.begin());
  };
  std::smatch token;
  ASSERT_TRUE(std::regex_search(page.body, token, std::regex("name=\"proof_token\" value=\"([^\"]+)\"")));
  apertura::testing::Fields answered = {{"proof_token", token[1]},
                                        {"proof_answer", std::to_string(value(question[1]) + value(question[2]))}};
  auto filed = anonymous.post_form("/solicitudes", with(request, answered));
  EXPECT_EQ(filed.status, 303u) << filed.body;
  // A form sent again with the same check is refused, and nothing is filed twice.
  auto again = anonymous.post_form("/solicitudes", with(request, answered));
  EXPECT_EQ(again.status, 422u);
  EXPECT_NE(again.body.find("venció o ya se usó"), std::string::npos);
  EXPECT_EQ(anonymous.get("/api/v1/requests?q=plantilla").json()["data"].size(), 1u);
  // The script's proof of work passes too.
  EXPECT_EQ(anonymous.post_form("/solicitudes", with(request, human_check(anonymous))).status, 303u);

  // Signed in, there is no question; the API goes without (under the rate limits).
  HttpClient ana = app_->signed_in_client("ana@example.mx");
  EXPECT_EQ(ana.get("/solicitudes/nueva").body.find("proof_token"), std::string::npos);
  EXPECT_EQ(ana.post_form("/solicitudes", request).status, 303u);
  EXPECT_EQ(anonymous.send_json("POST", "/api/v1/requests", {{"institution_ids", {finance_}},
                                                               {"description", "Solicito la plantilla de personal de 2026."}})
                .status,
            201u);
}

TEST_P(RequestHttpTest, TheApiFilesWithoutAnAccountAndNamesEveryBadField) {
  HttpClient anonymous = app_->client();
  auto created = anonymous.send_json("POST", "/api/v1/requests",
                                     {{"institution_ids", {finance_}},
                                      {"description", "Pido el padrón de proveedores vigente."},
                                      {"delivery", "copies"}});
  ASSERT_EQ(created.status, 201u) << created.body;
  auto item = created.json()["data"]["items"][0];
  EXPECT_EQ(item["delivery"], "copies");
  EXPECT_TRUE(item["response_due_on"].is_string());
  EXPECT_EQ(item["events"].size(), 1u);

  auto bad = anonymous.send_json("POST", "/api/v1/requests",
                                 {{"institution_ids", {"uno"}}, {"description", ""}});
  EXPECT_EQ(bad.status, 422u) << bad.body;
  std::set<std::string> fields;
  auto answer = bad.json();
  for (const auto& field : answer["error"]["fields"]) fields.insert(field["field"].get<std::string>());
  EXPECT_TRUE(fields.count("institution_ids")) << bad.body;
  EXPECT_TRUE(fields.count("description")) << bad.body;
  auto phoned = anonymous.send_json("POST", "/api/v1/requests",
                                    {{"institution_ids", {finance_}},
                                     {"description", "Pido el padrón de proveedores vigente."},
                                     {"channel", "phone"}});
  EXPECT_EQ(phoned.status, 401u);
  EXPECT_EQ(anonymous.get("/api/v1/requests").json()["data"].size(), 1u);
  // Ten an hour from one address; the eleventh is a 429 that says why.
  for (int i = 0; i < 9; ++i) {
    EXPECT_EQ(anonymous.send_json("POST", "/api/v1/requests",
                                  {{"institution_ids", {finance_}}, {"description", "Pido el padrón de proveedores vigente."}})
                  .status,
              201u);
  }
  auto limited = anonymous.send_json("POST", "/api/v1/requests",
                                     {{"institution_ids", {finance_}}, {"description", "Pido el padrón de proveedores vigente."}});
  EXPECT_EQ(limited.status, 429u);
  EXPECT_NE(limited.json()["error"]["message"].get<std::string>().find("Espera una hora"), std::string::npos) << limited.body;
  auto page = anonymous.post_form("/solicitudes", {{"institution_ids", std::to_string(finance_)},
                                                   {"description", "Solicito los contratos de limpieza de 2026."}});
  EXPECT_EQ(page.status, 429u);
  EXPECT_NE(page.body.find("Espera una hora"), std::string::npos);
}

TEST_P(RequestHttpTest, AnAdminAmendsARegimeAndClosesDaysFromThePages) {
  HttpClient ana = app_->signed_in_client("ana@example.mx");
  auto regimes = ana.get("/solicitudes/regimenes");
  EXPECT_EQ(regimes.status, 200u);
  EXPECT_NE(regimes.body.find("20 + 10 días hábiles"), std::string::npos);
  auto listed = ana.get("/api/v1/request-regimes").json()["data"]["items"];
  ASSERT_EQ(listed.size(), 3u);
  int64_t id = listed[1]["id"];
  EXPECT_EQ(listed[1]["code"], "lgtaip-2025");
  EXPECT_EQ(listed[1]["terms"]["response"]["article"], "134");
  std::string url = "/solicitudes/regimenes/" + std::to_string(id);
  EXPECT_EQ(ana.get(url).body.find("Guardar cambios"), std::string::npos);
  EXPECT_EQ(ana.post_form(url, {{"name", "x"}}).status, 403u);

  HttpClient admin = app_->signed_in_client("admin@example.mx");
  auto edit = admin.get(url);
  EXPECT_NE(edit.body.find("Guardar cambios"), std::string::npos);
  apertura::testing::Fields fields = {{"version", std::to_string(listed[1]["version"].get<int64_t>())},
                                      {"name", listed[1]["name"]},
                                      {"effective_from", "2025-03-21"},
                                      {"guarantor", listed[1]["guarantor"]},
                                      {"legal_basis", "LGTAIP, DOF 20-03-2025."},
                                      {"verified", "1"}};
  for (const auto& [name, term] : listed[1]["terms"].items()) {
    fields.push_back({"term_" + name, std::to_string(term["value"].get<int64_t>())});
    fields.push_back({"article_" + name, term["article"]});
  }
  auto saved = admin.post_form(url, fields);
  EXPECT_EQ(saved.status, 303u) << saved.body;
  EXPECT_EQ(admin.post_form(url, fields).status, 409u);  // the version read is stale now
  EXPECT_NE(admin.get(url).body.find("LGTAIP, DOF 20-03-2025."), std::string::npos);

  auto refused = admin.post_form("/solicitudes/calendario", {{"from", "2026-04-10"}, {"to", "2026-04-06"}, {"kind", "x"}});
  EXPECT_EQ(refused.status, 422u);
  EXPECT_NE(refused.body.find("igual o posterior al primero"), std::string::npos);
  auto closed = admin.post_form("/solicitudes/calendario", {{"jurisdiction", "14"}, {"from", "2026-04-02"}, {"to", "2026-04-03"},
                                                            {"kind", "non_working"}, {"basis", "Calendario 2026 del garante"}});
  EXPECT_EQ(closed.status, 303u) << closed.body;
  EXPECT_NE(ana.get("/solicitudes/calendario").body.find("Calendario 2026 del garante"), std::string::npos);
  EXPECT_EQ(ana.get("/api/v1/closed-days").json()["data"]["items"][0]["jurisdiction_code"], "14");
  EXPECT_EQ(ana.post_form("/solicitudes/calendario", {{"from", "2026-04-02"}}).status, 403u);
}

TEST_P(RequestHttpTest, TheUnitWorksItsQueueAndTheRequesterClarifiesWithTheKey) {
  app_->create_user("funcionaria@example.mx", Role::official, finance_);
  HttpClient anonymous = app_->client();
  auto created = anonymous.send_json("POST", "/api/v1/requests",
                                     {{"institution_ids", {finance_}},
                                      {"description", "Pido el padrón de proveedores vigente."}});
  ASSERT_EQ(created.status, 201u) << created.body;
  auto item = created.json()["data"]["items"][0];
  std::string folio = item["folio"];
  std::string key = item["requester_key"];
  EXPECT_GE(key.size(), 16u);
  EXPECT_EQ(anonymous.get("/api/v1/requests/" + folio).body.find(key), std::string::npos);  // shown once

  EXPECT_EQ(anonymous.get("/api/v1/requests/queue").status, 401u);
  HttpClient ana = app_->signed_in_client("ana@example.mx");
  EXPECT_EQ(ana.get("/api/v1/requests/queue").status, 403u);
  EXPECT_EQ(ana.get("/solicitudes/" + folio).body.find("Registrar el paso"), std::string::npos);
  EXPECT_EQ(ana.post_form("/solicitudes/" + folio + "/pasos", {{"action", "answer"}}).status, 403u);

  HttpClient official = app_->signed_in_client("funcionaria@example.mx");
  auto queue = official.get("/solicitudes/unidad");
  EXPECT_EQ(queue.status, 200u);
  EXPECT_NE(queue.body.find(folio), std::string::npos);
  EXPECT_NE(queue.body.find("/solicitudes/vencimientos.ics?institution=" + std::to_string(finance_)), std::string::npos);
  auto feed = anonymous.get("/solicitudes/vencimientos.ics?institution=" + std::to_string(finance_));
  EXPECT_EQ(feed.status, 200u);
  EXPECT_EQ(feed.header("content-type"), "text/calendar; charset=utf-8");
  EXPECT_NE(feed.body.find("SUMMARY:Vence la solicitud " + folio), std::string::npos);
  EXPECT_EQ(anonymous.get("/solicitudes/vencimientos.ics").status, 400u);
  EXPECT_EQ(anonymous.get("/solicitudes/vencimientos.ics?institution=999999").status, 404u);
  auto page = official.get("/solicitudes/" + folio);
  EXPECT_NE(page.body.find("Registrar el paso"), std::string::npos);
  auto empty = official.post_form("/solicitudes/" + folio + "/pasos", {{"action", "clarify"}, {"text", ""}});
  EXPECT_EQ(empty.status, 422u);
  auto asked = official.post_form("/solicitudes/" + folio + "/pasos",
                                  {{"action", "clarify"}, {"text", "Indique el año del padrón que busca."},
                                   {"version", std::to_string(item["version"].get<int64_t>())}});
  ASSERT_EQ(asked.status, 303u) << asked.body;
  auto waiting = anonymous.get("/solicitudes/" + folio);
  EXPECT_NE(waiting.body.find("Indique el año del padrón que busca."), std::string::npos);
  EXPECT_NE(waiting.body.find("name=\"key\""), std::string::npos);

  auto wrong = anonymous.post_form("/solicitudes/" + folio + "/aclaracion", {{"key", "otra"}, {"text", "El padrón de 2026."}});
  EXPECT_EQ(wrong.status, 422u);
  EXPECT_NE(wrong.body.find("La clave no corresponde"), std::string::npos);
  auto clarified = anonymous.post_form("/solicitudes/" + folio + "/aclaracion", {{"key", key}, {"text", "El padrón de 2026."}});
  EXPECT_EQ(clarified.status, 303u) << clarified.body;

  // A file of a refused type is named, and nothing is written.
  apertura::testing::Fields answer = {{"action", "answer"}, {"outcome", "delivered"},
                                      {"text", "Se adjunta el padrón de proveedores de 2026."}};
  auto refused = official.post_file("/solicitudes/" + folio + "/pasos", answer, "files", "padron.exe", "MZ\x90\x00");
  EXPECT_EQ(refused.status, 422u);
  EXPECT_NE(refused.body.find("el archivo «padron.exe» no se aceptó"), std::string::npos);
  EXPECT_EQ(anonymous.get("/api/v1/requests/" + folio).json()["data"]["status"], "received");
  std::string pdf = "%PDF-1.4\n%padron\n";
  auto answered = official.post_file("/solicitudes/" + folio + "/pasos", answer, "files", "padron 2026.pdf", pdf);
  ASSERT_EQ(answered.status, 303u) << answered.body;
  auto item_after = anonymous.get("/api/v1/requests/" + folio).json()["data"];
  EXPECT_EQ(item_after["status"], "answered");
  EXPECT_EQ(item_after["outcome"], "delivered");
  ASSERT_EQ(item_after["files"].size(), 1u);
  EXPECT_EQ(item_after["files"][0]["file_name"], "padron_2026.pdf");
  std::string file_url = item_after["files"][0]["url"];
  auto download = anonymous.get(file_url);
  EXPECT_EQ(download.status, 200u);
  EXPECT_EQ(download.body, pdf);
  EXPECT_EQ(download.header("content-type"), "application/pdf");
  EXPECT_NE(anonymous.get("/solicitudes/" + folio).body.find("Documentos de la respuesta"), std::string::npos);
  EXPECT_EQ(anonymous.get("/solicitudes/2026-OTRA-000001/archivos/" + std::to_string(item_after["files"][0]["id"].get<int64_t>())).status,
            404u);
  auto again = official.send_json("POST", "/api/v1/requests/" + folio + "/steps",
                                  {{"action", "answer"}, {"outcome", "delivered"},
                                   {"text", "Se adjunta el padrón de proveedores de 2026."}});
  EXPECT_EQ(again.status, 409u);
  EXPECT_EQ(official.get("/api/v1/requests/queue").json()["data"]["items"].size(), 0u);

  app_->restart();
  auto events = app_->client().get("/api/v1/requests/" + folio).json()["data"]["events"];
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[3]["kind"], "answered");
}

TEST_P(RequestHttpTest, CopiesArePricedOnTheAnswerPaidAndCollectedThroughPageAndApiAndAdminsKeepTheFees) {
  app_->create_user("funcionaria@example.mx", Role::official, finance_);
  HttpClient anonymous = app_->client();
  auto created = anonymous.send_json("POST", "/api/v1/requests",
                                     {{"institution_ids", {finance_}},
                                      {"delivery", "copies"},
                                      {"description", "Pido copia de las actas del comité de adquisiciones de 2026."}});
  ASSERT_EQ(created.status, 201u) << created.body;
  std::string folio = created.json()["data"]["items"][0]["folio"];
  HttpClient official = app_->signed_in_client("funcionaria@example.mx");
  EXPECT_NE(official.get("/solicitudes/" + folio).body.find("Las primeras 20 hojas simples no tienen costo"),
            std::string::npos);
  auto wrong = official.post_form("/solicitudes/" + folio + "/pasos",
                                  {{"action", "answer"}, {"outcome", "delivered"}, {"pages", "muchas"},
                                   {"text", "Se entregan las actas en copia simple."}});
  EXPECT_EQ(wrong.status, 422u);
  EXPECT_NE(wrong.body.find("escribe un número entero de 0 a 100,000"), std::string::npos);
  EXPECT_EQ(anonymous.get("/api/v1/requests/" + folio).json()["data"]["status"], "received");
  auto answered = official.send_json("POST", "/api/v1/requests/" + folio + "/steps",
                                     {{"action", "answer"}, {"outcome", "delivered"}, {"pages", 120},
                                      {"text", "Se entregan las actas en copia simple."}});
  ASSERT_EQ(answered.status, 200u) << answered.body;
  auto cost = answered.json()["data"]["cost"];
  EXPECT_EQ(cost["status"], "awaiting_payment");
  EXPECT_EQ(cost["amount_cents"], 100 * 200);  // 120 pages, 20 free, at the shipped example price
  EXPECT_EQ(cost["amount"], "$200.00 MXN");
  auto page = anonymous.get("/solicitudes/" + folio);
  EXPECT_NE(page.body.find("Costo de la reproducción"), std::string::npos);
  EXPECT_NE(page.body.find("Copias simples: 120 hojas, las primeras 20 sin costo"), std::string::npos);
  EXPECT_NE(page.body.find("Cómo pagar:"), std::string::npos);
  EXPECT_EQ(page.body.find("Registrar el pago"), std::string::npos);  // not for the public

  auto unnamed = official.post_form("/solicitudes/" + folio + "/costo", {{"action", "paid"}, {"reference", ""}});
  EXPECT_EQ(unnamed.status, 422u);
  EXPECT_NE(unnamed.body.find("escribe el número del comprobante de pago"), std::string::npos);
  EXPECT_EQ(anonymous.send_json("POST", "/api/v1/requests/" + folio + "/cost", {{"action", "paid"}, {"reference", "X"}}).status,
            401u);
  auto paid = official.post_form("/solicitudes/" + folio + "/costo", {{"action", "paid"}, {"reference", "LC-778812"}});
  ASSERT_EQ(paid.status, 303u) << paid.body;
  auto collected = official.send_json("POST", "/api/v1/requests/" + folio + "/cost", {{"action", "collected"}});
  ASSERT_EQ(collected.status, 200u) << collected.body;
  EXPECT_EQ(collected.json()["data"]["cost"]["status"], "collected");
  EXPECT_EQ(collected.json()["data"]["cost"]["payment_reference"], "LC-778812");
  auto again = official.send_json("POST", "/api/v1/requests/" + folio + "/cost", {{"action", "collected"}});
  EXPECT_EQ(again.status, 422u);

  // The fee schedules: public, kept by admins.
  auto fees = anonymous.get("/api/v1/request-fees").json()["data"]["items"];
  ASSERT_EQ(fees.size(), 1u);
  EXPECT_EQ(fees[0]["simple_page_cents"], 200);
  EXPECT_EQ(official.send_json("POST", "/api/v1/request-fees", {{"year", 2027}}).status, 403u);
  HttpClient admin = app_->signed_in_client("admin@example.mx");
  auto bad = admin.send_json("POST", "/api/v1/request-fees", {{"jurisdiction", "jalisco"}, {"year", 2027}});
  EXPECT_EQ(bad.status, 422u);
  auto saved = admin.send_json("POST", "/api/v1/request-fees",
                               {{"jurisdiction", "jalisco"}, {"year", 2027}, {"simple_page_cents", 150},
                                {"certified_page_cents", 3000}, {"medium_cents", 2500}, {"shipping_cents", 20000},
                                {"payment_instructions", "En cualquier recaudadora del estado."},
                                {"legal_basis", "Ley de Ingresos del Estado de Jalisco 2027"}});
  ASSERT_EQ(saved.status, 200u) << saved.body;
  EXPECT_EQ(saved.json()["data"]["jurisdiction_name"], "Jalisco");
  auto form = admin.post_form("/solicitudes/cuotas", {{"jurisdiction", "jalisco"}, {"year", "2028"}, {"simple_page", "1.80"},
                                                      {"certified_page", "x"}, {"medium", "25"}, {"shipping", "200"},
                                                      {"payment_instructions", "En la recaudadora."},
                                                      {"legal_basis", "Ley de Ingresos 2028"}});
  EXPECT_EQ(form.status, 422u);
  EXPECT_NE(form.body.find("escribe el precio en pesos"), std::string::npos);
  auto listed = anonymous.get("/solicitudes/cuotas");
  EXPECT_EQ(listed.status, 200u);
  EXPECT_NE(listed.body.find("$1.50 MXN"), std::string::npos);
  EXPECT_NE(listed.body.find("Cifras no cotejadas"), std::string::npos);
  EXPECT_EQ(listed.body.find("Guardar las cuotas"), std::string::npos);

  app_->restart();
  auto kept = app_->client().get("/api/v1/requests/" + folio).json()["data"];
  EXPECT_EQ(kept["cost"]["status"], "collected");
  EXPECT_EQ(kept["events"].size(), 4u);
}

TEST_P(RequestHttpTest, AnAnsweredRequestIsAppealedOnItsPageAndTheGuarantorWorksItThroughPageAndApi) {
  app_->create_user("funcionaria@example.mx", Role::official, finance_);
  HttpClient anonymous = app_->client();
  auto created = anonymous.send_json("POST", "/api/v1/requests",
                                     {{"institution_ids", {finance_}}, {"description", "Pido el padrón de proveedores vigente."}});
  ASSERT_EQ(created.status, 201u) << created.body;
  std::string folio = created.json()["data"]["items"][0]["folio"];
  std::string key = created.json()["data"]["items"][0]["requester_key"];
  std::string page_url = "/solicitudes/" + folio;
  // Nothing to appeal while the term runs.
  EXPECT_EQ(anonymous.get(page_url).body.find("Presentar el recurso"), std::string::npos);
  auto early = anonymous.send_json("POST", "/api/v1/requests/" + folio + "/appeal",
                                   {{"ground", "no_answer"}, {"reasons", "No me han respondido."}, {"key", key}});
  EXPECT_EQ(early.status, 409u);

  HttpClient official = app_->signed_in_client("funcionaria@example.mx");
  ASSERT_EQ(official.send_json("POST", "/api/v1/requests/" + folio + "/steps",
                               {{"action", "answer"}, {"outcome", "partial"}, {"text", "Se entrega el padrón de una de las áreas."}})
                .status,
            200u);
  auto page = anonymous.get(page_url);
  EXPECT_NE(page.body.find("Presentar el recurso"), std::string::npos);
  EXPECT_EQ(page.body.find("value=\"no_answer\""), std::string::npos);  // answered: not a ground
  EXPECT_EQ(official.get(page_url).body.find("Presentar el recurso"), std::string::npos);  // the institution does not appeal
  auto bad = anonymous.post_form(page_url + "/recurso", {{"key", key}, {"ground", "incomplete"}, {"reasons", "x"}});
  EXPECT_EQ(bad.status, 422u);
  EXPECT_NE(bad.body.find("explica por qué recurres la respuesta"), std::string::npos);
  EXPECT_NE(bad.body.find("aria-invalid=\"true\" aria-describedby=\"error-reasons\""), std::string::npos);
  auto filed = anonymous.post_form(page_url + "/recurso",
                                   {{"key", key}, {"ground", "incomplete"}, {"reasons", "Faltan las demás áreas de la Secretaría."}});
  ASSERT_EQ(filed.status, 303u) << filed.body;
  EXPECT_EQ(filed.header("location"), page_url + "#recurso");
  page = anonymous.get(page_url);
  EXPECT_NE(page.body.find("Recurso de revisión RR-" + folio), std::string::npos);
  EXPECT_NE(page.body.find("En espera de admisión"), std::string::npos);
  EXPECT_EQ(page.body.find("Atender el recurso"), std::string::npos);

  // The jurisdiction has no guarantor chosen: its admin works the appeal.
  HttpClient admin = app_->signed_in_client("admin@example.mx");
  EXPECT_EQ(official.post_form(page_url + "/recurso/pasos", {{"action", "admit"}, {"text", "Se admite el recurso."}}).status, 403u);
  EXPECT_NE(admin.get(page_url).body.find("Atender el recurso"), std::string::npos);
  ASSERT_EQ(admin.post_form(page_url + "/recurso/pasos", {{"action", "admit"}, {"text", "Se admite el recurso."}}).status, 303u);
  auto allegation = anonymous.post_form(page_url + "/recurso/pasos",
                                        {{"action", "allege"}, {"key", key}, {"text", "Reitero que faltan las demás áreas."}});
  EXPECT_EQ(allegation.status, 303u) << allegation.body;
  auto resolved = admin.send_json("POST", "/api/v1/requests/" + folio + "/appeal/steps",
                                  {{"action", "resolve"}, {"result", "revoke"}, {"text", "Se revoca: debe entregar el padrón completo."}});
  ASSERT_EQ(resolved.status, 200u) << resolved.body;
  EXPECT_EQ(resolved.json()["data"]["appeal"]["status"], "complying");
  EXPECT_NE(official.get(page_url).body.find("Informar el cumplimiento"), std::string::npos);
  auto reported = official.post_file(page_url + "/recurso/pasos",
                                     {{"action", "report_compliance"}, {"text", "Se entregó el padrón completo."}}, "files",
                                     "padron.csv", "rfc,nombre\nAAA010101AAA,Proveedora\n");
  ASSERT_EQ(reported.status, 303u) << reported.body;
  auto item = anonymous.get("/api/v1/requests/" + folio).json()["data"];
  EXPECT_EQ(item["appeal"]["status"], "compliance_reported");
  ASSERT_EQ(item["files"].size(), 1u);
  EXPECT_EQ(item["files"][0]["event_kind"], "appeal_report_compliance");

  // The public list, its downloads and the guarantors' page.
  auto list = anonymous.get("/solicitudes/recursos?status=open");
  EXPECT_EQ(list.status, 200u);
  EXPECT_NE(list.body.find("RR-" + folio), std::string::npos);
  EXPECT_NE(anonymous.get("/solicitudes/recursos.csv").body.find("RR-" + folio), std::string::npos);
  EXPECT_EQ(anonymous.get("/api/v1/appeals?status=nada").status, 400u);
  EXPECT_EQ(anonymous.get("/api/v1/appeals").json()["data"][0]["number"], "RR-" + folio);
  EXPECT_EQ(anonymous.get("/solicitudes/garantes").status, 200u);
  // Staff see their jurisdiction's appeals first; "Todos" (an empty choice) shows every one.
  EXPECT_NE(official.get("/solicitudes/recursos").body.find("<option value=\"jalisco\" selected>"), std::string::npos);
  EXPECT_EQ(official.get("/solicitudes/recursos?jurisdiction=").body.find("<option value=\"jalisco\" selected>"), std::string::npos);
  EXPECT_EQ(anonymous.get("/solicitudes/recursos").body.find("<option value=\"jalisco\" selected>"), std::string::npos);
  EXPECT_EQ(official.post_form("/solicitudes/garantes", {{"jurisdiction", "14"}, {"institution_id", std::to_string(finance_)}}).status,
            403u);
  auto chosen = admin.post_form("/solicitudes/garantes", {{"jurisdiction", "14"}, {"institution_id", std::to_string(finance_)}});
  EXPECT_EQ(chosen.status, 303u) << chosen.body;
  EXPECT_NE(anonymous.get("/api/v1/request-guarantors").body.find("Secretaría de la Hacienda Pública"), std::string::npos);

  app_->restart();
  auto again = app_->client().get("/api/v1/requests/" + folio).json()["data"];
  EXPECT_EQ(again["appeal"]["status"], "compliance_reported");
  EXPECT_EQ(again["events"].back()["kind"], "appeal_report_compliance");
}

TEST_P(RequestHttpTest, ARedactedTextIsGoneFromThePageTheApiTheDownloadsTheSearchAndThePublicAudit) {
  app_->create_user("funcionaria@example.mx", Role::official, finance_);
  HttpClient anonymous = app_->client();
  auto created = anonymous.send_json("POST", "/api/v1/requests",
                                     {{"institution_ids", {finance_}},
                                      {"description", "Soy Rosa Quintanilla Ibarra y pido el padrón de proveedores vigente."}});
  ASSERT_EQ(created.status, 201u) << created.body;
  std::string folio = created.json()["data"]["items"][0]["folio"];
  HttpClient official = app_->signed_in_client("funcionaria@example.mx");
  EXPECT_EQ(anonymous.post_form("/solicitudes/" + folio + "/testar", {{"target", "description"}}).status, 401u);
  auto unchanged = official.post_form("/solicitudes/" + folio + "/testar",
                                      {{"target", "description"}, {"reason", "nombre"},
                                       {"text", "Soy Rosa Quintanilla Ibarra y pido el padrón de proveedores vigente."}});
  EXPECT_EQ(unchanged.status, 422u);
  EXPECT_NE(unchanged.body.find("el texto testado es igual al original"), std::string::npos);
  auto redacted = official.post_form("/solicitudes/" + folio + "/testar",
                                     {{"target", "description"}, {"reason", "nombre de quien solicita"},
                                      {"text", "Soy [testado] y pido el padrón de proveedores vigente."}});
  ASSERT_EQ(redacted.status, 303u) << redacted.body;
  for (const std::string& path : {"/solicitudes/" + folio, "/api/v1/requests/" + folio, std::string("/solicitudes.csv"),
                                  std::string("/solicitudes.json"), std::string("/api/v1/audit?per_page=100")}) {
    auto answer = anonymous.get(path);
    EXPECT_EQ(answer.status, 200u) << path;
    EXPECT_EQ(answer.body.find("Quintanilla"), std::string::npos) << path;
  }
  // Searches echo the words asked, but no longer find the request by them.
  for (const std::string& path : {std::string("/api/v1/requests?q=Quintanilla"), std::string("/solicitudes?q=Quintanilla"),
                                  std::string("/api/v1/requests?similar_to=Quintanilla%20Ibarra")}) {
    auto answer = anonymous.get(path);
    EXPECT_EQ(answer.status, 200u) << path;
    EXPECT_EQ(answer.body.find(folio), std::string::npos) << path;
  }
  EXPECT_NE(anonymous.get("/solicitudes/" + folio).body.find("Soy [testado] y pido"), std::string::npos);
}

TEST_P(RequestHttpTest, ADocumentsRedactedVersionReplacesItEverywhereAndTheOriginalIsNeverServed) {
  app_->create_user("funcionaria@example.mx", Role::official, finance_);
  HttpClient anonymous = app_->client();
  auto created = anonymous.send_json("POST", "/api/v1/requests",
                                     {{"institution_ids", {finance_}}, {"description", "Pido la nómina de la Tesorería de 2026."}});
  std::string folio = created.json()["data"]["items"][0]["folio"];
  HttpClient official = app_->signed_in_client("funcionaria@example.mx");
  std::string original = "puesto,nombre,sueldo\nTesorera,María Gómez,50000\n";
  auto answered = official.post_file("/solicitudes/" + folio + "/pasos",
                                     {{"action", "answer"}, {"outcome", "delivered"}, {"text", "Se entrega la nómina de 2026."}},
                                     "files", "nomina.csv", original);
  ASSERT_EQ(answered.status, 303u) << answered.body;
  auto file = anonymous.get("/api/v1/requests/" + folio).json()["data"]["files"][0];
  std::string id = std::to_string(file["id"].get<int64_t>());
  std::string url = file["url"];
  EXPECT_EQ(anonymous.get(url).body, original);
  EXPECT_NE(official.get("/solicitudes/" + folio).body.find("Testar un documento"), std::string::npos);

  HttpClient ana = app_->signed_in_client("ana@example.mx");
  EXPECT_EQ(ana.post_file("/solicitudes/" + folio + "/archivos/testar", {{"file_id", id}, {"reason", "nombre de una persona"}},
                          "file", "nomina.csv", "x").status,
            403u);
  auto wrong = official.post_file("/solicitudes/" + folio + "/archivos/testar",
                                  {{"file_id", id}, {"reason", "nombre de una persona"}}, "file", "nomina.exe", "MZ\x90");
  EXPECT_EQ(wrong.status, 422u);
  auto unnamed = official.post_file("/solicitudes/" + folio + "/archivos/testar", {{"file_id", id}, {"reason", ""}},
                                    "file", "nomina.csv", "puesto,nombre\n");
  EXPECT_EQ(unnamed.status, 422u);
  EXPECT_EQ(anonymous.get(url).body, original);  // nothing changed

  std::string redacted = "puesto,nombre,sueldo\nTesorera,[testado],50000\n";
  auto done = official.post_file("/solicitudes/" + folio + "/archivos/testar",
                                 {{"file_id", id}, {"reason", "nombre de una persona"}}, "file", "nomina-publica.csv", redacted);
  ASSERT_EQ(done.status, 303u) << done.body;
  EXPECT_EQ(anonymous.get(url).body, redacted);
  auto api = anonymous.get("/api/v1/requests/" + folio);
  EXPECT_EQ(api.body.find("María Gómez"), std::string::npos);
  EXPECT_EQ(api.json()["data"]["files"][0]["file_name"], "nomina-publica.csv");
  EXPECT_EQ(api.json()["data"]["events"].back()["kind"], "redacted");
  EXPECT_EQ(anonymous.get("/api/v1/audit?per_page=100").body.find("María Gómez"), std::string::npos);
  // The API takes a further version the same way.
  auto again = official.post_file("/api/v1/requests/" + folio + "/files/" + id + "/redaction",
                                  {{"reason", "también el puesto"}}, "file", "nomina-publica.csv",
                                  "puesto,nombre,sueldo\n[testado],[testado],50000\n");
  ASSERT_EQ(again.status, 200u) << again.body;
  EXPECT_EQ(anonymous.get(url).body.find("Tesorera"), std::string::npos);
  EXPECT_EQ(official.post_file("/api/v1/requests/" + folio + "/files/999999/redaction", {{"reason", "nombre de una persona"}},
                               "file", "x.csv", "a,b\n").status,
            404u);
}

TEST_P(RequestHttpTest, AnIndicatorBoundToTheRequestsIsComputedFromThemWithALinkToTheList) {
  app_->create_user("funcionaria@example.mx", Role::official, finance_);
  auto& plans = app_->app().plans();
  Actor system = Actor::system();
  std::string starts = add_days(today_iso(), -60);
  auto plan = plans.create_plan(system, "14", {"", starts, add_days(add_years(starts, 1), -1), "", ""}).take();
  int64_t first = 0;
  for (int n = 1; n <= 5; ++n) {
    auto c = plans.add_commitment(system, plan.id, {std::to_string(n), "Compromiso", "Problema", "Objetivo", "c",
                                                    std::to_string(finance_), "Colectivo", starts, add_days(starts, 300), ""})
                 .take();
    plans.add_milestone(system, c.id, {"Primer hito", "", add_days(starts, 90), ""}).take();
    plans.add_milestone(system, c.id, {"Segundo hito", "", add_days(starts, 200), ""}).take();
    if (n == 1) first = c.id;
    else plans.add_indicator(system, c.id, {"Indicador", "%", "0", "100", "Registro propio"}).take();
  }
  HttpClient admin = app_->signed_in_client("admin@example.mx");
  std::string indicators = "/api/v1/commitments/" + std::to_string(first) + "/indicators";
  auto unknown = admin.send_json("POST", indicators, {{"name", "En plazo"}, {"measure", "nada"}});
  EXPECT_EQ(unknown.status, 422u);
  auto elsewhere = admin.send_json("POST", indicators,
                                   {{"name", "En plazo"}, {"measure", "requests_on_time_share"}, {"measure_institution_id", 999999}});
  EXPECT_EQ(elsewhere.status, 422u);
  auto bound = admin.send_json("POST", indicators,
                               {{"name", "Solicitudes a Finanzas respondidas en plazo"}, {"baseline", 60}, {"target", 90},
                                {"measure", "requests_on_time_share"}, {"measure_institution_id", finance_}});
  ASSERT_EQ(bound.status, 201u) << bound.body;
  EXPECT_EQ(bound.json()["data"]["unit"], "%");
  int64_t indicator = bound.json()["data"]["id"];

  // Nothing answered yet: no value. Then one request answered, one still open.
  auto item = [&] {
    nlohmann::json commitment = app_->client().get("/api/v1/commitments/" + std::to_string(first)).json();
    for (const auto& one : commitment["data"]["indicators"]) {
      if (one["id"] == indicator) return one;
    }
    return nlohmann::json();
  };
  EXPECT_TRUE(item()["current_value"].is_null());
  HttpClient anonymous = app_->client();
  std::string folio;
  for (int i = 0; i < 2; ++i) {
    auto created = anonymous.send_json("POST", "/api/v1/requests",
                                       {{"institution_ids", {finance_}}, {"description", "Pido el padrón de proveedores vigente."}});
    ASSERT_EQ(created.status, 201u);
    folio = created.json()["data"]["items"][0]["folio"];
  }
  HttpClient official = app_->signed_in_client("funcionaria@example.mx");
  ASSERT_EQ(official.send_json("POST", "/api/v1/requests/" + folio + "/steps",
                               {{"action", "answer"}, {"outcome", "delivered"}, {"text", "Se entrega el padrón de proveedores."}})
                .status,
            200u);
  auto computed = item();
  EXPECT_EQ(computed["current_value"], 100.0);
  EXPECT_EQ(computed["measured_on"], today_iso());
  EXPECT_EQ(computed["bound_measure"], "requests_on_time_share");
  std::string list = computed["list_url"];
  EXPECT_EQ(list, "/solicitudes?jurisdiction=jalisco&institution=" + std::to_string(finance_) + "&from=" + starts + "&to=" + today_iso());
  EXPECT_NE(anonymous.get(list).body.find(folio), std::string::npos);
  auto page = anonymous.get("/compromisos/" + std::to_string(first));
  EXPECT_NE(page.body.find("calculado con los datos de este portal"), std::string::npos);
  EXPECT_NE(page.body.find("ver los registros"), std::string::npos);

  // A computed value is never typed by hand.
  plans.change_status(system, plan.id, "co_creation", "").take();
  plans.change_status(system, plan.id, "published", "").take();
  auto typed = admin.send_json("POST", "/api/v1/indicators/" + std::to_string(indicator) + "/values", {{"value", 50}});
  EXPECT_EQ(typed.status, 409u);
}

TEST_P(RequestHttpTest, StatisticsArePageCsvAndApi) {
  HttpClient anonymous = app_->client();
  auto created = anonymous.send_json("POST", "/api/v1/requests",
                                     {{"institution_ids", {finance_}}, {"description", "Pido el padrón de proveedores vigente."}});
  ASSERT_EQ(created.status, 201u) << created.body;
  std::string year = created.json()["data"]["items"][0]["received_on"].get<std::string>().substr(0, 4);

  auto api = anonymous.get("/api/v1/requests/stats?jurisdiction=14&year=" + year);
  ASSERT_EQ(api.status, 200u) << api.body;
  auto data = api.json()["data"];
  EXPECT_EQ(data["total"]["received"], 1);
  EXPECT_EQ(data["total"]["open"], 1);
  EXPECT_EQ(data["institutions"][0]["institution_id"], finance_);
  EXPECT_TRUE(data["total"]["median_business_days"].is_null());

  auto page = anonymous.get("/solicitudes/estadisticas?jurisdiction=jalisco&year=" + year);
  EXPECT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("se recibió 1 solicitud en Jalisco. Sigue en trámite 1."), std::string::npos);
  EXPECT_NE(page.body.find("Secretaría de la Hacienda Pública"), std::string::npos);
  auto csv = anonymous.get("/solicitudes/estadisticas.csv?jurisdiction=jalisco&year=" + year);
  EXPECT_EQ(csv.status, 200u);
  EXPECT_NE(csv.body.find("median_business_days"), std::string::npos);
  EXPECT_NE(csv.body.find("Total"), std::string::npos);
  EXPECT_EQ(anonymous.get("/solicitudes/estadisticas?year=abc").status, 400u);
  EXPECT_EQ(anonymous.get("/api/v1/requests/stats?jurisdiction=99").status, 404u);
}

INSTANTIATE_TEST_SUITE_P(Backends, RequestHttpTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura
