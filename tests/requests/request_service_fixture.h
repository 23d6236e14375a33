#pragma once
// The requests service on each database, with a clock the test sets: the
// fixture of the request and appeal service tests.
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "requests/request_service.h"
#include "support/test_app.h"

namespace apertura::testing {

class RequestServiceTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    finance_ = app_->create_jalisco_finance();
    auto& places = app_->app().jurisdictions();
    places.create(Actor::system(), {"20", "Oaxaca", "state"}).take();
    places.create(Actor::system(), {"18", "Nayarit", "state"}).take();
    oaxaca_health_ = places.add_institution(Actor::system(), "20", {"Servicios de Salud de Oaxaca", "SSO", ""}).take().id;
    nayarit_health_ = places.add_institution(Actor::system(), "18", {"Servicios de Salud de Nayarit", "SSN", ""}).take().id;
    service_ = std::make_unique<requests::RequestService>(app_->app().database(), places, [this] { return now_; });
  }

  requests::FilingInput asking(int64_t institution) {
    requests::FilingInput input;
    input.institution_ids = {institution};
    input.description = "Solicito la relación de vehículos oficiales y el área que usa cada uno.";
    return input;
  }

  requests::InformationRequest file_at(const std::string& when, int64_t institution) {
    now_ = when;
    auto filed = service_->file(Actor::anonymous(), asking(institution));
    EXPECT_TRUE(filed.ok()) << (filed.ok() ? "" : filed.error().message);
    return filed->front();
  }

  std::string now_ = "2026-01-05T17:00:00Z";
  int64_t finance_ = 0;
  int64_t oaxaca_health_ = 0;
  int64_t nayarit_health_ = 0;
  std::unique_ptr<requests::RequestService> service_;
};

}  // namespace apertura::testing
