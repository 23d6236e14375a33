#include "core/text_encoding.h"

#include <gtest/gtest.h>

namespace apertura {
namespace {

std::string decode_in_chunks(const std::string& encoding, std::string_view bytes, size_t size) {
  Utf8Decoder decoder(encoding);
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += size) {
    EXPECT_TRUE(decoder.decode(bytes.substr(i, size), out, false)) << "chunks of " << size;
  }
  EXPECT_TRUE(decoder.decode("", out, true));
  return out;
}

TEST(TextEncoding, NamesUtf8Utf16AndSpanishSingleByteText) {
  EXPECT_EQ(detect_encoding("a,b\nacción,año\n"), "UTF-8");
  EXPECT_EQ(detect_encoding("\xEF\xBB\xBF" "a,b\n"), "UTF-8");
  EXPECT_EQ(detect_encoding("\xFF\xFE" "a\0,\0b\0"), "UTF-16LE");
  EXPECT_EQ(detect_encoding(std::string("a\0,\0b\0\n\0", 8)), "UTF-16LE");
  EXPECT_EQ(detect_encoding(std::string("\0a\0,\0b\0\n", 8)), "UTF-16BE");
  // "Secretaría de Educación, año 2024" in Windows-1252.
  std::string latin = "municipio,descripci\xF3n\nZapopan,Secretar\xED" "a de Educaci\xF3n del a\xF1o\n";
  EXPECT_EQ(detect_encoding(latin), "WINDOWS-1252");
  // A character cut at the end of a sample of UTF-8 is still UTF-8, unless the input ends there.
  EXPECT_EQ(detect_encoding("acci\xC3"), "UTF-8");
  EXPECT_NE(detect_encoding("acci\xC3", false), "UTF-8");
}

TEST(TextEncoding, DecodesChunksCutInsideCharacters) {
  std::string utf8 = "año,acción,€\n";
  std::string utf16le;
  for (char16_t c : std::u16string(u"año,acción,€\n")) {
    utf16le += static_cast<char>(c & 0xFF);
    utf16le += static_cast<char>(c >> 8);
  }
  for (size_t size = 1; size <= 5; ++size) {
    EXPECT_EQ(decode_in_chunks("UTF-8", "\xEF\xBB\xBF" + utf8, size), utf8);
    EXPECT_EQ(decode_in_chunks("UTF-16LE", utf16le, size), utf8);
    EXPECT_EQ(decode_in_chunks("WINDOWS-1252", "a\xF1o,acci\xF3n,\x80\n", size), utf8);
  }
  EXPECT_EQ(decode_in_chunks("UTF-16LE", "\xFF\xFE" + utf16le, 64), utf8);
}

TEST(TextEncoding, AnInvalidByteStopsTheDecoderAndIsNamedByItsOffset) {
  Utf8Decoder decoder("UTF-8");
  std::string out;
  EXPECT_TRUE(decoder.decode("abc,d", out, false));
  EXPECT_FALSE(decoder.decode("ef\xF1o,gh", out, false));
  EXPECT_EQ(decoder.error_offset(), 7);
  EXPECT_EQ(out, "abc,def");
  Utf8Decoder cut("UTF-8");
  std::string more;
  EXPECT_FALSE(cut.decode("ab\xC3", more, true));
  EXPECT_EQ(cut.error_offset(), 2);
  EXPECT_THROW(Utf8Decoder("NO-SUCH-CHARSET"), std::invalid_argument);
}

}  // namespace
}  // namespace apertura
