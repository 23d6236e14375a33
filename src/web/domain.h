#pragma once
// A domain: one capability of the portal (accounts, action plans, the money
// trail...). It owns its services, and `install` registers everything it
// brings to the portal: its routes (pages and API), its menu entries, its
// permission tables, and what it adds to other domains' pages. The build
// finds the rest by folder: its migrations (migrations/), templates
// (templates/<domain>/) and OpenAPI fragment (api/paths/<domain>.json).
// The application is a list of domains, built and installed in order; a
// domain takes the domains it builds on in its constructor
// (docs/adding-a-domain.md).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.h"
#include "core/demo_run.h"
#include "core/permissions.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::web {

// A path whose POST bodies the server writes to a file as they arrive (an
// upload of any size), for the actors that may send one.
struct FileUpload {
  std::string path;
  std::function<bool(const Actor&)> allowed;
};

// What a domain installs into.
struct Site {
  Router& router;
  Pages& pages;  // pages.navigation() takes its menu entries
  PermissionCatalog& permissions;
  std::vector<FileUpload>& file_uploads;
  // Path prefixes whose callers are programs of other projects (CKAN clients):
  // they act only through an API token, never the session cookie, so they
  // need no CSRF token (web/middleware.h).
  std::vector<std::string>& token_only_paths;
};

class Domain {
 public:
  virtual ~Domain() = default;
  // The folder it lives in: "plans", "money".
  virtual std::string_view name() const = 0;
  virtual void install(Site& site) = 0;
  // Its demo data; domains load theirs in list order, so each finds what the
  // ones before it loaded.
  virtual void load_demo(DemoRun& demo) { (void)demo; }
  // Work beside the requests (the queue of imports): `start` when the server
  // starts, `stop` when it begins to stop (and before the domain goes).
  virtual void start() {}
  virtual void stop() {}
};

}  // namespace apertura::web
