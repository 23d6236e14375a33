#pragma once
// Whether a resource's link still answers: a HEAD request (a GET when the
// server refuses HEAD), following up to five redirects, http and https only,
// with a time limit. Only the outcome is kept, never the body.
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace apertura::catalog {

struct LinkCheck {
  int64_t status = 0;  // the final HTTP status; 0 when nothing answered
  std::string error;   // why nothing answered ("" when something did)
};

using LinkProbe = std::function<LinkCheck(const std::string& url)>;

// The probe over the network (libcurl).
LinkCheck probe_link(const std::string& url, std::chrono::seconds timeout = std::chrono::seconds(15));

}  // namespace apertura::catalog
