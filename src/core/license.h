#pragma once
// The licences a record can be published under: Creative Commons
// Attribution 4.0 (the default) and Mexico's "Términos de Libre Uso MX".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace apertura {

struct License {
  std::string id;     // "CC-BY-4.0", "Libre-Uso-MX": what the database keeps
  std::string title;  // for people
  std::string url;
  static License cc_by_4();
  static License libre_uso_mx();
  // Every licence a record may take, the default first.
  static const std::vector<License>& offered();
  // The offered licence with this id, if any.
  static std::optional<License> find(std::string_view id);
  // The offered licence with this id; the default for "" or an id not offered.
  static License find_or_default(std::string_view id);
  // What a person chose on a form, the API or the command line: "" is the
  // default; an id not offered is an invalid `license` field.
  static Result<License> choose(std::string_view id);
  // The offered licence whose deed is at `url` (as an OCDS package states it,
  // with or without a language or a trailing slash), if any.
  static std::optional<License> for_url(std::string_view url);
  // The licence all of `licenses` share (the default for none), or nullopt
  // when they differ: what a list of records from several sources carries.
  static std::optional<License> shared(const std::vector<License>& licenses);
};

}  // namespace apertura
