#include "core/license.h"

#include <gtest/gtest.h>

namespace apertura {
namespace {

TEST(License, AnOfferedLicenceIsFoundByTheUrlAPackageStates) {
  EXPECT_EQ(License::for_url("https://creativecommons.org/licenses/by/4.0/")->id, "CC-BY-4.0");
  EXPECT_EQ(License::for_url("http://creativecommons.org/licenses/by/4.0")->id, "CC-BY-4.0");
  EXPECT_EQ(License::for_url("https://creativecommons.org/licenses/by/4.0/deed.es")->id, "CC-BY-4.0");
  EXPECT_EQ(License::for_url("https://datos.gob.mx/libreusomx")->id, "Libre-Uso-MX");
  EXPECT_FALSE(License::for_url("https://creativecommons.org/licenses/by-sa/4.0/"));
  EXPECT_FALSE(License::for_url(""));
}

}  // namespace
}  // namespace apertura
