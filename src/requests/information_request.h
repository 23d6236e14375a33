#pragma once
// An information request (solicitud de acceso a la información): anyone asks
// an institution for information it holds, with or without a name, and the
// institution must answer within the terms of the regime in force on the day
// the request was received. The request, its history and its answers are
// public; the requester's contact never is, and the name only when they
// chose to show it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace apertura::requests {

enum class RequestStatus {
  received,                 // the response term runs
  clarification_requested,  // the term is interrupted until the requester answers
  extended,                 // the committee approved the extension
  answered,
  not_competent,            // the institution pointed to the right one
  not_filed,                // the requester did not answer the clarification in time
};
enum class Delivery { electronic, copies, certified_copies, consultation };
// How an answered request was answered.
enum class Outcome {
  delivered,         // the information, whole
  partial,           // part of it
  classified,        // classified in part or whole, with the committee's resolution
  inexistent,        // declared inexistent by the committee
  already_public,    // where it is already published
};
enum class NotifyBy { portal, email, in_person };
enum class Channel { web, in_person, phone, mail, email };

std::string_view status_name(RequestStatus status);
std::optional<RequestStatus> parse_status(std::string_view name);
std::string_view delivery_name(Delivery delivery);
std::optional<Delivery> parse_delivery(std::string_view name);
std::string_view notify_by_name(NotifyBy notify_by);
std::optional<NotifyBy> parse_notify_by(std::string_view name);
std::string_view channel_name(Channel channel);
std::string_view outcome_name(Outcome outcome);
std::optional<Outcome> parse_outcome(std::string_view name);
std::optional<Channel> parse_channel(std::string_view name);
// Whether the institution still owes an answer: its terms run.
bool is_open(RequestStatus status);

struct InformationRequest {
  int64_t id = 0;
  std::string folio;  // "2026-SSJ-000123"
  int64_t jurisdiction_id = 0;
  int64_t institution_id = 0;
  int64_t regime_id = 0;
  std::optional<int64_t> requester_id;
  std::string requester_name;  // name or pseudonym; "" when none was given
  bool show_name = false;
  std::string contact;  // where to notify them; private
  std::string description;
  std::string location_hint;  // data that helps find it
  std::string topic;          // a request_topics slug; "" when none yet
  Delivery delivery = Delivery::electronic;
  NotifyBy notify_by = NotifyBy::portal;
  Channel channel = Channel::web;
  std::optional<int64_t> captured_by;  // the official who typed it in for the requester
  std::string filed_at;     // timestamp
  std::string received_on;  // the business day it counts as received
  RequestStatus status = RequestStatus::received;
  std::string term_start_on;  // the response term counts from the day after
  int extended_days = 0;      // added by an approved extension
  std::string response_due_on;
  std::string clarification_asked_on;  // "" when never asked
  std::string clarification_due_on;    // the requester's last day to clarify
  std::optional<Outcome> outcome;      // once answered
  std::string answered_on;
  bool answered_late = false;          // the answer or notice came after its term
  std::string requester_key_hash;      // private
  std::string requester_key;  // the key itself: given to the requester once, at filing, and never stored
  std::string created_at;
  std::string updated_at;
  int64_t version = 0;

  // The last day of the term running now: the requester's, while a
  // clarification is awaited; else the response's.
  const std::string& running_due_on() const {
    return status == RequestStatus::clarification_requested ? clarification_due_on : response_due_on;
  }
  // The name as the public sees it ("" when hidden or not given).
  std::string public_name() const { return show_name ? requester_name : ""; }
  // Everything public: no contact, and the name only when shown.
  nlohmann::json to_public_json() const;
  // What the public audit log keeps of each change: the public fields but
  // the requester's own words (description, location hint), which may hold
  // personal data an official redacts later and the log could never forget.
  nlohmann::json to_audit_json() const;
};

// A file attached to a step (an answer's documents), public.
struct RequestFile {
  int64_t id = 0;
  int64_t request_id = 0;
  std::string event_kind;  // the step it came with: "answered"
  std::string file_name;
  std::string content_type;
  int64_t size = 0;
  std::string sha256;
  std::string storage;
  std::string created_at;

  // With the address it downloads from, under the request's folio.
  nlohmann::json to_json(const std::string& folio) const;
};

// One step of a request's history, public.
struct RequestEvent {
  int64_t id = 0;
  int64_t request_id = 0;
  std::string kind;  // "filed", "due_date_moved", ...
  std::string at;
  std::string actor_name;
  std::string note;
  std::string due_on;  // the response due date after this step

  nlohmann::json to_json() const;
};

}  // namespace apertura::requests
