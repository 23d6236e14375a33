#pragma once
// The information-requests domain: requests to any institution with their
// legal deadlines, the legal regimes and the guarantors' calendars.
#include "accounts/account_service.h"
#include "core/periodic_task.h"
#include "jurisdictions/jurisdiction_service.h"
#include "plans/indicator_measures.h"
#include "requests/request_service.h"
#include "store/database.h"
#include "web/domain.h"

namespace apertura::requests {

class RequestsDomain : public web::Domain {
 public:
  // Accounts answer who hears of each step; `public_url` starts the links in
  // messages. The requests' figures join the plans' measures, for indicators.
  RequestsDomain(store::Database& database, jurisdictions::JurisdictionService& jurisdictions,
                 accounts::AccountService& accounts, store::FileStore& files, std::string public_url,
                 plans::MeasureCatalog& measures);

  std::string_view name() const override { return "requests"; }
  void install(web::Site& site) override;
  // Requests to the demo states' institutions, filed over the last weeks.
  void load_demo(DemoRun& demo) override;
  // Hourly: closes the requests not clarified in time, and sends the daily
  // warning of cases about to fall due (once a day per institution,
  // whatever the number of servers).
  void start() override;
  void stop() override;

  RequestService& requests() { return requests_; }

 private:
  store::Database& database_;
  jurisdictions::JurisdictionService& jurisdictions_;
  Correspondents correspondents_;  // who hears of each step: the accounts domain answers
  RequestService requests_;
  PeriodicTask reminders_;
};

}  // namespace apertura::requests
