#include "web/page_cache.h"

#include "core/crypto.h"
#include "core/date.h"
#include "core/text.h"
#include "web/middleware.h"

namespace apertura::web {

namespace {

// Cookies that change what the portal answers: the session, the message
// shown once after a form... every one of ours but the CSRF token.
bool carries_personal_cookie(const Request& request) {
  for (const auto& [name, value] : request.headers) {
    if (name != "cookie") continue;
    for (const std::string& part : split(value, ';')) {
      std::string item = trim(part);
      std::string cookie = item.substr(0, item.find('='));
      if (cookie.rfind("apertura_", 0) == 0 && cookie != kCsrfCookie) return true;
    }
  }
  return false;
}

}  // namespace

std::optional<Response> PageCache::not_modified(const Request& request, const Response& response) {
  std::string etag = response.header("etag");
  if (response.status != 200 || etag.empty() || request.header("if-none-match") != etag) return std::nullopt;
  return Response{304, response.content_type, "", response.headers};
}

bool PageCache::may_answer(const Request& request) {
  return request.method == "GET" && !request.actor.signed_in() && !carries_personal_cookie(request);
}

// Pages count days (overdue milestones, deadlines): an answer is kept for the day it was built on.
std::string PageCache::key_of(const Request& request) {
  return today_iso() + '\n' + request.target + '\n' + request.header("accept");
}

std::optional<Response> PageCache::find(const Request& request, int64_t version) {
  std::lock_guard lock(mutex_);
  auto found = index_.find(key_of(request));
  if (version != version_ || found == index_.end()) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  entries_.splice(entries_.begin(), entries_, found->second);
  const Entry& entry = *found->second;
  if (auto unchanged = not_modified(request, entry.response)) return unchanged;
  return entry.response;
}

void PageCache::keep(const Request& request, int64_t version, Response& response) {
  if (response.status != 200) return;
  std::string etag = "\"" + sha256_hex(response.body).substr(0, 32) + "\"";
  response.set_header("ETag", etag);
  // Not shared: an answer that sets a cookie, or holds this visitor's CSRF token in a form.
  // Nor one its handler says no cache may store (a download it counts).
  bool personal = !response.header("set-cookie").empty() ||
                  response.header("cache-control").find("no-store") != std::string::npos ||
                  (!request.csrf_token.empty() && response.body.find(request.csrf_token) != std::string::npos);
  if (personal || response.body.size() > max_bytes_ / 10) return;
  std::lock_guard lock(mutex_);
  if (version < version_) return;  // built from data older than what is kept
  if (version > version_) {
    entries_.clear();
    index_.clear();
    bytes_ = 0;
    version_ = version;
  }
  std::string key = key_of(request);
  if (auto old = index_.find(key); old != index_.end()) {
    bytes_ -= old->second->response.body.size();
    entries_.erase(old->second);
    index_.erase(old);
  }
  evict_to(max_bytes_ - response.body.size());
  entries_.push_front({key, response, etag});
  index_[key] = entries_.begin();
  bytes_ += response.body.size();
}

void PageCache::evict_to(size_t bytes) {
  while (bytes_ > bytes && !entries_.empty()) {
    bytes_ -= entries_.back().response.body.size();
    index_.erase(entries_.back().key);
    entries_.pop_back();
  }
}

PageCache::Counts PageCache::counts() const {
  std::lock_guard lock(mutex_);
  return {hits_, misses_, entries_.size(), bytes_};
}

}  // namespace apertura::web
