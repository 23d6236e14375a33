// Red flags on hand-built processes with known answers, stored and read on
// both databases, and shown with their reason through the API and pages.
#include <gtest/gtest.h>

#include <map>

#include "money/contracting/contracting_repository.h"
#include "money/import/ocds_importer.h"
#include "money/flags/red_flag_catalog.h"
#include "money/flags/red_flag_service.h"
#include "support/test_app.h"

namespace apertura::money {
namespace {

using nlohmann::json;

json process(const std::string& ocid, const std::string& id, const std::string& date, json tender, json awards = nullptr,
             json contracts = nullptr) {
  json release = {{"ocid", ocid}, {"id", id}, {"date", date}, {"tag", {"tender"}}, {"initiationType", "tender"},
                  {"buyer", {{"id", "MX-RFC-SFP"}, {"name", "Secretaría de Finanzas"}}}, {"tender", tender}};
  if (!awards.is_null()) release["awards"] = awards;
  if (!contracts.is_null()) release["contracts"] = contracts;
  return release;
}

json money(double amount) { return {{"amount", amount}, {"currency", "MXN"}}; }

json award(const std::string& supplier, double amount) {
  return json::array({{{"id", "a1"}, {"status", "active"}, {"value", money(amount)},
                       {"suppliers", {{{"id", supplier}, {"name", "Proveedora " + supplier}}}}}});
}

class RedFlagsTest : public testing::AppTest {
 protected:
  void import(const std::vector<json>& releases, std::optional<int64_t> jurisdiction_id = std::nullopt) {
    std::string text;
    for (const auto& r : releases) text += r.dump() + "\n";
    ImportOptions options;
    options.jurisdiction_id = jurisdiction_id;
    options.flags = &app_->app().red_flags().settings();
    OcdsImporter importer(app_->database().database(), Actor::system("prueba"), options);
    ASSERT_EQ(importer.import_text(text, "prueba.jsonl").rejected, 0);
  }
  std::map<std::string, double> flags_of(const std::string& ocid) {
    std::map<std::string, double> out;
    for (const auto& flag : app_->app().red_flags().of_process(ocid)) out[flag.code] = flag.value;
    return out;
  }
};

TEST_P(RedFlagsTest, EachProcessGetsItsOwnFlagsWhenImported) {
  import({
      // Direct award of 2 million: MX01 (default threshold 1 million).
      process("ocds-t-direct", "1", "2024-01-01T00:00:00Z",
              {{"id", "t"}, {"procurementMethod", "direct"}, {"value", money(2'000'000)}},
              award("MX-RFC-AAA", 2'000'000)),
      // Ten days to bid in an open tender with one bidder: R003 and R018.
      process("ocds-t-short", "1", "2024-01-01T00:00:00Z",
              {{"id", "t"}, {"procurementMethod", "open"}, {"numberOfTenderers", 1},
               {"tenderPeriod", {{"startDate", "2024-01-01T00:00:00Z"}, {"endDate", "2024-01-11T00:00:00Z"}}}}),
      // Award at twice the estimate: MX03 with value 1.0.
      process("ocds-t-over", "1", "2024-01-01T00:00:00Z",
              {{"id", "t"}, {"procurementMethod", "open"}, {"value", money(100)}}, award("MX-RFC-BBB", 200)),
      // A clean process.
      process("ocds-t-clean", "1", "2024-01-01T00:00:00Z",
              {{"id", "t"}, {"procurementMethod", "open"}, {"numberOfTenderers", 4}, {"value", money(100)},
               {"tenderPeriod", {{"startDate", "2024-01-01T00:00:00Z"}, {"endDate", "2024-02-01T00:00:00Z"}}}},
              award("MX-RFC-CCC", 95)),
  });
  EXPECT_EQ(flags_of("ocds-t-direct"), (std::map<std::string, double>{{"MX01", 2'000'000}}));
  EXPECT_EQ(flags_of("ocds-t-short"), (std::map<std::string, double>{{"R003", 1}, {"R018", 1}}));
  EXPECT_EQ(flags_of("ocds-t-over"), (std::map<std::string, double>{{"MX03", 1.0}}));
  EXPECT_TRUE(flags_of("ocds-t-clean").empty());

  // A later release lengthens the period: the process's flags follow it.
  import({process("ocds-t-short", "2", "2024-01-05T00:00:00Z",
                  {{"id", "t"},
                   {"tenderPeriod", {{"startDate", "2024-01-01T00:00:00Z"}, {"endDate", "2024-02-11T00:00:00Z"}}}})});
  EXPECT_EQ(flags_of("ocds-t-short"), (std::map<std::string, double>{{"R018", 1}}));
}

TEST_P(RedFlagsTest, AStatesFlagsAreThoseOfItsProcesses) {
  app_->create_jalisco_finance();
  int64_t jalisco = app_->app().jurisdictions().find("14").take().id;
  auto direct = [](const std::string& ocid) {
    return process(ocid, "1", "2024-01-01T00:00:00Z",
                   {{"id", "t"}, {"procurementMethod", "direct"}, {"value", money(2'000'000)}},
                   award("MX-RFC-AAA", 2'000'000));
  };
  import({direct("ocds-t-jal-1"), direct("ocds-t-jal-2")}, jalisco);
  import({direct("ocds-t-sin-entidad")});

  auto visitor = app_->client();
  auto all = visitor.get("/api/v1/flags?code=MX01").json();
  EXPECT_EQ(all["meta"]["total"], 3);
  auto of_jalisco = visitor.get("/api/v1/flags?code=MX01&jurisdiction=14").json();
  ASSERT_EQ(of_jalisco["meta"]["total"], 2);
  for (const auto& flag : of_jalisco["data"]) EXPECT_EQ(flag["subject"].get<std::string>().rfind("ocds-t-jal-", 0), 0u);
  // By slug too, on the page: its summary counts only Jalisco's processes.
  auto page = visitor.get("/senales?jurisdiction=jalisco");
  ASSERT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find(R"(<a href="/senales?code=MX01&amp;jurisdiction=jalisco">2 procesos</a>)"), std::string::npos);
  EXPECT_NE(page.body.find(R"(<option value="14" selected>Jalisco</option>)"), std::string::npos);
  // The home page's card for Jalisco links to them.
  EXPECT_NE(visitor.get("/").body.find(R"(href="/senales?jurisdiction=14")"), std::string::npos);
}

TEST_P(RedFlagsTest, AmendmentsThatRaiseAContractAreFlagged) {
  json contract = {{"id", "c1"}, {"awardID", "a1"}, {"value", money(1000)}};
  import({process("ocds-t-amend", "1", "2024-01-01T00:00:00Z", {{"id", "t"}, {"procurementMethod", "open"}},
                  award("MX-RFC-AAA", 1000), json::array({contract}))});
  EXPECT_TRUE(flags_of("ocds-t-amend").empty());
  contract["value"] = money(1500);
  import({process("ocds-t-amend", "2", "2024-06-01T00:00:00Z", {{"id", "t"}}, nullptr, json::array({contract}))});
  EXPECT_EQ(flags_of("ocds-t-amend"), (std::map<std::string, double>{{"MX02", 0.5}}));
}

TEST_P(RedFlagsTest, RecomputingFindsASupplierThatTakesMostOfABuyersSpending) {
  std::vector<json> releases;
  for (int i = 0; i < 6; ++i) {
    std::string supplier = i < 4 ? "MX-RFC-DOM" : "MX-RFC-OTR" + std::to_string(i);
    releases.push_back(process("ocds-t-c" + std::to_string(i), "1", "2024-01-01T00:00:00Z",
                               {{"id", "t"}, {"procurementMethod", "open"}}, award(supplier, 100)));
  }
  import(releases);
  FlagRun run = app_->app().red_flags().recompute_all(Actor::system("prueba"));
  EXPECT_EQ(run.processes, 6);
  EXPECT_EQ(run.by_code["MX04"], 2);  // the buyer and the dominant supplier, 4 of 6 = 0.667

  auto visitor = app_->client();
  auto list = visitor.get("/api/v1/flags?code=MX04").json();
  ASSERT_EQ(list["meta"]["total"], 2);
  for (const auto& flag : list["data"]) {
    EXPECT_NEAR(flag["value"].get<double>(), 4.0 / 6.0, 1e-9);
    EXPECT_FALSE(flag["why"].get<std::string>().empty());
  }
  auto page = visitor.get("/senales?code=MX04");
  EXPECT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("Proveedora MX-RFC-DOM"), std::string::npos);
  // 4 of 6: a share of the buyer's spending, as a percentage; what it is, once in the heading.
  EXPECT_NE(page.body.find(R"(<span class="number">66.7 %</span>)"), std::string::npos);
  EXPECT_NE(page.body.find("Valor <small>(La proporción del gasto del comprador.)</small>"), std::string::npos);
  EXPECT_EQ(visitor.get("/api/v1/flags?code=R999").status, 400u);
  // The whole list: each indicator once, with how many it raised about what.
  auto summary = visitor.get("/senales");
  EXPECT_NE(summary.body.find("2 señales: 1 comprador · 1 licitante o proveedor"), std::string::npos);
  EXPECT_NE(summary.body.find(R"(href="/senales?code=MX04")"), std::string::npos);
  EXPECT_NE(visitor.get("/senales?scope=buyer").body.find(R"(<a href="/senales?code=MX04&amp;scope=buyer">1 comprador</a>)"),
            std::string::npos);
  auto unknown_place = visitor.get("/api/v1/flags?jurisdiction=atlantida");
  EXPECT_EQ(unknown_place.status, 400u);
  EXPECT_NE(unknown_place.body.find("jurisdiction"), std::string::npos);
  auto csv = visitor.get("/senales.csv?code=MX04");
  EXPECT_NE(csv.body.find("MX04"), std::string::npos);

