#include <gtest/gtest.h>

#include "web/multipart.h"

namespace apertura::web {
namespace {

TEST(Multipart, FindsTheBoundary) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=----abc123"), "----abc123");
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=\"quoted\""), "quoted");
  EXPECT_FALSE(multipart_boundary("application/json").has_value());
  EXPECT_FALSE(multipart_boundary("multipart/form-data").has_value());
}

TEST(Multipart, SplitsFieldsAndFilesKeepingBinaryData) {
  std::string binary("%PDF-1.4\r\n\0\x01--not-the-boundary", 29);
  std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nActa firmada\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"acta.pdf\"\r\n"
      "Content-Type: application/pdf\r\n\r\n" + binary + "\r\n--XyZ--\r\n";
  auto parts = parse_multipart(body, "XyZ");
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "title");
  EXPECT_EQ((*parts)[0].data, "Acta firmada");
  EXPECT_FALSE((*parts)[0].filename.has_value());
  EXPECT_EQ((*parts)[1].filename, "acta.pdf");
  EXPECT_EQ((*parts)[1].content_type, "application/pdf");
  EXPECT_EQ((*parts)[1].data, binary);
}

TEST(Multipart, MalformedBodiesAreBadRequests) {
  for (const char* body : {"", "no boundary here", "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nsin cierre",
                           "--XyZ\r\nsin encabezados", "--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--"}) {
    auto parts = parse_multipart(body, "XyZ");
    ASSERT_FALSE(parts.ok()) << body;
    EXPECT_EQ(parts.error().kind, ErrorKind::bad_request);
  }
}

}  // namespace
}  // namespace apertura::web
