#include "catalog/quality.h"

#include <gtest/gtest.h>

namespace apertura::catalog {
namespace {

Dataset complete() {
  Dataset d;
  d.description = std::string(100, 'x');
  d.institution_id = 7;
  d.contact_email = "datos@jalisco.gob.mx";
  d.temporal_start = "2026-01-01";
  d.spatial = "Jalisco";
  d.tags = {"agua"};
  d.groups = {DatasetGroup{1, "salud", "Salud", "", "", 0}};
  d.frequency = Frequency::monthly;
  d.updated_at = "2026-11-20T10:00:00Z";
  Resource csv;
  csv.format = "CSV";
  d.resources = {csv};
  return d;
}

TEST(DatasetQuality, ACompleteFreshCsvScoresAHundred) {
  DatasetQuality q = assess_quality(complete(), "2026-12-07");
  EXPECT_EQ(q.score, 100);
  for (const auto& r : q.results) EXPECT_TRUE(r.passed) << quality_check_name(r.check);
}

TEST(DatasetQuality, EachMissingThingCostsItsShare) {
  Dataset pdf_only = complete();
  pdf_only.resources[0].format = "PDF";  // open, but not data
  EXPECT_EQ(assess_quality(pdf_only, "2026-12-07").score, 80);
  Dataset xlsx = complete();
  xlsx.resources[0].format = "XLSX";  // data, but not an open format
  EXPECT_EQ(assess_quality(xlsx, "2026-12-07").score, 80);
  Dataset stale = complete();
  EXPECT_EQ(assess_quality(stale, "2027-01-10").score, 85);  // a monthly dataset 51 days old
  stale.frequency = Frequency::irregular;
  EXPECT_EQ(assess_quality(stale, "2027-01-10").score, 100);  // no fixed frequency: never late
  Dataset bare = complete();
  bare.description = "corta";
  bare.contact_email.clear();
  bare.tags.clear();
  EXPECT_EQ(assess_quality(bare, "2026-12-07").score, 87);  // 100 - 3 x 30/7
  Dataset nothing;
  nothing.updated_at = "2026-12-07T00:00:00Z";
  EXPECT_EQ(assess_quality(nothing, "2026-12-07").score, 30);  // only "fresh" and "links"
  Dataset broken = complete();
  Resource link;
  link.format = "HTML";
  link.url = "https://ejemplo.gob.mx/ya-no";
  link.link_checked_at = "2026-12-06T10:00:00Z";
  link.link_status = 404;
  broken.resources.push_back(link);
  EXPECT_EQ(assess_quality(broken, "2026-12-07").score, 85);
  broken.resources.back().link_status = 200;
  EXPECT_EQ(assess_quality(broken, "2026-12-07").score, 100);
}

}  // namespace
}  // namespace apertura::catalog
