#pragma once
// Information requests. Rules:
// - anyone files a request, signed in or not, with a name, a pseudonym or
//   none (the law asks for no identification); it may go to up to 33
//   institutions at once, and each becomes its own case with its own folio
//   ("2026-SSJ-000123": year received, the institution's acronym, a number
//   that institutions sharing an acronym share);
// - officials of the institution (and admins) type in the requests people
//   bring in person, by phone or by mail, and the channel is kept;
// - a request counts as received on the day it arrived in the jurisdiction's
//   clock, or the next business day when that day was closed; it keeps the
//   regime in force on that day, and its terms run from the next business day;
// - its response is due after the regime's response term in business days of
//   the jurisdiction's calendar (weekends, the Ley Federal del Trabajo's rest
//   days, the guarantor's non-working days and suspensions), and the page
//   shows how that date was counted;
// - days closed after a request was filed move its due date (or, while a
//   clarification is awaited, the requester's last day to clarify), and its
//   history says so;
// - requests, their history and their due dates are public; the contact
//   never is, and the name only when the requester chose to show it;
// - the institution's officials (or an admin of its jurisdiction) work it:
//   ask once, within the regime's term, to clarify it (the response term is
//   interrupted, and restarts in full the day after the requester answers,
//   who has the regime's term to do so); extend the term once, before it
//   ends, citing the committee's resolution; say the institution is not
//   competent; or answer it with an outcome. A late notice or answer is
//   recorded as late. Each step is a conditional state change (a step taken
//   on a stale copy is a conflict), a public event and an audit entry;
// - the requester answers a request to clarify signed in as themselves or
//   with the key given once at filing (only its hash is kept);
// - the requester may appeal (recurso de revisión) an answer or a notice of
//   incompetence within the regime's appeal term counted from it, or the
//   institution's silence within the same term counted from the day its
//   response term ended; one appeal per request, with the law's ground;
// - the jurisdiction's guarantor (the officials of the institution an admin
//   chose, or the jurisdiction's admins) admits or rejects it, may extend
//   its resolution term once, and resolves it: confirm, revoke, modify or
//   dismiss; both parties may file allegations until the regime's term
//   after admission ends; a revoked or modified answer gives the
//   institution the regime's compliance term, it reports compliance (with
//   documents), and the guarantor says whether it complied. A late
//   resolution or compliance is recorded as late. Each step joins the
//   request's history and the audit log;
// - an answer that delivers copies, media or a shipment is priced with the
//   fee schedule in force (reproduction_cost.h says how); the requester
//   pays within the regime's payment term, the officials record the receipt
//   and the collection, and an unpaid cost closes the delivery when its term
//   ends;
// - admins add and amend regimes, closed days and fee schedules; each change
//   is audited.
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/business_calendar.h"
#include "core/human_check.h"
#include "core/paging.h"
#include "core/result.h"
#include "jurisdictions/jurisdiction_service.h"
#include "requests/appeal.h"
#include "requests/appeal_repository.h"
#include "requests/information_request.h"
#include "requests/request_mail.h"
#include "requests/request_statistics.h"
#include "requests/permissions.h"
#include "requests/regime.h"
#include "requests/reproduction_cost.h"
#include "requests/request_repository.h"
#include "store/database.h"
#include "store/file_store.h"

