// OCDS imports in the background: queued by the page or the API, followed by
// their progress, listed, and resumed after a restart; on both databases.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "money/import/import_job_repository.h"
#include "support/test_app.h"

namespace apertura::money {
namespace {

using nlohmann::json;
using testing::HttpClient;
using testing::HttpResponse;

std::string releases(const std::string& prefix, int count, int processes) {
  std::string lines;
  for (int i = 0; i < count; ++i) {
    lines += json{{"ocid", prefix + std::to_string(i % processes)},
                  {"id", std::to_string(i)},
                  {"date", "2024-02-01T00:00:00Z"},
                  {"tag", {"tender"}},
                  {"tender", {{"id", "t"}, {"title", "Compra de ambulancias"}, {"description", std::string(300, 'x')}}}}
                 .dump() +
             "\n";
  }
  return lines;
}

class ImportJobHttpTest : public testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    int64_t finance = app_->create_jalisco_finance();
    app_->create_user("funcionaria@example.mx", Role::official, finance);
  }
  HttpResponse post(HttpClient& client, const std::string& query, const std::string& body) {
    return client.request("POST", "/api/v1/ocds/imports" + query, body, "application/x-ndjson",
                          {{"X-CSRF-Token", client.cookie("apertura_csrf")}});
  }
  // Asks for the job until `done` says so (at most a minute); returns the last answer.
  json poll(HttpClient& client, int64_t id, const std::function<bool(const json&)>& done) {
    json job;
    for (int i = 0; i < 6000; ++i) {
      job = client.get("/api/v1/ocds/imports/" + std::to_string(id)).json()["data"];
      if (done(job)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return job;
  }
  static bool ended(const json& job) { return job["status"] == "done" || job["status"] == "failed"; }
  // The worker removes a job's file just after storing its end, so a client that
  // saw the end may look a moment before the file goes: wait up to five seconds.
  bool uploads_empty() {
    for (int i = 0; i < 500; ++i) {
      if (std::filesystem::is_empty(app_->upload_dir())) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }
};

TEST_P(ImportJobHttpTest, TheServerMakesItsUploadFolderAndUploadsGoThere) {
  std::filesystem::remove_all(app_->upload_dir());
  app_->restart();
  ASSERT_TRUE(std::filesystem::is_directory(app_->upload_dir()));
  auto official = app_->signed_in_client("funcionaria@example.mx");
  auto queued = post(official, "?name=uno.jsonl", releases("ocds-carpeta-", 3, 3));
  ASSERT_EQ(queued.status, 202u) << queued.body;
  EXPECT_EQ(poll(official, queued.json()["data"]["id"], ended)["status"], "done");
  EXPECT_TRUE(uploads_empty());
}

TEST_P(ImportJobHttpTest, AnUploadIsQueuedFollowedAndListed) {
  auto official = app_->signed_in_client("funcionaria@example.mx");
  std::string file = releases("ocds-job-", 300, 100) + "{\"ocid\": \"sin-fecha\", \"id\": \"x\"}\n";
  auto queued = post(official, "?name=ambulancias.jsonl", file);
  ASSERT_EQ(queued.status, 202u) << queued.body;
  json job = queued.json()["data"];
  EXPECT_EQ(job["file_name"], "ambulancias.jsonl");
  EXPECT_EQ(job["size_bytes"], file.size());
  EXPECT_EQ(job["requested_by"], "Persona funcionaria@example.mx");
  int64_t id = job["id"];
  EXPECT_EQ(queued.header("location"), "/api/v1/ocds/imports/" + std::to_string(id));

  job = poll(official, id, ended);
  ASSERT_EQ(job["status"], "done") << job.dump();
  EXPECT_EQ(job["status_label"], "Terminada");
  EXPECT_EQ(job["imported"], 300);
  EXPECT_EQ(job["rejected"], 1);
  EXPECT_EQ(job["processes"], 100);
  ASSERT_EQ(job["problems"].size(), 1u);
  EXPECT_EQ(job["problems"][0]["line"], 301);
  EXPECT_EQ(job["starts"], 1);
  EXPECT_TRUE(job["progress"].is_null());
  EXPECT_FALSE(job["finished_at"].is_null());
  EXPECT_EQ(app_->client().get("/api/v1/processes?q=ambulancias").json()["meta"]["total"], 100);
  EXPECT_TRUE(uploads_empty()) << "the file goes once its job ends";

  // Its page shows the result with the problem; the list links to it.
  auto page = official.get("/contrataciones/importaciones/" + std::to_string(id));
  ASSERT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("<strong>300</strong> entregas importadas"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("falta `date`"), std::string::npos);
  EXPECT_EQ(page.body.find("<progress"), std::string::npos);
  auto list = official.get("/contrataciones/importaciones");
  ASSERT_EQ(list.status, 200u);
  EXPECT_NE(list.body.find("href=\"/contrataciones/importaciones/" + std::to_string(id) + "\""), std::string::npos);
  auto csv = official.get("/contrataciones/importaciones.csv");
  EXPECT_NE(csv.body.find("ambulancias.jsonl"), std::string::npos);
  EXPECT_NE(csv.body.find("Terminada"), std::string::npos);
  auto api_list = official.get("/api/v1/ocds/imports").json();
  EXPECT_EQ(api_list["meta"]["total"], 1);
  EXPECT_EQ(api_list["data"][0]["id"], id);

  // Unknown jobs and bad ids are 404s.
  EXPECT_EQ(official.get("/api/v1/ocds/imports/999999").status, 404u);
  EXPECT_EQ(official.get("/contrataciones/importaciones/abc").status, 404u);
}

// A release published twice with other content has its own count and its
// processes named, on the API and the job's page, so the publisher can be told.
TEST_P(ImportJobHttpTest, CopiesOfAReleaseWithOtherContentAreCountedAndNamed) {
  auto official = app_->signed_in_client("funcionaria@example.mx");
  std::string file = releases("ocds-copia-", 4, 2);
  json changed = json::parse(file.substr(0, file.find('\n')));
  changed["tender"]["title"] = "Compra de ambulancias (corregida)";
  file += changed.dump() + "\n" + file.substr(0, file.find('\n') + 1);  // a changed copy, then an identical one
  auto queued = post(official, "?name=copias.jsonl", file);
  ASSERT_EQ(queued.status, 202u) << queued.body;
  int64_t id = queued.json()["data"]["id"];
  json job = poll(official, id, ended);
  ASSERT_EQ(job["status"], "done") << job.dump();
  EXPECT_EQ(job["imported"], 5);
  EXPECT_EQ(job["duplicates"], 1);
  EXPECT_EQ(job["changed_copies"], 1);
  EXPECT_EQ(job["changed_copy_ocids"], json::array({"ocds-copia-0"}));
  EXPECT_EQ(job["merge_rules"], (json{{"1.0", 6}, {"unstated", 6}})) << "JSON Lines state no version";

  app_->restart();  // the counts are stored with the job
  auto again = app_->signed_in_client("funcionaria@example.mx");
  EXPECT_EQ(again.get("/api/v1/ocds/imports/" + std::to_string(id)).json()["data"]["changed_copy_ocids"],
            json::array({"ocds-copia-0"}));
  auto page = again.get("/contrataciones/importaciones/" + std::to_string(id));
  ASSERT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("Misma entrega publicada con otro contenido: 1"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("<a href=\"/contrataciones/ocds-copia-0\">ocds-copia-0</a>"), std::string::npos);
  EXPECT_NE(page.body.find("Reglas de combinación: OCDS 1.0 (esquema 1.0.3) en 6 entregas leídas, 6 de ellas de "
                           "paquetes que no dicen su versión"),
            std::string::npos);
  // The process page lists both versions of the release.
  auto process = again.get("/contrataciones/ocds-copia-0");
  ASSERT_EQ(process.status, 200u);
  EXPECT_NE(process.body.find("versión 2 publicada con el mismo identificador y otro contenido"), std::string::npos);
  EXPECT_EQ(app_->client().get("/api/v1/processes?q=corregida").json()["meta"]["total"], 1);
}

TEST_P(ImportJobHttpTest, AFileThatIsNotOcdsFailsWithItsReasonAndLeavesNothing) {
  auto official = app_->signed_in_client("funcionaria@example.mx");
  auto queued = post(official, "?name=hoja.csv", "ocid,id\n1,2\n");
  ASSERT_EQ(queued.status, 202u) << queued.body;
  json job = poll(official, queued.json()["data"]["id"], ended);
  EXPECT_EQ(job["status"], "failed");
  EXPECT_NE(job["error"].get<std::string>().find("no es JSON"), std::string::npos) << job["error"];
  EXPECT_EQ(job["imported"], 0);
  auto page = official.get(job["url"].get<std::string>());
  EXPECT_NE(page.body.find("No se importó"), std::string::npos);
  EXPECT_EQ(app_->client().get("/api/v1/processes").json()["meta"]["total"], 0);
  EXPECT_TRUE(uploads_empty());

  // Refusals that need no import are answered at once.
  EXPECT_EQ(post(official, "", "").status, 422u);
  auto unknown = post(official, "?jurisdiction_id=999999", releases("ocds-x-", 1, 1));
  EXPECT_EQ(unknown.status, 422u);
  EXPECT_NE(unknown.body.find("jurisdiction_id"), std::string::npos);
  EXPECT_EQ(post(official, "?jurisdiction_id=abc", releases("ocds-x-", 1, 1)).status, 422u);
  auto long_name = post(official, "?name=" + std::string(300, 'a'), releases("ocds-x-", 1, 1));
  EXPECT_EQ(long_name.status, 422u);
  EXPECT_NE(long_name.body.find("\"name\""), std::string::npos);
  EXPECT_EQ(post(official, "?name=a%0Ab.json", releases("ocds-x-", 1, 1)).status, 422u);
  EXPECT_EQ(official.get("/api/v1/ocds/imports").json()["meta"]["total"], 1);
  EXPECT_TRUE(uploads_empty());
}

TEST_P(ImportJobHttpTest, AnImportUnderWayWhenTheServerStopsResumesAtTheNextStart) {
  auto official = app_->signed_in_client("funcionaria@example.mx");
  // Several batches, so that the stop comes while it runs.
  auto queued = post(official, "?name=grande.jsonl", releases("ocds-resume-", 48000, 12000));
  ASSERT_EQ(queued.status, 202u) << queued.body;
  int64_t id = queued.json()["data"]["id"];
  json running = poll(official, id, [](const json& job) {
    return ended(job) || (job["status"] == "running" && !job["progress"].is_null() &&
                          job["progress"]["releases_read"].get<int64_t>() > 0);
  });
  ASSERT_EQ(running["status"], "running") << "the import ended before the test could stop it: " << running.dump();
  ASSERT_FALSE(running["progress"]["finishing"].get<bool>()) << "it read the whole file before the test could stop it";
  EXPECT_GT(running["progress"]["percent"].get<int>(), 0);
  EXPECT_LT(running["progress"]["percent"].get<int>(), 100);
  auto page = official.get("/contrataciones/importaciones/" + std::to_string(id));
  EXPECT_NE(page.body.find("<progress"), std::string::npos);

  app_->restart();  // the import stops after its batch; the next start queues it again
  official = app_->signed_in_client("funcionaria@example.mx");
  json job = poll(official, id, ended);
  ASSERT_EQ(job["status"], "done") << job.dump();
  EXPECT_EQ(job["starts"], 2);
  // What the first run stored counts as already stored the second time.
  EXPECT_GT(job["duplicates"].get<int64_t>(), 0);
  EXPECT_EQ(job["imported"].get<int64_t>() + job["duplicates"].get<int64_t>(), 48000);
  EXPECT_EQ(app_->client().get("/api/v1/processes").json()["meta"]["total"], 12000);
  EXPECT_NE(official.get(job["url"].get<std::string>()).body.find("volvió a empezar"), std::string::npos);
  EXPECT_TRUE(uploads_empty());
}

TEST_P(ImportJobHttpTest, AnOfficialCancelsAQueuedImportAtOnceAndARunningOneAfterItsBatch) {
  auto official = app_->signed_in_client("funcionaria@example.mx");
  // Twelve batches: the reading thread hands over at most three more than
  // the writer has written, so the cancel comes well before the end.
  auto big = post(official, "?name=grande.jsonl", releases("ocds-cancel-", 48000, 12000));
  auto small = post(official, "?name=chico.jsonl", releases("ocds-chico-", 10, 10));
  ASSERT_EQ(big.status, 202u);
  ASSERT_EQ(small.status, 202u);
  int64_t big_id = big.json()["data"]["id"];
  int64_t small_id = small.json()["data"]["id"];
  json running = poll(official, big_id, [](const json& job) {
    return ended(job) || (job["status"] == "running" && !job["progress"].is_null());
  });
  ASSERT_EQ(running["status"], "running") << running.dump();

  // The second waits behind the first: it ends at once, and its file goes.
  auto delete_small = official.request("DELETE", "/api/v1/ocds/imports/" + std::to_string(small_id), "", "",
                                       {{"X-CSRF-Token", official.cookie("apertura_csrf")}});
  ASSERT_EQ(delete_small.status, 200u) << delete_small.body;
  EXPECT_EQ(delete_small.json()["data"]["status"], "failed");
  EXPECT_NE(delete_small.json()["data"]["error"].get<std::string>().find("antes de empezar"), std::string::npos);

  // The running one, from its page: it stops after the batch it is on.
  auto page = official.get("/contrataciones/importaciones/" + std::to_string(big_id));
  EXPECT_NE(page.body.find("Cancelar la importación"), std::string::npos);
  auto cancelled = official.post_form("/contrataciones/importaciones/" + std::to_string(big_id) + "/cancelar", {});
  EXPECT_EQ(cancelled.status, 303u) << cancelled.body;
  json job = poll(official, big_id, ended);
  EXPECT_EQ(job["status"], "failed");
  EXPECT_NE(job["error"].get<std::string>().find("durante la importación"), std::string::npos) << job["error"];
  EXPECT_GT(job["imported"].get<int64_t>(), 0);
  EXPECT_LT(job["imported"].get<int64_t>(), 48000);
  EXPECT_EQ(app_->client().get("/api/v1/processes?q=chico").json()["meta"]["total"], 0);
  EXPECT_TRUE(uploads_empty());

  // An ended job stays as it ended; others may not cancel.
  EXPECT_EQ(official.request("DELETE", "/api/v1/ocds/imports/" + std::to_string(big_id), "", "",
                             {{"X-CSRF-Token", official.cookie("apertura_csrf")}})
                .status,
            409u);
  app_->create_user("ciudadana@example.mx", Role::citizen);
  auto citizen = app_->signed_in_client("ciudadana@example.mx");
  EXPECT_EQ(citizen.request("DELETE", "/api/v1/ocds/imports/" + std::to_string(big_id), "", "",
                            {{"X-CSRF-Token", citizen.cookie("apertura_csrf")}})
                .status,
            403u);
}

// The worker marks a job running in the database before it starts it: a
// cancel that comes in between must still stop it.
TEST_P(ImportJobHttpTest, ACancelBetweenTheClaimAndTheStartIsKept) {
  app_->app().import_jobs().stop();  // the test claims the job as the worker would
  auto official = app_->signed_in_client("funcionaria@example.mx");
  auto queued = post(official, "?name=grande.jsonl", releases("ocds-race-", 12000, 3000));
  ASSERT_EQ(queued.status, 202u) << queued.body;
  int64_t id = queued.json()["data"]["id"];
  {
    auto connection = app_->database().database().connect();
    auto claimed = ImportJobRepository::claim_next(*connection);
    ASSERT_TRUE(claimed);
    ASSERT_EQ(claimed->id, id);
  }
  auto cancel = official.request("DELETE", "/api/v1/ocds/imports/" + std::to_string(id), "", "",
                                 {{"X-CSRF-Token", official.cookie("apertura_csrf")}});
  ASSERT_EQ(cancel.status, 200u) << cancel.body;
  EXPECT_EQ(cancel.json()["data"]["status"], "running");
  // The worker starts again, takes the job back and stops it at its first batch.
  app_->app().import_jobs().start();
  json job = poll(official, id, ended);
  EXPECT_EQ(job["status"], "failed") << job.dump();
  EXPECT_NE(job["error"].get<std::string>().find("Cancelada por"), std::string::npos) << job["error"];
  EXPECT_LT(job["imported"].get<int64_t>(), 12000);
  EXPECT_TRUE(uploads_empty());
}

TEST_P(ImportJobHttpTest, AJobWhoseFileIsGoneFailsWithAClearReason) {
  // As after a restart that emptied the temporary folder.
  {
    auto connection = app_->database().database().connect();
    ImportJob job;
    job.file_name = "perdido.json";
    job.stored_path = (std::filesystem::path(app_->upload_dir()) / "no-existe.ocds").string();
    job.size_bytes = 10;
    job.requested_by_name = "Funcionaria";
    job.requested_role = "official";
    ImportJobRepository::create(*connection, job);
  }
  app_->restart();
  auto official = app_->signed_in_client("funcionaria@example.mx");
  int64_t id = official.get("/api/v1/ocds/imports").json()["data"][0]["id"];
  json job = poll(official, id, ended);
  EXPECT_EQ(job["status"], "failed");
  EXPECT_NE(job["error"].get<std::string>().find("ya no está"), std::string::npos) << job["error"];
}

TEST_P(ImportJobHttpTest, AQueuedJobIsClaimedOnce) {
  app_->app().import_jobs().stop();  // the test claims the jobs itself
  auto connection = app_->database().database().connect();
  ImportJob job;
  job.file_name = "uno.json";
  job.stored_path = "/nonexistent";
  job.requested_by_name = "Funcionaria";
  job.requested_role = "official";
  int64_t first = ImportJobRepository::create(*connection, job);
  int64_t second = ImportJobRepository::create(*connection, job);
  auto claimed = ImportJobRepository::claim_next(*connection);
  ASSERT_TRUE(claimed);
  EXPECT_EQ(claimed->id, first);  // oldest first
  EXPECT_EQ(claimed->status, ImportJobStatus::running);
  EXPECT_EQ(claimed->starts, 1);
  EXPECT_EQ(ImportJobRepository::claim_next(*connection)->id, second);
  EXPECT_FALSE(ImportJobRepository::claim_next(*connection));
  // A stopped server's running jobs go back to the queue.
  EXPECT_EQ(ImportJobRepository::requeue_running(*connection), 2);
  EXPECT_EQ(ImportJobRepository::claim_next(*connection)->starts, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportJobHttpTest, ::testing::ValuesIn(testing::available_backends()),
                         testing::BackendName());

}  // namespace
}  // namespace apertura::money
