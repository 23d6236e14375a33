#pragma once
// The information-requests domain: requests to any institution with their
// legal deadlines, the legal regimes and the guarantors' calendars.
#include "jurisdictions/jurisdiction_service.h"
#include "requests/request_service.h"
#include "store/database.h"
#include "web/domain.h"

namespace apertura::requests {

class RequestsDomain : public web::Domain {
 public:
  RequestsDomain(store::Database& database, jurisdictions::JurisdictionService& jurisdictions);

  std::string_view name() const override { return "requests"; }
  void install(web::Site& site) override;
  // Requests to the demo states' institutions, filed over the last weeks.
  void load_demo(DemoRun& demo) override;

  RequestService& requests() { return requests_; }

 private:
  store::Database& database_;
  jurisdictions::JurisdictionService& jurisdictions_;
  RequestService requests_;
};

}  // namespace apertura::requests
