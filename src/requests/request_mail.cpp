#include "requests/request_mail.h"

#include "core/date_text.h"
#include "notifications/outbox.h"
#include "requests/messages.h"

namespace apertura::requests {

std::vector<std::string> RequestMail::requester_addresses(const InformationRequest& request) const {
  std::vector<std::string> addresses;
  if (request.notify_by == NotifyBy::email && !request.contact.empty()) addresses.push_back(request.contact);
  if (request.requester_id && who_.email_of) {
    if (auto email = who_.email_of(*request.requester_id); email && (addresses.empty() || addresses[0] != *email)) {
      addresses.push_back(*email);
    }
  }
  return addresses;
}

std::vector<std::string> RequestMail::unit_addresses(const InformationRequest& request) const {
  return officials_addresses(request.institution_id);
}

std::vector<std::string> RequestMail::officials_addresses(int64_t institution_id) const {
  return who_.officials_of ? who_.officials_of(institution_id) : std::vector<std::string>{};
}

std::string RequestMail::url_of(const InformationRequest& request) const {
  return who_.public_url + "/solicitudes/" + request.folio;
}

void RequestMail::filed(store::Connection& c, const InformationRequest& request, const std::string& institution_name,
                        const std::vector<std::string>& requester, const std::vector<std::string>& unit) const {
  for (const auto& address : requester) {
    notifications::Outbox::enqueue(c, address, say(Msg::filed_mail_subject, request.folio),
                                   say(Msg::filed_mail_body, institution_name, request.folio, date_es(request.received_on),
                                       date_es(request.response_due_on), request.requester_key, url_of(request)));
  }
  for (const auto& address : unit) {
    notifications::Outbox::enqueue(c, address, say(Msg::unit_filed_mail_subject, request.folio),
                                   say(Msg::unit_filed_mail_body, request.folio, institution_name,
                                       date_es(request.response_due_on), request.description, url_of(request)));
  }
}

void RequestMail::step(store::Connection& c, const InformationRequest& request, const std::string& note,
                       const std::vector<std::string>& recipients) const {
  for (const auto& address : recipients) {
    notifications::Outbox::enqueue(c, address, say(Msg::step_mail_subject, request.folio, status_label_es(request.status)),
                                   say(Msg::step_mail_body, note, url_of(request)));
  }
}

void RequestMail::due_soon(store::Connection& c, const std::string& institution_name,
                           const std::vector<std::pair<InformationRequest, int>>& cases,
                           const std::vector<std::string>& unit) const {
  std::string list;
  for (const auto& [request, left] : cases) {
    bool waiting = request.status == RequestStatus::clarification_requested;
    int days = left < 0 ? -left : left;
    std::string count = days == 1 ? say(Msg::one_business_day) : say(Msg::business_days, days);
    std::string when = left < 0    ? say(Msg::overdue_days, count)
                       : left == 0 ? say(Msg::due_today)
                                   : say(Msg::days_left, count);
    list += "- " + request.folio + (waiting ? say(Msg::waiting_suffix) : "") + ": " + when + ". " + url_of(request) + "\n";
  }
  for (const auto& address : unit) {
    notifications::Outbox::enqueue(c, address, say(Msg::due_soon_mail_subject, institution_name, cases.size()),
                                   say(Msg::due_soon_mail_body, list, who_.public_url + "/solicitudes/unidad"));
  }
}

}  // namespace apertura::requests
