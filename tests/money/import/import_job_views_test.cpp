// What the API and the job's page say of an import under way.
#include <gtest/gtest.h>

#include "money/import/import_job_views.h"
#include "web/assets.h"
#include "web/mustache.h"

namespace apertura::money {
namespace {

ImportJob running_job(uint64_t read, bool finishing) {
  ImportJob job;
  job.id = 7;
  job.file_name = "compras.jsonl";
  job.size_bytes = 1000;
  job.status = ImportJobStatus::running;
  job.progress = ImportProgress{read, 4321, finishing};
  return job;
}

std::string status_line(const ImportJob& job) {
  web::Assets assets = web::Assets::embedded();  // file() views into it: it must outlive `source`
  auto source = assets.file("templates/money/import_job.mustache");
  EXPECT_TRUE(source.has_value());
  std::string page = web::MustacheTemplate(std::string(source.value_or(""))).render(import_job_view(job));
  size_t begin = page.find("id=\"estado-importacion\"");
  EXPECT_NE(begin, std::string::npos);
  return page.substr(begin, page.find("</p>", begin) - begin);
}

TEST(ImportJobViews, AJobThatHasReadItsWholeFileSaysItIsFinishingNotNinetyNinePercent) {
  ImportJob reading = running_job(1000, false);
  EXPECT_EQ(import_job_json(reading)["progress"]["percent"], 99) << "the last batches are still to write";
  EXPECT_EQ(import_job_json(reading)["progress"]["finishing"], false);
  EXPECT_NE(status_line(reading).find("leído el 99 % del archivo (4321 elementos)"), std::string::npos);

  ImportJob finishing = running_job(1000, true);
  EXPECT_EQ(import_job_json(finishing)["progress"]["percent"], 100);
  EXPECT_EQ(import_job_json(finishing)["progress"]["finishing"], true);
  std::string line = status_line(finishing);
  EXPECT_NE(line.find("leído todo el archivo (4321 elementos); guardando los últimos lotes"), std::string::npos)
      << line;
  EXPECT_EQ(line.find("99 %"), std::string::npos);

  EXPECT_EQ(import_job_json(running_job(250, false))["progress"]["percent"], 25);
}

}  // namespace
}  // namespace apertura::money
