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

}  // namespace apertura::plans
