#include "core/markdown.h"

#include <gtest/gtest.h>

namespace apertura {
namespace {

TEST(Markdown, HtmlKeepsTheTextAndDropsRawHtml) {
  std::string html = markdown_to_safe_html("Lo **aprobado** <script>alert(1)</script> [aquí](javascript:x)");
  EXPECT_NE(html.find("<strong>aprobado</strong>"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
}

TEST(Markdown, PlainTextLosesItsMarks) {
  EXPECT_EQ(markdown_as_plain_text("# Datos\n**Cada** fila es `una` obra; ver [el decreto](https://x.mx/d.pdf).\n> Nota"),
            "Datos Cada fila es una obra; ver el decreto. Nota");
  EXPECT_EQ(markdown_as_plain_text("la columna modificado_mxn"), "la columna modificado_mxn");
  EXPECT_EQ(markdown_as_plain_text("[sin cerrar"), "sin cerrar");
}

}  // namespace
}  // namespace apertura
