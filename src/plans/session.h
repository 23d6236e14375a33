#pragma once
// A working session of the Technical Tripartite Secretariat: when and where it
// met, its agenda, its minutes (Markdown), who attended, and the agreements
// it reached, each with an owner and a due date.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace apertura::plans {

struct SessionAgreement {
  int64_t id = 0;
  int64_t session_id = 0;
  std::string description;
  std::string owner;
  std::string due_on;
  std::string status = "pending";  // "pending" or "done"

  nlohmann::json to_json() const;
};

// A document of the session (the signed minutes, a presentation, a list of
// attendance): a file kept in the file store, public like the session.
struct SessionDocument {
  int64_t id = 0;
  int64_t session_id = 0;
  std::string title;
  std::string file_name;
  std::string content_type;
  int64_t size = 0;
  std::string sha256;
  std::string storage;
  std::string added_by_name;
  std::string created_at;

  std::string url() const { return "/documentos-de-sesion/" + std::to_string(id); }
  nlohmann::json to_json() const;
};

struct SecretariatSession {
  int64_t id = 0;
  int64_t jurisdiction_id = 0;
  std::string held_on;
  std::string place;  // an address or a link
  std::string agenda;
  std::string minutes;  // Markdown
  std::vector<std::string> attendance;
  std::vector<SessionAgreement> agreements;
  std::vector<SessionDocument> documents;

  nlohmann::json to_json() const;
};

}  // namespace apertura::plans
