#include "core/document_upload.h"

#include <cctype>

#include "core/text.h"

namespace apertura {

Result<std::string> check_document_upload(const std::string& file_name, const std::string& data) {
  if (data.empty()) return Error::invalid("El archivo está vacío.", {{"file", "elige un archivo"}});
  if (data.size() > kMaxEvidenceBytes) {
    return Error::invalid("El archivo pesa más de 10 MB.", {{"file", "sube un archivo de hasta 10 MB"}});
  }
  auto type = detect_evidence_type(file_name, data);
  if (!type) {
    return Error::invalid("Ese tipo de archivo no se acepta.",
                          {{"file", "sube un PDF, una imagen PNG o JPEG, o un CSV en UTF-8"}});
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

}  // namespace apertura
