#pragma once
// The import's sentences for people, in one table (messages.cpp): upload
// checks, job states and the reasons a release or a file is refused.
#include <string>
#include <string_view>

#include "core/messages.h"

namespace apertura::money {

enum class ImportMsg {
  pick_a_file,
  file_empty,
  file_name_unusable,
  file_name_field,
  encoding_unknown,
  encoding_field,
  ocds_version_unknown,
  ocds_version_field,
  jurisdiction_unknown,
  jurisdiction_unknown_field,
  job_not_found,
  job_finished,
  cancelled_before_start,
  cancelled_while_running,
  upload_gone,
  internal_error,
  status_queued,
  status_running,
  status_done,
  status_failed,
  refused_at_line,
  package_not_json,
  item_not_json,
  record_not_object,
  record_without_releases,
  release_not_object,
  release_without_ocid,
  release_without_id,
  release_without_date,
  cannot_compile,
};

// The Spanish sentence, with {} where values go.
std::string_view text(ImportMsg message);

template <typename... Values>
std::string say(ImportMsg message, const Values&... values) {
  return fill_in(text(message), values...);
}

}  // namespace apertura::money
