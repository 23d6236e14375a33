// The datastore on both databases: a CSV resource loaded as a table with its
// types inferred, queried like CKAN's datastore_search, corrected by its
// publisher, and hostile files refused whole with a report that says why.
#include <gtest/gtest.h>

#include "catalog/datastore/datastore_repository.h"
#include "support/test_app.h"

namespace apertura {
namespace {

using catalog::DataErrorKind;
using catalog::DatastoreQuery;
using catalog::FieldType;

constexpr const char* kContracts =
    "folio,proveedor,monto,fecha,vigente\n"
    "1,\"Constructora del Valle, S.A.\",1500000.50,31/01/2026,true\n"
    "2,Papelería \"La Pluma\",2300,15/02/2026,false\n"
    "3,Servicios Médicos de Occidente,,01/03/2026,true\n";

class DatastoreTest : public apertura::testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    finance_ = app_->create_jalisco_finance();
    official_ = Actor(Role::official, app_->create_user("laura@finanzas.mx", Role::official, finance_).id, "Laura", finance_);
  }

  // A published dataset with one CSV file; returns the resource's id.
  int64_t publish_csv(const std::string& slug, const std::string& csv, bool publish = true) {
    catalog::DatasetInput input;
    input.title = "Contratos " + slug;
    input.slug = slug;
    input.institution_id = std::to_string(finance_);
    auto dataset = app_->app().datasets().create(official_, input, {{"Contratos", "", "", "", slug + ".csv", csv}},
                                                 publish).take();
    return dataset.resources.at(0).id;
  }

  static DatastoreQuery query(int64_t resource_id) {
    DatastoreQuery q;
    q.resource_id = resource_id;
    return q;
  }

  catalog::DatastoreTable table(int64_t resource_id) {
    return app_->app().datastore().table(official_, resource_id).take();
  }

  bool table_exists(int64_t resource_id) {
    auto db = app_->app().database().connect();
    try {
      db->query("SELECT COUNT(*) FROM " + catalog::DatastoreRepository::table_name(resource_id));
      return true;
    } catch (const std::exception&) {
      return false;
    }
  }

  int64_t finance_ = 0;
  Actor official_;
};

TEST_P(DatastoreTest, ACsvIsLoadedWithItsTypesInferredAndQueriedLikeCkan) {
  int64_t id = publish_csv("contratos", kContracts);
  auto loaded = table(id);
  ASSERT_TRUE(loaded.loaded()) << loaded.report.to_json().dump();
  EXPECT_EQ(loaded.row_count, 3);
  EXPECT_EQ(loaded.report.encoding, "UTF-8");
  const auto& fields = loaded.schema.fields;
  ASSERT_EQ(fields.size(), 5u);
  EXPECT_EQ(fields[0].type, FieldType::integer);
  EXPECT_EQ(fields[1].type, FieldType::string);
  EXPECT_EQ(fields[2].type, FieldType::number);
  EXPECT_EQ(fields[3].type, FieldType::date);
  EXPECT_EQ(fields[3].format, "%d/%m/%Y");
  EXPECT_EQ(fields[4].type, FieldType::boolean);

  auto& datastore = app_->app().datastore();
  DatastoreQuery all = query(id);
  all.sort = "monto desc";
  auto sorted = datastore.search(Actor::anonymous(), all).take();
  EXPECT_EQ(sorted.rows.total, 3);
  ASSERT_EQ(sorted.rows.ids.size(), 3u);
  EXPECT_EQ(sorted.rows.ids, (std::vector<int64_t>{1, 2, 3}));  // the empty amount last
  EXPECT_EQ(sorted.rows.values[0][3].as_text(), "2026-01-31");  // dates kept as ISO
  EXPECT_TRUE(sorted.rows.values[2][2].is_null());

  DatastoreQuery filtered = query(id);
  filtered.filters = {{"vigente", {"true"}}};
  filtered.fields = {"proveedor", "folio"};
  filtered.text = "médicos";
  auto found = datastore.search(Actor::anonymous(), filtered).take();
  ASSERT_EQ(found.rows.values.size(), 1u);
  EXPECT_EQ(found.fields[0].name, "proveedor");
  EXPECT_EQ(found.rows.values[0][0].as_text(), "Servicios Médicos de Occidente");
  EXPECT_EQ(found.rows.values[0][1].as_integer(), 3);

  DatastoreQuery paged = query(id);
  paged.limit = 1;
  paged.offset = 1;
  auto page = datastore.search(Actor::anonymous(), paged).take();
  EXPECT_EQ(page.rows.total, 3);
  EXPECT_EQ(page.rows.ids, (std::vector<int64_t>{2}));

  DatastoreQuery unknown = query(id);
  unknown.filters = {{"no_existe", {"1"}}};
  auto refused = datastore.search(Actor::anonymous(), unknown);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::invalid);
  DatastoreQuery wrong_type = query(id);
  wrong_type.filters = {{"folio", {"uno"}}};
  EXPECT_FALSE(datastore.search(Actor::anonymous(), wrong_type));
  DatastoreQuery bad_sort = query(id);
  bad_sort.sort = "monto; DROP TABLE users";
  EXPECT_FALSE(datastore.search(Actor::anonymous(), bad_sort));
}

