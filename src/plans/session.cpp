#include "plans/session.h"

namespace apertura::plans {

nlohmann::json SessionAgreement::to_json() const {
  return {{"id", id}, {"session_id", session_id}, {"description", description}, {"owner", owner},
          {"due_on", due_on}, {"status", status}};
}

nlohmann::json SecretariatSession::to_json() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& a : agreements) list.push_back(a.to_json());
  return {{"id", id},         {"jurisdiction_id", jurisdiction_id}, {"held_on", held_on}, {"place", place},
          {"agenda", agenda}, {"minutes", minutes},                 {"attendance", attendance},
          {"agreements", list}};
}

}  // namespace apertura::plans
