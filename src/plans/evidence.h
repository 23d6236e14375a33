#pragma once
// Evidence that a milestone was met: an uploaded file (PDF, PNG, JPEG or CSV)
// or a link, which civil-society members validate or contest with a comment.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

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

// The type of an uploaded file from its first bytes (and, for CSV, its name
// and text), never from what the browser declared: "application/pdf",
// "image/png", "image/jpeg", "text/csv"; nullopt for anything else.
std::optional<std::string> detect_evidence_type(const std::string& file_name, const std::string& data);

// The largest file kept as evidence or as a session's document.
constexpr size_t kMaxEvidenceBytes = 10 * 1024 * 1024;

// The rules evidence files and session documents share: not empty, up to
// kMaxEvidenceBytes, of a type detect_evidence_type knows. The type, or an
// error whose "file" field says what is wrong.
Result<std::string> check_document_upload(const std::string& file_name, const std::string& data);

// An uploaded file's name without folders, keeping letters, digits, dots,
// dashes and underscores, so it is safe in a Content-Disposition header.
std::string safe_file_name(const std::string& name, const std::string& fallback);

}  // namespace apertura::plans