namespace apertura::requests {

// What the portal's form sends to show a person filled it (core/human_check.h):
// the challenge it was given, and the script's nonce or the typed answer.
struct HumanProof {
  std::string token;
  std::string nonce;
  std::string answer;
};

struct FilingInput {
  std::vector<int64_t> institution_ids;
  std::string requester_name;
  bool show_name = false;
  std::string contact;  // an e-mail address, for notices by e-mail
  std::string description;
  std::string location_hint;
  std::string delivery;   // "" is electronic
  std::string notify_by;  // "" is the portal
  std::string channel;    // "" is the portal; others are typed in by officials
  std::string remote_address;  // set by the handler, for the rate limits
  // Set by the portal's form: a filing without an account must then prove a
  // person sent it, and each challenge serves once. The API goes without
  // (its clients are programs), under the same rate limits.
  std::optional<HumanProof> proof = std::nullopt;
  std::string topic = "";  // a topic's slug (topics()); "" none
};

// Filings from the portal (not those staff type in) are limited, counted in
// the database so that every server agrees; a filing over a limit is
// refused with too_many_requests and writes nothing. Operational settings,
// not law: an operator may change them here.
struct FilingLimits {
  int per_address_hour = 10;       // from one network address, in an hour
  int per_address_day = 30;        // ... in a day
  int per_account_day = 30;        // by one signed-in account, in a day
  int per_institution_day = 300;   // to one institution from the portal, in a day
  int proof_bits = 16;             // the form's proof of work: about 65,000 hashes, well under a second
  int64_t proof_max_age_seconds = 12 * 3600;  // time to write the request before the form's check expires
};

// A step an official takes on a request.
struct WorkInput {
  std::string action;     // "clarify", "extend", "not_competent" or "answer"
  std::string text;       // what the requester reads
  std::string outcome;    // for "answer": an Outcome name
  std::string reference;  // for "extend": the committee's resolution
  int64_t version = -1;   // the version the official read; -1 takes the current one
  // For "answer": the documents delivered (at most kMaxAnswerFiles, each a
  // PDF, PNG, JPEG or CSV up to 10 MB), public with the request.
  std::vector<std::pair<std::string, std::string>> files = {};  // (file name, bytes)
  // For "answer", what is reproduced for the requester (numbers as typed,
  // "" for none) and, when the unit waives the cost, why.
  std::string pages = "";
  std::string media = "";
  bool shipping = false;
  std::string waiver = "";
};

constexpr size_t kMaxAnswerFiles = 10;

// A step on a delivery's cost, by the institution's officials: "paid" (the
// requester showed the receipt `reference`) or "collected" (they took the
// copies).
struct CostStepInput {
  std::string action;
  std::string reference;
  int64_t version = -1;  // the cost's version read; -1 takes the current one
};

// A fee schedule as typed: prices in pesos ("2.50"); the jurisdiction's
// slug or code, "" for the general one. Saving a jurisdiction's year again
// amends it (at `version`).
struct FeeScheduleInput {
  std::string jurisdiction;
  std::string year;
  std::string simple_page;
  std::string certified_page;
  std::string medium;
  std::string shipping;
  std::string payment_instructions;
  std::string legal_basis;
  bool verified = false;
  int64_t version = -1;
};

// An open request in an official's queue.
struct QueueItem {
  InformationRequest request;
  std::string institution_name;
  int business_days_left = 0;  // negative when overdue
};

struct RequestQuery {
  std::string text;          // full-text over descriptions
  std::string jurisdiction;  // slug or INEGI code
  std::optional<int64_t> institution_id;
  std::string status;  // a status name
  std::string outcome;  // an outcome name
  std::string topic;    // a topic's slug
  std::string from;     // received on or after, YYYY-MM-DD
  std::string to;       // received on or before
  // Requests like this text (any of its telling words, best first) instead
  // of `text`'s every word: "already answered?" while one types a request.
  std::string similar_to;
};

// The requester's appeal.
struct AppealInput {
  std::string ground;   // an AppealGround name
  std::string reasons;  // why the answer (or the silence) is wrong
  std::string key;      // the key given at filing, unless signed in as the requester
};

// A step on an appeal. The guarantor: "admit", "reject", "extend", "resolve"
// (with `result`) and "verify" (with `complied`); either party while the
// allegations term runs: "allege" (the requester with the key or signed in,
// or the institution's officials); the institution: "report_compliance", with
// the documents it delivered.
struct AppealStepInput {
  std::string action;
  std::string text;
  std::string result = "";    // for "resolve": an AppealResult name
  std::string complied = "";  // for "verify": "yes" or "no"
  std::string key = "";       // for the requester's "allege"
  int64_t version = -1;  // the appeal's version read; -1 takes the current one
  std::vector<std::pair<std::string, std::string>> files = {};  // for "report_compliance"
};

// An official blacks out personal data in a public text of a request.
struct RedactionInput {
  std::string target;               // "description", "location_hint", "event" or "appeal_reasons"
  std::optional<int64_t> event_id;  // for "event"
  std::string text;                 // the whole text as it must read from now on
  std::string reason;               // why: what kind of personal data it held
};

// An appeal in a list, with what a reader needs beside it.
struct AppealItem {
  Appeal appeal;
  std::string institution_name;
  std::string description;         // the request's
  std::optional<int> business_days_left;  // of the term running now, if one runs
};

struct AppealQuery {
  std::string jurisdiction;  // slug or INEGI code
  std::optional<int64_t> institution_id;
  std::string status;        // an AppealStatus name, or "open"
};

// A jurisdiction and the institution chosen as its guarantor, if any.
struct GuarantorRow {
  jurisdictions::Jurisdiction jurisdiction;
  std::optional<jurisdictions::Institution> institution;
};

// A request as its page shows it.
struct RequestDocument {
  InformationRequest request;
  jurisdictions::Institution institution;
  jurisdictions::Jurisdiction jurisdiction;
  Regime regime;
  BusinessCount response;  // how its response due date is counted
  std::vector<RequestEvent> events;
  std::vector<RequestFile> files;
  // The last days, counted from receipt, for the institution to ask for a
  // clarification and to say it is not competent.
  std::string clarification_limit;
  std::string incompetence_limit;
  // Still open, its response term running, and past its due date in its
  // jurisdiction today: the institution missed the deadline.
  bool overdue = false;
  std::optional<Appeal> appeal;
  // While the requester may appeal: the last day to do so; "" otherwise.
  std::string appeal_until;
  // Who resolves its appeals: the chosen institution's name, else the regime's words.
  std::string guarantor_name;
  // What delivering the answer costs and how its payment goes, when copies were priced.
  std::optional<RequestCost> cost;
  std::string payment_instructions;  // from the schedule that priced it
};

struct RegimeInput {
  std::string code;
  std::string name;
  std::string jurisdiction_code;
  std::string effective_from;
  std::string effective_to;
  std::string guarantor;
  std::string legal_basis;
  bool verified = false;
  std::string utc_offset_minutes;                  // "" keeps -360
  std::map<std::string, std::string> term_values;  // term name -> days as typed
  std::map<std::string, std::string> term_articles;
};

struct ClosedDaysInput {
  std::string jurisdiction;  // slug or code; "" for every jurisdiction
  std::string from;
  std::string to;
  std::string kind;  // "non_working" or "suspension"
  std::string basis;
};

class RequestService {
 public:
  using Clock = std::function<std::string()>;  // now, as a UTC timestamp

