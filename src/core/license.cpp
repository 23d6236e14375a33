#include "core/license.h"

namespace apertura {

License License::cc_by_4() {
  return {"CC-BY-4.0", "Creative Commons Atribución 4.0 Internacional",
          "https://creativecommons.org/licenses/by/4.0/deed.es"};
}

License License::libre_uso_mx() {
  return {"Libre-Uso-MX", "Términos de Libre Uso MX", "https://datos.gob.mx/libreusomx"};
}

const std::vector<License>& License::offered() {
  static const std::vector<License> licenses = {cc_by_4(), libre_uso_mx()};
  return licenses;
}

std::optional<License> License::find(std::string_view id) {
  for (const License& license : offered()) {
    if (license.id == id) return license;
  }
  return std::nullopt;
}

License License::find_or_default(std::string_view id) { return find(id).value_or(cc_by_4()); }

Result<License> License::choose(std::string_view id) {
  if (id.empty()) return cc_by_4();
  if (auto license = find(id)) return *license;
  return Error::invalid("Elige una de las licencias ofrecidas.",
                        {{"license", "«" + std::string(id) + "» no es CC-BY-4.0 ni Libre-Uso-MX"}});
}

std::optional<License> License::for_url(std::string_view url) {
  auto base = [](std::string_view text) {
    for (std::string_view scheme : {"https://", "http://"}) {
      if (text.substr(0, scheme.size()) == scheme) text.remove_prefix(scheme.size());
    }
    if (text.size() > 8 && text.substr(text.size() - 8) == "/deed.es") text.remove_suffix(8);
    while (!text.empty() && text.back() == '/') text.remove_suffix(1);
    return text;
  };
  for (const License& license : offered()) {
    if (!url.empty() && base(license.url) == base(url)) return license;
  }
  return std::nullopt;
}

std::optional<License> License::shared(const std::vector<License>& licenses) {
  if (licenses.empty()) return cc_by_4();
  for (const License& license : licenses) {
    if (license.url != licenses.front().url) return std::nullopt;
  }
  return licenses.front();
}

}  // namespace apertura
