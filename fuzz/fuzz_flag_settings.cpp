// The red-flag settings INI (Cardinal's format): settings or an error naming
// the line, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "money/flags/cardinal_settings.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  apertura::money::FlagSettings::from_ini(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
