#pragma once
// Files people upload as documents (a milestone's evidence, a session's
// minutes, a request's answer): what is accepted and how it is named.
#include <cstddef>
#include <optional>
#include <string>

#include "core/result.h"

namespace apertura {

// The type of an uploaded file from its first bytes (and, for CSV, its name
// and text), never from what the browser declared: "application/pdf",
// "image/png", "image/jpeg", "text/csv"; nullopt for anything else.
std::optional<std::string> detect_evidence_type(const std::string& file_name, const std::string& data);

// The largest document kept.
constexpr size_t kMaxEvidenceBytes = 10 * 1024 * 1024;

// Not empty, up to kMaxEvidenceBytes, of a type detect_evidence_type knows.
// The type, or an error whose "file" field says what is wrong.
Result<std::string> check_document_upload(const std::string& file_name, const std::string& data);

// An uploaded file's name without folders, keeping letters, digits, dots,
// dashes and underscores, so it is safe in a Content-Disposition header.
std::string safe_file_name(const std::string& name, const std::string& fallback);

}  // namespace apertura
