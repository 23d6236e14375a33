#pragma once
// Every SQL statement of the requests domain: regimes, the guarantors' closed
// days, requests, their history and folio numbers. No rules here.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/business_calendar.h"
#include "core/paging.h"
#include "requests/information_request.h"
#include "requests/regime.h"
#include "store/connection.h"

namespace apertura::requests {

struct RequestFilter {
  std::optional<int64_t> jurisdiction_id;
  std::optional<int64_t> institution_id;
  std::optional<RequestStatus> status;
  std::optional<Outcome> outcome;
  std::string topic;  // a topic's slug; "" any
  std::string received_from;  // YYYY-MM-DD, inclusive; "" unbounded
  std::string received_to;
  std::optional<std::vector<int64_t>> ids;  // a text search's hits, in their order
};

// Counts of one institution's requests in a span of receipt dates.
struct RequestCountsRow {
  int64_t institution_id = 0;
  int64_t received = 0, answered = 0, not_competent = 0, on_time = 0, late = 0, open = 0, overdue = 0, extended = 0,
          clarified = 0, not_filed = 0;
  std::map<std::string, int64_t> outcomes;  // by outcome name
};

// How many responded requests of an institution took from `received_on` to `answered_on`.
struct ResponseSpanRow {
  int64_t institution_id = 0;
  std::string received_on;
  std::string answered_on;
  int64_t count = 0;
};

struct StatsFilter {
  std::optional<int64_t> jurisdiction_id;
  std::optional<int64_t> institution_id;
  std::string from;   // received on or after
  std::string until;  // received before
  std::string today;  // for "overdue"
};

// The statistics' WHERE clause over received_on, jurisdiction_id and
// institution_id (columns requests and appeals share), with only the filters
// given, appending its parameters.
std::string stats_where(const StatsFilter& filter, std::vector<store::Value>& params);

// A public text blacked out by an official; `original` is private.
struct Redaction {
  int64_t request_id = 0;
  std::string target;  // "description", "location_hint", "event", "appeal_reasons"
  std::optional<int64_t> event_id;
  std::string original;
  std::string redacted;
  std::string reason;
  std::optional<int64_t> created_by;
  std::string created_by_name;
  std::string created_at;
};

struct ClosedDaysRow {
  int64_t id = 0;
  std::string jurisdiction_code;  // "" everywhere
  ClosedDays days;
  std::string created_by_name;
  std::string created_at;
};

class RegimeRepository {
 public:
  static std::vector<Regime> all(store::Connection& c);
  static std::optional<Regime> find(store::Connection& c, int64_t id);
  static std::optional<Regime> by_code(store::Connection& c, const std::string& code);
  // The jurisdiction's own regime in force on `date`, else the general one.
  static std::optional<Regime> in_force(store::Connection& c, const std::string& jurisdiction_code,
                                        const std::string& date);
  static int64_t insert(store::Connection& c, const Regime& regime);
  // Writes `regime` over the row if it still has `regime.version`; false when it changed meanwhile.
  static bool update(store::Connection& c, const Regime& regime);
};

class ClosedDaysRepository {
 public:
  // The days closed for the jurisdiction (its own and those closed everywhere).
  static std::vector<ClosedDaysRow> for_jurisdiction(store::Connection& c, const std::string& jurisdiction_code);
  static std::vector<ClosedDaysRow> all(store::Connection& c);
  static int64_t insert(store::Connection& c, const std::string& jurisdiction_code, const ClosedDays& days,
                        const std::string& created_by_name);
};

class RequestRepository {
 public:
  // The next number after the folio prefix "2026-SSJ" (1, 2, ...), taken inside the caller's transaction.
  static int64_t next_folio_number(store::Connection& c, const std::string& prefix);
  static int64_t insert(store::Connection& c, const InformationRequest& request);
  static std::optional<InformationRequest> by_folio(store::Connection& c, const std::string& folio);
  static std::optional<InformationRequest> by_id(store::Connection& c, int64_t id);
  // The topics requests are filed under, in their order: (slug, name).
  static std::vector<std::pair<std::string, std::string>> topics(store::Connection& c);
  // Files the request under `topic` if it still has `request.version`; false when it changed meanwhile.
  static bool set_topic(store::Connection& c, const InformationRequest& request, const std::string& topic);
  static Paged<InformationRequest> list(store::Connection& c, const RequestFilter& filter, const Slice& slice);
  // Requests whose terms still run, in the jurisdictions with these codes ("" every one).
  static std::vector<InformationRequest> open_in(store::Connection& c, const std::string& jurisdiction_code);
  // Moves the response due date if the request still has `version`; false when it changed meanwhile.
  static bool set_due_date(store::Connection& c, const InformationRequest& request, const std::string& due_on);
  // Moves the requester's last day to clarify, likewise.
  static bool set_clarification_due(store::Connection& c, const InformationRequest& request, const std::string& due_on);
  // Writes the request's state (status, terms, outcome) if it still has `request.version`.
  static bool update_state(store::Connection& c, const InformationRequest& request);
  // Open requests, soonest due first (at most 1,000), of one institution or jurisdiction when given.
  static std::vector<InformationRequest> queue(store::Connection& c, std::optional<int64_t> institution_id,
                                               std::optional<int64_t> jurisdiction_id);
  static std::vector<RequestCountsRow> counts(store::Connection& c, const StatsFilter& filter);
  static std::vector<ResponseSpanRow> response_spans(store::Connection& c, const StatsFilter& filter);
  // The years in which requests were received (of one jurisdiction when given), newest first.
  static std::vector<int> years(store::Connection& c, std::optional<int64_t> jurisdiction_id);
  // Open requests whose running term (response, or clarification) ends on or before `date`.
  static std::vector<InformationRequest> open_due_by(store::Connection& c, const std::string& date);
  // Records that an institution was warned on `day`; false when it already was.
  static bool mark_reminded(store::Connection& c, int64_t institution_id, const std::string& day);
  static int64_t insert_file(store::Connection& c, const RequestFile& file);
  static std::vector<RequestFile> files(store::Connection& c, int64_t request_id);
  static std::optional<RequestFile> file(store::Connection& c, int64_t id);
  static void add_event(store::Connection& c, const RequestEvent& event);
  // Points the public file row to its redacted version and keeps the
  // original's name and digest in the private table.
  static void replace_file(store::Connection& c, const RequestFile& original, const RequestFile& redacted,
                           const std::string& reason, std::optional<int64_t> by, const std::string& by_name,
                           const std::string& at);
  // Public texts an official redacts: the request's own, one event's note.
  static void set_texts(store::Connection& c, int64_t request_id, const std::string& description,
                        const std::string& location_hint);
  static void set_event_note(store::Connection& c, int64_t event_id, const std::string& note);
  // Keeps the original of a redacted text, privately.
  static void insert_redaction(store::Connection& c, const Redaction& redaction);
  static std::vector<Redaction> redactions(store::Connection& c, int64_t request_id);
  static std::vector<RequestEvent> events(store::Connection& c, int64_t request_id);
};

}  // namespace apertura::requests