  RequestService(store::Database& database, jurisdictions::JurisdictionService& jurisdictions, Clock now = {},
                 Correspondents correspondents = {}, FilingLimits limits = {}, store::FileStore* files = nullptr);

  bool may_file(const Actor& actor) const;
  bool may_capture(const Actor& actor) const;
  bool may_manage_regimes(const Actor& actor) const;
  bool may_manage_calendar(const Actor& actor) const;
  // Whether `actor` chooses guarantors (of that jurisdiction, when given).
  bool may_manage_guarantors(const Actor& actor, std::optional<int64_t> jurisdiction_id = std::nullopt) const;

  // A new check for the filing form (see FilingInput::proof).
  HumanChallenge human_challenge();
  // One request per institution, in the order given.
  Result<std::vector<InformationRequest>> file(const Actor& actor, const FilingInput& input);
  Result<RequestDocument> find(const std::string& folio);
  // The topics requests are filed under, in order: (slug, name).
  std::vector<std::pair<std::string, std::string>> topics();
  // Files a request under a topic ("" none): its institution's officials or
  // admins, at the version they read; audited.
  Result<InformationRequest> set_topic(const Actor& actor, const std::string& folio, const std::string& topic,
                                       int64_t version = -1);
  bool may_work(const Actor& actor, const InformationRequest& request) const;
  Result<InformationRequest> work(const Actor& actor, const std::string& folio, const WorkInput& input);
  // The requester's answer to a request to clarify.
  Result<InformationRequest> clarify(const Actor& actor, const std::string& folio, const std::string& key,
                                     const std::string& text);
  // Whether `actor` is the requester (signed in as them); the key is the other way.
  bool is_requester(const Actor& actor, const InformationRequest& request) const;
  // The open requests an official works (their institution's; an admin's
  // jurisdiction's, or all), soonest due first.
  Result<std::vector<QueueItem>> queue(const Actor& actor);
  // An institution's open requests and their running due dates, for anyone
  // (requests and due dates are public): the unit's calendar feed.
  Result<std::vector<InformationRequest>> open_requests_of(int64_t institution_id);
  // A document of a request's answer and its bytes; not_found unless it belongs to `folio`.
  Result<std::pair<RequestFile, std::string>> file(const std::string& folio, int64_t id);
  // The daily warning: once a day per institution, its officials get the list
  // of its open cases whose running term ends within 3 business days (or has
  // ended). Returns how many messages it queued.
  int64_t remind_due_soon();
  // The daily close: requests whose requester did not clarify within the
  // term are taken as not filed (the law's consequence), with an event, an
  // audit entry and a notice. Returns how many it closed.
  int64_t close_unclarified();
  Result<Paged<InformationRequest>> search(const RequestQuery& query, const Slice& slice);
  // The year's figures per institution (request_statistics.h says what each
  // counts); an unknown jurisdiction is not_found, a year outside 2000-2100 invalid.
  Result<RequestStatistics> statistics(const StatsQuery& query);