  // Cardinal's tenderer flags name the publisher's party id; the list names its organisation.
  auto connection = app_->app().database().connect();
  connection->execute(
      "INSERT INTO red_flags (code, scope, subject, value, detail, computed_at) "
      "VALUES ('R025', 'tenderer', 'MX-RFC-OTR4', 0.1, '', '2024-01-01T00:00:00Z'), "
      "('R025', 'tenderer', 'MX-RFC-NADIE', 0.1, '', '2024-01-01T00:00:00Z')");
  auto r025 = visitor.get("/api/v1/flags?code=R025").json()["data"];
  ASSERT_EQ(r025.size(), 2u);
  EXPECT_EQ(r025[0]["label"], "MX-RFC-NADIE");  // not in any process: its id
  EXPECT_FALSE(r025[0].contains("url"));
  EXPECT_EQ(r025[1]["label"], "Proveedora MX-RFC-OTR4");
  EXPECT_EQ(r025[1]["url"].get<std::string>().rfind("/organizaciones/", 0), 0u);
  // And the organisation's own page finds the flag through its party id.
  std::string org_path = r025[1]["url"].get<std::string>().substr(std::string("/organizaciones/").size());
  auto organization = visitor.get("/api/v1/organizations/" + org_path).json()["data"];
  ASSERT_EQ(organization["flags"].size(), 1u);
  EXPECT_EQ(organization["flags"][0]["code"], "R025");
}

