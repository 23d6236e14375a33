#pragma once
// How reusable a dataset is, as a score out of 100 that says what it lacks:
// - its description (30 points, in equal parts): a description of at least
//   80 characters, a publisher, a contact e-mail, the period it covers, the
//   place it covers, at least one tag and at least one topic group;
// - at least one resource in an open format (20): CSV, JSON, XML, ODS...;
// - at least one resource a program reads as data (20): not only PDFs or images;
// - fresh for its declared frequency (15): updated within the days the
//   frequency allows (a monthly dataset within 32 days); a dataset without
//   fixed frequency is fresh;
// - its links answer (15): no link of the current version failed its last
//   check (the hourly job checks each link once a day; one not yet checked
//   does not count against it).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/dataset.h"

namespace apertura::catalog {

enum class QualityCheck {
  description,
  publisher,
  contact,
  period,
  place,
  tags,
  groups,
  open_format,
  machine_readable,
  fresh,
  links
};

struct QualityResult {
  QualityCheck check;
  bool passed = false;
  double points = 0;  // earned
  double max = 0;
};

struct DatasetQuality {
  int score = 0;  // 0..100
  std::vector<QualityResult> results;

  nlohmann::json to_json() const;
};

std::string quality_check_name(QualityCheck check);
// `today` is YYYY-MM-DD.
DatasetQuality assess_quality(const Dataset& dataset, const std::string& today);

}  // namespace apertura::catalog
