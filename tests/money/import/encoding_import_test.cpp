// Files in Latin-1 and Windows-1252, as some Mexican publishers still
// produce them: refused naming the encoding when not chosen, converted while
// read when chosen (plain, gzip and in memory, across read chunks), on both
// databases; and the upload API's choice kept with the job.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <thread>

#include "money/contracting/contracting_repository.h"
#include "money/import/ocds_importer.h"
#include "money/ocds/source_encoding.h"
#include "support/test_app.h"
#include "support/test_database.h"

namespace apertura::money {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A JSON Lines release whose title is given as raw bytes (not UTF-8).
std::string raw_release(const std::string& ocid, const std::string& title_bytes) {
  return R"({"ocid":")" + ocid + R"(","id":"1","date":"2024-01-01T00:00:00Z","tag":["tender"],)" +
         R"("tender":{"id":"t","title":")" + title_bytes + "\"}}\n";
}

// "Adquisición de vehículos “ligeros” — 5 €" in Windows-1252.
const std::string kTitle1252 = "Adquisici\xF3n de veh\xED" "culos \x93ligeros\x94 \x97 5 \x80";
const std::string kTitleUtf8 = "Adquisición de vehículos “ligeros” — 5 €";

class EncodingImportTest : public testing::BackendTest {
 protected:
  ImportSummary import_text(const std::string& text, SourceEncoding encoding) {
    ImportOptions options;
    options.encoding = encoding;
    OcdsImporter importer(db().database(), Actor::system("prueba"), options);
    return importer.import_text(text, "antiguo.json");
  }
  ImportSummary import_gzip(const std::string& text, SourceEncoding encoding) {
    fs::path path = fs::temp_directory_path() / ("apertura-encoding-" + GetParam() + ".jsonl.gz");
    gzFile out = gzopen(path.c_str(), "wb");
    gzwrite(out, text.data(), static_cast<unsigned>(text.size()));
    gzclose(out);
    ImportOptions options;
    options.encoding = encoding;
    OcdsImporter importer(db().database(), Actor::system("prueba"), options);
    ImportSummary summary = importer.import_file(path.string(), "antiguo.jsonl.gz");
    fs::remove(path);
    return summary;
  }
  std::string title(const std::string& ocid) {
    auto connection = db().database().connect();
    auto text = ContractingRepository::compiled_of(*connection, ocid);
    return text ? json::parse(*text)["tender"]["title"].get<std::string>() : "";
  }
  int64_t releases() {
    auto connection = db().database().connect();
    return connection->query_one("SELECT COUNT(*) AS n FROM ocds_releases")->integer("n");
  }
};

TEST_P(EncodingImportTest, AFileInWindows1252IsRefusedNamingItsEncodingAndTheFix) {
  ImportSummary summary = import_text(raw_release("ocds-enc-1", kTitle1252), SourceEncoding::utf8);
  ASSERT_TRUE(summary.refused);
  EXPECT_NE(summary.refused->find("no está en UTF-8"), std::string::npos) << *summary.refused;
  EXPECT_NE(summary.refused->find("byte 0xF3 de la línea 1 parece Windows-1252, donde es «ó»"), std::string::npos)
      << *summary.refused;
  EXPECT_NE(summary.refused->find("--encoding windows-1252"), std::string::npos);
  EXPECT_NE(summary.refused->find("iconv -f WINDOWS-1252 -t UTF-8"), std::string::npos);
  EXPECT_EQ(releases(), 0) << "nothing written";
}

TEST_P(EncodingImportTest, AFileWithOnlyLatinLettersIsSaidToBeLatin1) {
  ImportSummary summary = import_text(raw_release("ocds-enc-2", "Pavimentaci\xF3n en Tlaquepaque, Espa\xF1" "a"),
                                      SourceEncoding::utf8);
  ASSERT_TRUE(summary.refused);
  EXPECT_NE(summary.refused->find("parece Latin-1 (ISO-8859-1), donde es «ó»"), std::string::npos) << *summary.refused;
  EXPECT_NE(summary.refused->find("--encoding latin1"), std::string::npos);
}

TEST_P(EncodingImportTest, AUtf16FileIsNamedAsSuch) {
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string(R"({"ocid":"x"})")) utf16 += std::string{c, '\0'};
  ImportSummary summary = import_text(utf16, SourceEncoding::utf8);
  ASSERT_TRUE(summary.refused);
  EXPECT_NE(summary.refused->find("UTF-16"), std::string::npos) << *summary.refused;
}

