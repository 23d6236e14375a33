#include "plans/session.h"

namespace apertura::plans {

nlohmann::json SessionAgreement::to_json() const {
  return {{"id", id}, {"session_id", session_id}, {"description", description}, {"owner", owner},
          {"due_on", due_on}, {"status", status}};
}

nlohmann::json SessionDocument::to_json() const {
  return {{"id", id},
          {"session_id", session_id},
          {"title", title},
          {"file_name", file_name},
          {"content_type", content_type},
          {"size", size},
          {"sha256", sha256},
          {"added_by_name", added_by_name},
          {"created_at", created_at},
          {"url", url()}};
}

nlohmann::json SecretariatSession::to_json() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& a : agreements) list.push_back(a.to_json());
  nlohmann::json files = nlohmann::json::array();
  for (const auto& d : documents) files.push_back(d.to_json());
  return {{"id", id},         {"jurisdiction_id", jurisdiction_id}, {"held_on", held_on}, {"place", place},
          {"agenda", agenda}, {"minutes", minutes},                 {"attendance", attendance},
          {"agreements", list}, {"documents", files}};
}

}  // namespace apertura::plans
