#include "core/text_pdf.h"

#include <cstdio>

namespace apertura {

namespace {

constexpr int kPageWidth = 612;
constexpr int kPageHeight = 792;
constexpr int kMargin = 72;
constexpr int kLeading = 15;  // 11 pt text
constexpr size_t kColumns = 88;  // characters of 11 pt Helvetica in 468 pt, on average

// UTF-8 to Latin-1 bytes (WinAnsi agrees with Latin-1 on letters Spanish uses).
std::string latin1(const std::string& utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size(); ++i) {
    auto c = static_cast<unsigned char>(utf8[i]);
    unsigned code = c;
    if (c >= 0xC0 && c < 0xE0 && i + 1 < utf8.size()) {
      code = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3Fu);
    } else if (c >= 0x80) {
      code = '?';
      while (i + 1 < utf8.size() && (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80) ++i;
    }
    out += static_cast<char>(code > 0xFF ? '?' : code);
  }
  return out;
}

// A PDF string literal of Latin-1 text.
std::string literal(const std::string& text) {
  std::string out = "(";
  for (char c : text) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') c = ' ';
    out += c;
  }
  return out + ")";
}

// Lines of at most kColumns characters, broken at spaces where there are any.
std::vector<std::string> wrapped(const std::string& paragraph) {
  std::vector<std::string> lines;
  std::string rest = paragraph;
  while (rest.size() > kColumns) {
    size_t cut = rest.rfind(' ', kColumns);
    if (cut == std::string::npos || cut == 0) cut = kColumns;
    lines.push_back(rest.substr(0, cut));
    rest = rest.substr(cut == kColumns && rest[cut] != ' ' ? cut : cut + 1);
  }
  lines.push_back(rest);
  return lines;
}

}  // namespace

std::string text_pdf(const std::string& title, const std::vector<std::string>& paragraphs) {
  std::vector<std::string> lines;
  for (const auto& paragraph : paragraphs) {
    for (auto& line : wrapped(latin1(paragraph))) lines.push_back(std::move(line));
  }
  // Pages: the first starts below the title.
  std::vector<std::string> contents;
  size_t next = 0;
  do {
    bool first = contents.empty();
    int y = kPageHeight - kMargin;
    std::string content = "BT /F1 11 Tf";
    if (first) {
      content = "BT /F1 15 Tf " + std::to_string(kMargin) + " " + std::to_string(y) + " Td " + literal(latin1(title)) +
                " Tj /F1 11 Tf 0 -" + std::to_string(kLeading * 2) + " Td";
      y -= kLeading * 2;
    } else {
      content += " " + std::to_string(kMargin) + " " + std::to_string(y) + " Td";
    }
    bool moved = false;
    while (next < lines.size() && y >= kMargin) {
      if (moved) content += " 0 -" + std::to_string(kLeading) + " Td";
      content += " " + literal(lines[next++]) + " Tj";
      y -= kLeading;
      moved = true;
    }
    contents.push_back(content + " ET");
  } while (next < lines.size());

  // Objects: 1 catalog, 2 pages, 3 font, then a page and its content for each page.
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", "",
                                      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
  std::string kids;
  for (const auto& content : contents) {
    size_t page = objects.size() + 1;
    kids += (kids.empty() ? "" : " ") + std::to_string(page) + " 0 R";
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(kPageWidth) + " " +
                      std::to_string(kPageHeight) + "] /Contents " + std::to_string(page + 1) +
                      " 0 R /Resources << /Font << /F1 3 0 R >> >> >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(contents.size()) + " >>";

  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  char entry[32];
  for (size_t offset : offsets) {
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace apertura