  // Replaces a public text of the request with `input.text`, keeping the
  // original only in a private table and a private audit entry (both
  // versions); every page, API answer, download and search sees the new text
  // from then on, and the history says that something was redacted and why.
  // The institution's officials (or admins) do it, whatever the request's state.
  Result<InformationRequest> redact(const Actor& actor, const std::string& folio, const RedactionInput& input);
  // Replaces a document of the request with its redacted version (one file,
  // of an accepted type): from then on its download gives the new bytes and
  // the original is kept only privately; the history says a document was
  // redacted and why.
  Result<RequestFile> redact_file(const Actor& actor, const std::string& folio, int64_t file_id,
                                  const std::pair<std::string, std::string>& redacted, const std::string& reason);
  // Files the requester's appeal against the request's answer or silence.
  Result<Appeal> appeal(const Actor& actor, const std::string& folio, const AppealInput& input);
  Result<Appeal> work_appeal(const Actor& actor, const std::string& folio, const AppealStepInput& input);
  // Whether `actor` works appeals of the jurisdiction: an official of its
  // chosen guarantor, or one of its admins.
  bool may_work_appeal(const Actor& actor, int64_t jurisdiction_id);
  // Appeals, newest first; with status "open", those with a term running, soonest due first.
  Result<Paged<AppealItem>> appeals(const AppealQuery& query, const Slice& slice);
  std::vector<GuarantorRow> guarantors();
  // Chooses the institution (of that jurisdiction) whose officials work its appeals.
  Result<GuarantorRow> set_guarantor(const Actor& actor, const std::string& jurisdiction, int64_t institution_id);

  // Records the payment of a delivery's cost (within the regime's payment
  // term; the copies then wait the availability term) or its collection.
  Result<RequestCost> work_cost(const Actor& actor, const std::string& folio, const CostStepInput& input);
  // The daily close: a cost not paid within its term closes the request's
  // delivery, with an event, an audit entry and a notice. Returns how many.
  int64_t close_unpaid();
  std::vector<FeeSchedule> fee_schedules();
  // Adds a jurisdiction's schedule for a year, or amends the one it has.
  Result<FeeSchedule> save_fee_schedule(const Actor& actor, const FeeScheduleInput& input);