TEST_P(DatastoreTest, AFileWithErrorsIsNotLoadedAndItsReportSaysWhereUntilTheTypeIsCorrected) {
  // The types are inferred from the first 1,000 rows; the errors come after them.
  std::string csv = "clave,monto\n001,10\n";
  for (int i = 0; i < 1200; ++i) csv += std::to_string(100 + i) + "," + std::to_string(i) + ".5\n";
  csv += "002,N/D\n003,20,extra\nx,no es número\n";
  int64_t id = publish_csv("montos", csv, false);
  auto report = table(id);
  EXPECT_FALSE(report.loaded());
  EXPECT_FALSE(table_exists(id));
  EXPECT_EQ(report.schema.fields[0].type, FieldType::string);  // "001" keeps its zeros
  EXPECT_EQ(report.report.counts[DataErrorKind::type_error], 2);  // inferred as a number from the first rows
  EXPECT_EQ(report.report.counts[DataErrorKind::extra_cell], 1);
  ASSERT_GE(report.report.errors.size(), 2u);
  EXPECT_EQ(report.report.errors[0].row, 1203);  // the file's line
  EXPECT_EQ(report.report.errors[0].field, "monto");
  EXPECT_EQ(report.report.errors[0].cell, "N/D");

  // The extra cell is the file's fault: a keeper corrects the type, the row stays wrong.
  auto& datastore = app_->app().datastore();
  auto still = datastore.correct_schema(official_, "montos", id, {{"string", ""}, {"string", ""}}, report.version).take();
  EXPECT_FALSE(still.loaded());
  EXPECT_EQ(still.report.error_count, 1);
  EXPECT_TRUE(still.schema_corrected);
  // An older copy of the schema is a conflict; someone else's is not theirs.
  EXPECT_EQ(datastore.correct_schema(official_, "montos", id, {{"string", ""}, {"string", ""}}, report.version).error().kind,
            ErrorKind::conflict);
  Actor citizen(Role::citizen, app_->create_user("ana@example.mx", Role::citizen).id, "Ana", std::nullopt);
  EXPECT_FALSE(datastore.correct_schema(citizen, "montos", id, {{"string", ""}, {"string", ""}}, still.version));
  auto wrong = datastore.correct_schema(official_, "montos", id, {{"texto", ""}}, still.version);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().kind, ErrorKind::invalid);

  // A clean file corrected to a type its cells do not all have fails whole, then loads as text.
  int64_t clean = publish_csv("claves", "clave,nombre\n14,Jalisco\n09,Ciudad de México\n");
  auto first = table(clean);
  ASSERT_TRUE(first.loaded());
  auto to_integer = datastore.correct_schema(official_, "claves", clean, {{"integer", ""}, {"integer", ""}}, first.version).take();
  EXPECT_FALSE(to_integer.loaded());
  EXPECT_FALSE(table_exists(clean));
  EXPECT_EQ(to_integer.report.counts[DataErrorKind::type_error], 2);
  auto back = datastore.correct_schema(official_, "claves", clean, {{"integer", ""}, {"string", ""}}, to_integer.version).take();
  EXPECT_TRUE(back.loaded());
  EXPECT_EQ(app_->app().datastore().search(Actor::anonymous(), query(clean)).take().rows.values[1][0].as_integer(), 9);
}

