#pragma once
// Answers to anonymous GET requests, kept in memory while the data they were
// built from is unchanged. An entry is keyed by the request (path and query as
// received, and the Accept header that picks HTML or JSON) and the day (pages
// count days: overdue milestones, deadlines), and belongs to one
// data version (store/data_version.h): every public write raises the version
// in its own transaction, so the first request after it is built again, on
// every server that shares the database. Each entry carries an ETag; a
// request that sends it back in If-None-Match gets 304 Not Modified.
//
// Only requests without a session or any cookie but the CSRF one are looked
// up, and only 200 answers without cookies of their own that do not contain
// the visitor's CSRF token (a form) are kept: nothing personal is ever shared.
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "web/request.h"
#include "web/response.h"

namespace apertura::web {

class PageCache {
 public:
  // At most `max_bytes` of bodies; an answer larger than a tenth of it is not kept.
  explicit PageCache(size_t max_bytes = 64u << 20) : max_bytes_(max_bytes) {}

  // Whether `request` may be answered from the cache: a GET from a visitor
  // without a session, carrying no cookie but the CSRF one.
  static bool may_answer(const Request& request);

  // The answer kept for `request` at data version `version` (304 when the
  // request already holds its ETag), or nullopt.
  std::optional<Response> find(const Request& request, int64_t version);

  // Keeps `response` for `request` at `version` when it is shareable, and
  // gives it its ETag either way.
  void keep(const Request& request, int64_t version, Response& response);

  // 304 Not Modified with `response`'s headers when `request` already holds
  // its ETag (If-None-Match), else nullopt.
  static std::optional<Response> not_modified(const Request& request, const Response& response);

  struct Counts {
    int64_t hits = 0;
    int64_t misses = 0;
    size_t entries = 0;
    size_t bytes = 0;
  };
  Counts counts() const;

 private:
  struct Entry {
    std::string key;
    Response response;
    std::string etag;
  };
  static std::string key_of(const Request& request);
  void evict_to(size_t bytes);

  size_t max_bytes_;
  mutable std::mutex mutex_;
  int64_t version_ = -1;              // the version every entry belongs to
  std::list<Entry> entries_;          // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
  int64_t hits_ = 0;
  int64_t misses_ = 0;
};

}  // namespace apertura::web