  std::vector<Regime> regimes();
  Result<Regime> regime(int64_t id);
  Result<Regime> add_regime(const Actor& actor, const RegimeInput& input);
  // Amends the regime read at `version`; a conflict when it changed meanwhile.
  Result<Regime> amend_regime(const Actor& actor, int64_t id, int64_t version, const RegimeInput& input);

  std::vector<ClosedDaysRow> closed_days();
  // Closes days and moves the due dates of the open requests they touch;
  // returns how many requests' due dates moved.
  Result<int64_t> add_closed_days(const Actor& actor, const ClosedDaysInput& input);

  // The jurisdiction's calendar: its closed days and those closed everywhere.
  BusinessCalendar calendar_for(store::Connection& connection, const std::string& jurisdiction_code);

 private:
  Result<Regime> checked_regime(const RegimeInput& input, Regime regime);
  bool is_topic(store::Connection& connection, const std::string& slug);
  // The key human checks are signed with, read (on a connection of its own) once.
  std::string human_key();
  // The clock's now, in seconds since 1970.
  int64_t now_seconds() const;
  // The rate-limit subject that marks the proof's challenge used, or the
  // error on "proof_answer" when it fails, expired or was used already.
  Result<std::string> checked_proof(store::Connection& connection, const HumanProof& proof);
  // The rate-limit subjects a portal filing counts against, or an error when one is full.
  Result<std::vector<std::string>> filing_quota(store::Connection& c, const Actor& actor, const FilingInput& input);
  // Documents attached to a step, checked (at most kMaxAnswerFiles, each of
  // an accepted type and size) before anything is written.
  Result<std::vector<RequestFile>> checked_files(const std::vector<std::pair<std::string, std::string>>& files);
  // Stores the checked documents' bytes and rows, inside the caller's transaction.
  void store_files(store::Connection& connection, int64_t request_id, std::vector<RequestFile>& files,
                   const std::vector<std::pair<std::string, std::string>>& data, const std::string& event_kind);
  // The cost of an answer's delivery, priced by the schedule in force
  // today; nullopt when nothing is reproduced; an error names a wrong
  // quantity, an answer that delivers nothing, or a missing schedule.
  Result<std::optional<RequestCost>> priced_delivery(store::Connection& connection, const WorkInput& input,
                                                     const InformationRequest& answered, const Regime& regime,
                                                     const BusinessCalendar& calendar,
                                                     const jurisdictions::Jurisdiction& jurisdiction);
  // The last day the requester may appeal, if the request can be appealed
  // (answered, not competent, or its response term over); "" otherwise.
  std::string appeal_deadline(const BusinessCalendar& calendar, const Regime& regime, const InformationRequest& request);
  // Who resolves the request's appeals: the chosen institution (its id and
  // name), else no id and the regime's words.
  struct Guarantor {
    std::optional<int64_t> institution_id;
    std::string name;
  };
  Guarantor guarantor_of(store::Connection& connection, const InformationRequest& request, const Regime& regime);
  // The calendar day now in the request's jurisdiction.
  std::string today_for(const Regime& regime) const;
  // The calendar day now where the regime in force in the jurisdiction
  // ("" the general one) runs its clock.
  std::string today_in(store::Connection& connection, const std::string& jurisdiction_code);
  // A jurisdiction's calendar, read once per `cache`.
  const BusinessCalendar& calendar_of(store::Connection& connection, std::map<int64_t, BusinessCalendar>& cache,
                                      int64_t jurisdiction_id);

  store::Database& database_;
  jurisdictions::JurisdictionService& jurisdictions_;
  Clock now_;
  RequestMail mail_;
  FilingLimits limits_;
  store::FileStore* files_;  // where answers' documents go; nullptr: answers take no files
  std::mutex human_key_mutex_;
  std::string human_key_;
};

}  // namespace apertura::requests
