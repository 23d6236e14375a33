#include "catalog/link_checker.h"

#include <memory>
#include <mutex>

#include <curl/curl.h>

#include "catalog/messages.h"

namespace apertura::catalog {

namespace {

size_t discard(char*, size_t size, size_t count, void*) { return size * count; }

LinkCheck request(const std::string& url, std::chrono::seconds timeout, bool head) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) return {0, say(Msg::link_check_unprepared)};
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_NOBODY, head ? 1L : 0L);
  curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl.get(), CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, static_cast<long>(timeout.count()));
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_USERAGENT, "Apertura-link-check/1.0");
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, discard);
  // A GET reads no more than the start of the file.
  curl_easy_setopt(curl.get(), CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(1) << 40);
  curl_easy_setopt(curl.get(), CURLOPT_RANGE, head ? nullptr : "0-1023");
  curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, error);
  CURLcode code = curl_easy_perform(curl.get());
  if (code != CURLE_OK) return {0, error[0] ? error : curl_easy_strerror(code)};
  long status = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  return {status, ""};
}

}  // namespace

LinkCheck probe_link(const std::string& url, std::chrono::seconds timeout) {
  LinkCheck check = request(url, timeout, true);
  // Some servers refuse HEAD (405, 501) or answer it wrongly (403): ask for the first bytes instead.
  if (check.status == 405 || check.status == 501 || check.status == 403) check = request(url, timeout, false);
  return check;
}

}  // namespace apertura::catalog
