#pragma once
// Who hears of each step of a request, and what they read: the requester
// (at the contact they gave for e-mail notices, or their account's address)
// and the officials of the institution. Messages go to the outbox inside the
// step's own transaction, so a step and its notices land together or not at all.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "requests/information_request.h"
#include "store/connection.h"

namespace apertura::requests {

struct Correspondents {
  // The e-mail address of an account (the accounts domain answers).
  std::function<std::optional<std::string>(int64_t user_id)> email_of;
  // The e-mail addresses of an institution's officials.
  std::function<std::vector<std::string>(int64_t institution_id)> officials_of;
  std::string public_url;  // links in messages
};

class RequestMail {
 public:
  explicit RequestMail(Correspondents correspondents = {}) : who_(std::move(correspondents)) {}

  // Where the requester is written to: none when they gave no way.
  std::vector<std::string> requester_addresses(const InformationRequest& request) const;
  std::vector<std::string> unit_addresses(const InformationRequest& request) const;
  // The officials of any institution (a guarantor's, for appeals).
  std::vector<std::string> officials_addresses(int64_t institution_id) const;

  // A new case: the requester gets the folio, due date and key; the unit the request.
  void filed(store::Connection& c, const InformationRequest& request, const std::string& institution_name,
             const std::vector<std::string>& requester, const std::vector<std::string>& unit) const;
  // A step: who did not take it reads what the history now says.
  void step(store::Connection& c, const InformationRequest& request, const std::string& note,
            const std::vector<std::string>& recipients) const;
  // The daily warning to a unit: each case with the business days it has left.
  void due_soon(store::Connection& c, const std::string& institution_name,
                const std::vector<std::pair<InformationRequest, int>>& cases, const std::vector<std::string>& unit) const;

 private:
  std::string url_of(const InformationRequest& request) const;
  Correspondents who_;
};

}  // namespace apertura::requests