TEST_P(DatastoreTest, HostileFilesAreRefusedWholeWithAReport) {
  // Windows-1252 with a semicolon, as spreadsheets in Spanish save it.
  int64_t latin = publish_csv("latin", "municipio;poblaci\xF3n\nZapopan;1476491\nTlaquepaque;687127\nAcatl\xE1n;23241\n");
  auto latin_table = table(latin);
  ASSERT_TRUE(latin_table.loaded()) << latin_table.report.to_json().dump();
  EXPECT_EQ(latin_table.report.encoding, "WINDOWS-1252");
  EXPECT_EQ(latin_table.report.delimiter, ';');
  EXPECT_EQ(latin_table.schema.fields[1].name, "población");
  auto rows = app_->app().datastore().search(Actor::anonymous(), query(latin)).take();
  EXPECT_EQ(rows.rows.values[2][0].as_text(), "Acatlán");

  // 10^5 columns: refused by its header, nothing read after it.
  std::string wide;
  for (int i = 0; i < 100000; ++i) wide += (i ? ",c" : "c") + std::to_string(i);
  wide += "\n1,2\n";
  int64_t wide_id = publish_csv("ancho", wide);
  auto wide_table = table(wide_id);
  EXPECT_FALSE(wide_table.loaded());
  EXPECT_EQ(wide_table.report.counts[DataErrorKind::too_many_columns], 1);
  EXPECT_FALSE(table_exists(wide_id));

  // Blank and repeated headers, a quote left open, an empty file, UTF-8 broken half-way.
  auto headers = table(publish_csv("encabezados", "a,,a\n1,2,3\n"));
  EXPECT_EQ(headers.report.counts[DataErrorKind::blank_header], 1);
  EXPECT_EQ(headers.report.counts[DataErrorKind::duplicate_header], 1);
  auto open = table(publish_csv("comillas", "a,b\n1,\"abierta\n2,3\n"));
  EXPECT_EQ(open.report.counts[DataErrorKind::source_error], 1);
  EXPECT_FALSE(open.loaded());
  auto empty = table(publish_csv("vacio", "\n\n"));
  EXPECT_FALSE(empty.loaded());
  EXPECT_EQ(empty.report.counts[DataErrorKind::source_error], 1);
  std::string broken = "a,b\n";
  for (int i = 0; i < 80000; ++i) broken += "año,ñandú " + std::to_string(i) + "\n";  // past the first megabyte
  broken += "x,\xFF\xFE\n";
  int64_t broken_id = publish_csv("roto", broken);
  auto broken_table = table(broken_id);
  EXPECT_FALSE(broken_table.loaded());
  EXPECT_EQ(broken_table.report.counts[DataErrorKind::encoding_error], 1);
  EXPECT_FALSE(table_exists(broken_id));

  // Quotes inside quotes and a formula are data like any other.
  int64_t quotes = publish_csv("comillas-dentro", "nota,formula\n\"dijo \"\"no\"\", luego \"\"sí\"\"\",=HYPERLINK(\"x\")\n");
  auto quoted = app_->app().datastore().search(Actor::anonymous(), query(quotes)).take();
  EXPECT_EQ(quoted.rows.values[0][0].as_text(), "dijo \"no\", luego \"sí\"");
  EXPECT_EQ(quoted.rows.values[0][1].as_text(), "=HYPERLINK(\"x\")");
}

TEST_P(DatastoreTest, ADraftsTableIsItsKeepersAndAWithdrawnResourceTakesItsTableAlong) {
  int64_t id = publish_csv("borrador", kContracts, false);
  EXPECT_EQ(app_->app().datastore().table(Actor::anonymous(), id).error().kind, ErrorKind::not_found);
  EXPECT_TRUE(app_->app().datastore().table(official_, id));
  ASSERT_TRUE(table_exists(id));
  app_->app().datasets().withdraw_resource(official_, "borrador", id).take();
  EXPECT_FALSE(table_exists(id));

  // A table survives a restart.
  int64_t kept = publish_csv("permanente", kContracts);
  app_->restart();
  EXPECT_EQ(app_->app().datastore().search(Actor::anonymous(), query(kept)).take().rows.total, 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, DatastoreTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura
