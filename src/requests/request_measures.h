#pragma once
// The requests' figures a commitment's indicator can be bound to (the share
// answered on time, how many came, the median days, the appeals), computed
// by RequestService::statistics over the plan's period.
#include "plans/indicator_measures.h"
#include "requests/request_service.h"

namespace apertura::requests {

void add_request_measures(plans::MeasureCatalog& catalog, RequestService& requests,
                          jurisdictions::JurisdictionService& jurisdictions);

}  // namespace apertura::requests