TEST_P(EncodingImportTest, Windows1252IsConvertedWhileReadingInMemoryAndFromGzip) {
  ImportSummary summary = import_text(raw_release("ocds-enc-3", kTitle1252), SourceEncoding::windows1252);
  ASSERT_FALSE(summary.refused) << *summary.refused;
  EXPECT_EQ(summary.imported, 1);
  EXPECT_EQ(title("ocds-enc-3"), kTitleUtf8);

  // Enough releases to cross the reader's chunks many times, a converted
  // character landing on every boundary sooner or later.
  std::string lines;
  for (int i = 0; i < 6000; ++i) lines += raw_release("ocds-enc-gz-" + std::to_string(i), kTitle1252);
  summary = import_gzip(lines, SourceEncoding::windows1252);
  ASSERT_FALSE(summary.refused) << *summary.refused;
  EXPECT_EQ(summary.imported, 6000);
  EXPECT_EQ(summary.rejected, 0);
  EXPECT_EQ(title("ocds-enc-gz-0"), kTitleUtf8);
  EXPECT_EQ(title("ocds-enc-gz-5999"), kTitleUtf8);
}

TEST_P(EncodingImportTest, Latin1KeepsEveryByteAsItsLetter) {
  ImportSummary summary = import_text(raw_release("ocds-enc-4", "Ni\xF1" "os y ni\xF1" "as \xBF" "cu\xE1nto\xBF"),
                                      SourceEncoding::latin1);
  ASSERT_FALSE(summary.refused) << *summary.refused;
  EXPECT_EQ(title("ocds-enc-4"), "Niños y niñas ¿cuánto¿");
}

TEST_P(EncodingImportTest, AByteWindows1252DoesNotDefineIsAClearError) {
  ImportSummary summary = import_text(raw_release("ocds-enc-5", "caracter \x81 indefinido"),
                                      SourceEncoding::windows1252);
  ASSERT_TRUE(summary.refused);
  EXPECT_NE(summary.refused->find("el byte 0x81 no es un carácter de Windows-1252"), std::string::npos)
      << *summary.refused;
  EXPECT_EQ(releases(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, EncodingImportTest, ::testing::ValuesIn(testing::available_backends()),
                         testing::BackendName());

class EncodingUploadTest : public testing::AppTest {};

TEST_P(EncodingUploadTest, TheUploadApiTakesTheEncodingAndTheJobKeepsIt) {
  int64_t finance = app_->create_jalisco_finance();
  app_->create_user("funcionaria@example.mx", Role::official, finance);
  auto official = app_->signed_in_client("funcionaria@example.mx");
  auto post = [&](const std::string& query) {
    return official.request("POST", "/api/v1/ocds/imports" + query, raw_release("ocds-enc-api", kTitle1252),
                            "application/x-ndjson", {{"X-CSRF-Token", official.cookie("apertura_csrf")}});
  };
  auto unknown = post("?name=a.jsonl&encoding=ebcdic");
  ASSERT_EQ(unknown.status, 422u) << unknown.body;
  EXPECT_EQ(unknown.json()["error"]["fields"][0]["field"], "encoding");

  auto refused = post("?name=a.jsonl&wait=1");
  ASSERT_EQ(refused.status, 422u) << refused.body;
  EXPECT_NE(refused.body.find("parece Windows-1252"), std::string::npos) << refused.body;

  auto done = post("?name=a.jsonl&wait=1&encoding=windows-1252");
  ASSERT_EQ(done.status, 201u) << done.body;
  json job = done.json()["data"];
  EXPECT_EQ(job["encoding"], "windows-1252");
  EXPECT_EQ(job["imported"], 1);
  auto process = app_->client().get("/api/v1/processes/ocds-enc-api").json()["data"];
  EXPECT_EQ(process["title"], kTitleUtf8);
  auto page = official.get("/contrataciones/importaciones/" + std::to_string(job["id"].get<int64_t>()));
  EXPECT_NE(page.body.find("<dd>Windows-1252</dd>"), std::string::npos);
  auto form = official.get("/contrataciones/importar");
  EXPECT_NE(form.body.find(R"(<option value="windows-1252">Windows-1252</option>)"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, EncodingUploadTest, ::testing::ValuesIn(testing::available_backends()),
                         testing::BackendName());

}  // namespace
}  // namespace apertura::money
