#include "requests/information_request.h"

#include <array>
#include <utility>

#include "core/enum_names.h"

namespace apertura::requests {

namespace {

constexpr std::array<std::pair<RequestStatus, std::string_view>, 6> kStatuses{{
    {RequestStatus::received, "received"},
    {RequestStatus::clarification_requested, "clarification_requested"},
    {RequestStatus::extended, "extended"},
    {RequestStatus::answered, "answered"},
    {RequestStatus::not_competent, "not_competent"},
    {RequestStatus::not_filed, "not_filed"},
}};
constexpr std::array<std::pair<Delivery, std::string_view>, 4> kDeliveries{{
    {Delivery::electronic, "electronic"},
    {Delivery::copies, "copies"},
    {Delivery::certified_copies, "certified_copies"},
    {Delivery::consultation, "consultation"},
}};
constexpr std::array<std::pair<NotifyBy, std::string_view>, 3> kNotifyBy{{
    {NotifyBy::portal, "portal"},
    {NotifyBy::email, "email"},
    {NotifyBy::in_person, "in_person"},
}};
constexpr std::array<std::pair<Channel, std::string_view>, 5> kChannels{{
    {Channel::web, "web"},
    {Channel::in_person, "in_person"},
    {Channel::phone, "phone"},
    {Channel::mail, "mail"},
    {Channel::email, "email"},
}};

constexpr std::array<std::pair<Outcome, std::string_view>, 5> kOutcomes{{
    {Outcome::delivered, "delivered"},
    {Outcome::partial, "partial"},
    {Outcome::classified, "classified"},
    {Outcome::inexistent, "inexistent"},
    {Outcome::already_public, "already_public"},
}};

}  // namespace

std::string_view outcome_name(Outcome outcome) { return name_of(kOutcomes, outcome); }
std::optional<Outcome> parse_outcome(std::string_view name) { return parse_name(kOutcomes, name); }

std::string_view status_name(RequestStatus status) { return name_of(kStatuses, status); }
std::optional<RequestStatus> parse_status(std::string_view name) { return parse_name(kStatuses, name); }
std::string_view delivery_name(Delivery delivery) { return name_of(kDeliveries, delivery); }
std::optional<Delivery> parse_delivery(std::string_view name) { return parse_name(kDeliveries, name); }
std::string_view notify_by_name(NotifyBy notify_by) { return name_of(kNotifyBy, notify_by); }
std::optional<NotifyBy> parse_notify_by(std::string_view name) { return parse_name(kNotifyBy, name); }
std::string_view channel_name(Channel channel) { return name_of(kChannels, channel); }
std::optional<Channel> parse_channel(std::string_view name) { return parse_name(kChannels, name); }

bool is_open(RequestStatus status) {
  return status == RequestStatus::received || status == RequestStatus::clarification_requested ||
         status == RequestStatus::extended;
}

nlohmann::json InformationRequest::to_public_json() const {
  std::string name = public_name();
  return {{"folio", folio},
          {"jurisdiction_id", jurisdiction_id},
          {"institution_id", institution_id},
          {"regime_id", regime_id},
          {"requester_name", name.empty() ? nlohmann::json() : nlohmann::json(name)},
          {"description", description},
          {"location_hint", location_hint},
          {"topic", topic.empty() ? nlohmann::json() : nlohmann::json(topic)},
          {"delivery", delivery_name(delivery)},
          {"notify_by", notify_by_name(notify_by)},
          {"channel", channel_name(channel)},
          {"filed_at", filed_at},
          {"received_on", received_on},
          {"status", status_name(status)},
          {"term_start_on", term_start_on},
          {"extended_days", extended_days},
          {"response_due_on", response_due_on},
          {"clarification_due_on", clarification_due_on.empty() ? nlohmann::json() : nlohmann::json(clarification_due_on)},
          {"outcome", outcome ? nlohmann::json(outcome_name(*outcome)) : nlohmann::json()},
          {"answered_on", answered_on.empty() ? nlohmann::json() : nlohmann::json(answered_on)},
          {"answered_late", answered_late},
          {"updated_at", updated_at},
          {"version", version}};
}

nlohmann::json InformationRequest::to_audit_json() const {
  nlohmann::json json = to_public_json();
  json.erase("description");
  json.erase("location_hint");
  return json;
}

nlohmann::json RequestFile::to_json(const std::string& folio) const {
  return {{"id", id},           {"event_kind", event_kind}, {"file_name", file_name}, {"content_type", content_type},
          {"size", size},       {"created_at", created_at},
          {"url", "/solicitudes/" + folio + "/archivos/" + std::to_string(id)}};
}

nlohmann::json RequestEvent::to_json() const {
  return {{"id", id}, {"kind", kind}, {"occurred_at", at}, {"actor_name", actor_name}, {"note", note},
          {"due_on", due_on.empty() ? nlohmann::json() : nlohmann::json(due_on)}};
}

}  // namespace apertura::requests
