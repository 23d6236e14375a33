#include "catalog/quality.h"

#include <algorithm>
#include <cmath>

#include "catalog/resource_format.h"
#include "core/date.h"
#include "core/text.h"

namespace apertura::catalog {

std::string quality_check_name(QualityCheck check) {
  switch (check) {
    case QualityCheck::description: return "description";
    case QualityCheck::publisher: return "publisher";
    case QualityCheck::contact: return "contact";
    case QualityCheck::period: return "period";
    case QualityCheck::place: return "place";
    case QualityCheck::tags: return "tags";
    case QualityCheck::groups: return "groups";
    case QualityCheck::open_format: return "open_format";
    case QualityCheck::machine_readable: return "machine_readable";
    case QualityCheck::fresh: return "fresh";
    case QualityCheck::links: return "links";
  }
  return "";
}

nlohmann::json DatasetQuality::to_json() const {
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& r : results) {
    checks.push_back({{"check", quality_check_name(r.check)}, {"passed", r.passed}, {"points", r.points}, {"max", r.max}});
  }
  return {{"score", score}, {"checks", checks}};
}

DatasetQuality assess_quality(const Dataset& d, const std::string& today) {
  DatasetQuality quality;
  auto add = [&quality](QualityCheck check, bool passed, double max) {
    quality.results.push_back({check, passed, passed ? max : 0, max});
  };
  const double part = 30.0 / 7;
  add(QualityCheck::description, utf8_length(d.description) >= 80, part);
  add(QualityCheck::publisher, d.institution_id.has_value(), part);
  add(QualityCheck::contact, !d.contact_email.empty(), part);
  add(QualityCheck::period, !d.temporal_start.empty() || !d.temporal_end.empty(), part);
  add(QualityCheck::place, !d.spatial.empty(), part);
  add(QualityCheck::tags, !d.tags.empty(), part);
  add(QualityCheck::groups, !d.groups.empty(), part);
  bool open = false, readable = false;
  for (const auto& r : d.resources) {
    open = open || is_open_format(r.format);
    readable = readable || is_machine_readable(r.format);
  }
  add(QualityCheck::open_format, open, 20);
  add(QualityCheck::machine_readable, readable, 20);
  bool fresh = true;
  if (auto days = frequency_days(d.frequency); days && is_iso_date(d.updated_at.substr(0, 10))) {
    fresh = days_between(d.updated_at.substr(0, 10), today) <= *days;
  }
  add(QualityCheck::fresh, fresh, 15);
  bool links = std::none_of(d.resources.begin(), d.resources.end(), [](const Resource& r) { return r.link_broken(); });
  add(QualityCheck::links, links, 15);
  double total = 0;
  for (const auto& r : quality.results) total += r.points;
  quality.score = static_cast<int>(std::lround(total));
  return quality;
}

}  // namespace apertura::catalog
