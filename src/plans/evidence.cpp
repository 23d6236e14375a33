#include "plans/evidence.h"

#include "core/text.h"
#include "plans/messages.h"

namespace apertura::plans {

nlohmann::json Evidence::to_json() const {
  nlohmann::json json = {{"id", id},
                         {"milestone_id", milestone_id},
                         {"kind", kind},
                         {"title", title},
                         {"added_by_name", added_by_name},
                         {"validation", validation},
                         {"validation_comment", validation_comment},
                         {"validated_by_name", validated_by_name},
                         {"validated_at", validated_at ? nlohmann::json(*validated_at) : nlohmann::json()},
                         {"created_at", created_at}};
  if (kind == "link") {
    json["url"] = url;
    if (!ref_kind.empty()) json["reference"] = {{"kind", ref_kind}, {"id", ref_id}};
  } else {
    json["url"] = "/evidencias/" + std::to_string(id);
    json["file_name"] = file_name;
    json["content_type"] = content_type;
    json["size"] = size;
    json["sha256"] = sha256;
  }
  return json;
}

Result<std::string> check_document_upload(const std::string& file_name, const std::string& data) {
  if (data.empty()) return Error::invalid(say(Msg::file_empty), {{"file", say(Msg::pick_a_file)}});
  if (data.size() > kMaxEvidenceBytes) {
    return Error::invalid(say(Msg::file_too_large), {{"file", say(Msg::file_up_to_10mb)}});
  }
  auto type = detect_evidence_type(file_name, data);
  if (!type) {
    return Error::invalid(say(Msg::file_type_refused),
                          {{"file", say(Msg::file_types_accepted)}});
  }
  return *type;
}

std::optional<std::string> detect_evidence_type(const std::string& file_name, const std::string& data) {
  auto starts = [&](std::string_view magic) { return data.compare(0, magic.size(), magic) == 0; };
  if (starts("%PDF-")) return "application/pdf";
  if (starts("\x89PNG\r\n\x1a\n")) return "image/png";
  if (starts("\xFF\xD8\xFF")) return "image/jpeg";
  std::string lower = to_lower_ascii(file_name);
  bool csv_name = lower.size() > 4 && lower.compare(lower.size() - 4, 4, ".csv") == 0;
  if (csv_name && !data.empty() && data.find('\0') == std::string::npos && is_valid_utf8(data)) return "text/csv";
  return std::nullopt;
}

std::string safe_file_name(const std::string& name, const std::string& fallback) {
  size_t slash = name.find_last_of("/\\");
  std::string base = name.substr(slash == std::string::npos ? 0 : slash + 1);
  std::string out;
  for (char c : base) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
    out += ok ? c : '_';
  }
  if (out.size() > 120) out = out.substr(out.size() - 120);
  return out.empty() ? fallback : out;
}

}  // namespace apertura::plans
