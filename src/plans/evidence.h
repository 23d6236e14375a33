#pragma once
// Evidence that a milestone was met: an uploaded file (PDF, PNG, JPEG or CSV)
// or a link, which civil-society members validate or contest with a comment.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/document_upload.h"
#include "core/result.h"

namespace apertura::plans {

struct Evidence {
  int64_t id = 0;
  int64_t milestone_id = 0;
  std::string kind;  // "file" or "link"
  std::string ref_kind;  // "contract" when the link is to a record of Apertura; "" otherwise
  std::string ref_id;    // the contracting process's ocid
  std::string title;
  std::string url;  // links only
  std::string file_name;
  std::string content_type;
  int64_t size = 0;
  std::string sha256;
  std::string storage;  // "database" or "disk"
  std::string added_by_name;
  std::string validation = "pending";  // "pending", "validated", "contested"
  std::string validation_comment;
  std::string validated_by_name;
  std::optional<std::string> validated_at;
  std::string created_at;
  int64_t version = 0;  // bumped by every validation; a verdict on an older copy is a conflict

  nlohmann::json to_json() const;
};

}  // namespace apertura::plans
