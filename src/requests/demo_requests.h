#pragma once
// Demo requests: people asking the demo states' institutions about what they
// do, filed on business days over the last weeks, some in person or by
// phone, some with a name shown. Seeded, so every run files the same ones.
#include <cstdint>

#include "core/demo_run.h"
#include "jurisdictions/jurisdiction_service.h"
#include "requests/request_mail.h"
#include "store/database.h"

namespace apertura::requests {

// Files them unless the demo states already have requests; returns how many
// it filed. Their notices go where `correspondents` say (the demo accounts'
// inboxes and the outbox), as a real filing's would.
int64_t load_demo_requests(store::Database& database, jurisdictions::JurisdictionService& jurisdictions,
                           const DemoRun& demo, Correspondents correspondents = {});

}  // namespace apertura::requests
