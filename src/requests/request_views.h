#pragma once
// Requests, regimes and closed days as pages, API items and downloads show
// them: labels, dates and the count behind each due date, in words.
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "requests/request_repository.h"
#include "requests/request_service.h"
#include "web/downloads.h"

namespace apertura::requests {

// A row of a list: the public fields plus labels, the institution's name and the page's address.
nlohmann::json request_row(const InformationRequest& request, const std::string& institution_name);
// How a due date was counted: the event, each day counted or skipped, and why.
nlohmann::json count_view(const BusinessCount& count);
// The request's page and API item: public fields, institution, jurisdiction,
// regime, the response term's count and the history.
nlohmann::json document_view(const RequestDocument& document);
// A regime with each term labelled, in the order of the procedure.
nlohmann::json regime_view(const Regime& regime);
// A delivery's cost with its lines, status and dates in words.
nlohmann::json cost_view(const RequestCost& cost);
// A fee schedule with its prices as money and its jurisdiction's name.
nlohmann::json fee_schedule_view(const FeeSchedule& schedule, const std::string& jurisdiction_name);
nlohmann::json closed_days_view(const ClosedDaysRow& row);
web::Table requests_table(const std::vector<nlohmann::json>& rows);
// The filing receipt's paragraphs (public facts only: never the contact or the key).
std::vector<std::string> receipt_paragraphs(const RequestDocument& document, const std::string& page_url);
// An appeal with its labels, the term running now in words and the request's page.
nlohmann::json appeal_view(const Appeal& appeal);
// A row of the appeals' list.
nlohmann::json appeal_item_view(const AppealItem& item);
web::Table appeals_table(const std::vector<nlohmann::json>& rows);
// A jurisdiction and the institution chosen as its guarantor (null when none).
nlohmann::json guarantor_view(const GuarantorRow& row);
// A row of a unit's queue: business days left in words and an urgency.
nlohmann::json queue_item_view(const QueueItem& item);
// One institution's figures (or the total) for the API and downloads.
nlohmann::json tally_json(const RequestTally& tally);
// The statistics page: figures formatted for people, shares, the chart's bars.
nlohmann::json statistics_view(const RequestStatistics& stats);
// One row per institution, then the total.
web::Table statistics_table(const RequestStatistics& stats);

}  // namespace apertura::requests