TEST_P(RedFlagsTest, TheProcessPageExplainsItsFlags) {
  import({process("ocds-t-direct", "1", "2024-01-01T00:00:00Z",
                  {{"id", "t"}, {"title", "Compra de patrullas"}, {"procurementMethod", "direct"}, {"value", money(3'000'000)}},
                  award("MX-RFC-AAA", 3'000'000))});
  auto page = app_->client().get("/contrataciones/ocds-t-direct");
  ASSERT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("MX01 · Adjudicación directa de monto alto"), std::string::npos);
  EXPECT_NE(page.body.find("sin competencia"), std::string::npos);
  auto api = app_->client().get("/api/v1/processes/ocds-t-direct/flags").json();
  ASSERT_EQ(api["data"].size(), 1u);
  EXPECT_EQ(api["data"][0]["code"], "MX01");
  auto listed = app_->client().get("/api/v1/flags?code=MX01").json()["data"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["label"], "Compra de patrullas");
  EXPECT_EQ(listed[0]["url"], "/contrataciones/ocds-t-direct");
}

// Each value is shown with its unit: money with its currency, shares as
// percentages, counts as whole numbers; the always-1 flags show no number.
TEST(RedFlagValues, AreShownWithTheirUnit) {
  FlagSettings settings = FlagSettings::defaults();
  std::map<std::string, RedFlagInfo> catalog;
  for (auto& info : red_flag_catalog(settings)) catalog[info.code] = info;
  EXPECT_EQ(flag_value_text(catalog["MX01"], 4960000, settings), "$4,960,000.00 MXN");
  EXPECT_EQ(flag_value_text(catalog["R025"], 0.7887, settings), "78.9 %");
  EXPECT_EQ(flag_value_text(catalog["MX02"], 1.55, settings), "155 %");
  EXPECT_EQ(flag_value_text(catalog["MX03"], 203.075, settings), "20,307.5 %");
  EXPECT_EQ(flag_value_text(catalog["R024"], 0, settings), "0 %");
  EXPECT_EQ(flag_value_text(catalog["R048"], 7, settings), "7");
  EXPECT_EQ(flag_value_text(catalog["R018"], 1, settings), "");
  // Plain words and plurals in the explanations, no OCDS field paths.
  for (const auto& [code, info] : catalog) {
    EXPECT_EQ(info.how.find("tender/"), std::string::npos) << code << ": " << info.how;
    EXPECT_EQ(info.how.find(" 1 licitantes"), std::string::npos) << code << ": " << info.how;
  }
  EXPECT_NE(catalog["MX01"].how.find("más de $1,000,000.00 MXN"), std::string::npos) << catalog["MX01"].how;
  EXPECT_NE(catalog["R035"].how.find("al menos 1 licitante más fue descalificado"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, RedFlagsTest, ::testing::ValuesIn(testing::available_backends()),
                         testing::BackendName());

}  // namespace
}  // namespace apertura::money
