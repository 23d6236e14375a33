// Turtle read with serd (core/rdf.h): what DCAT harvesting will read from
// other catalogs. Reading, and writing back what was read, must never crash.
// (That the written Turtle reads again is checked by tests/core/rdf_test.cpp
// on known documents; serd's writer has quirks on fuzzed input.)
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/rdf.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (text.find('\0') != std::string_view::npos) return 0;  // serd reads a C string
  auto triples = apertura::RdfGraph::parse_turtle(text, "http://example.org/");
  if (!triples.ok()) return 0;
  apertura::RdfGraph graph;
  for (const auto& t : *triples) graph.add(t.subject, t.predicate, t.object);
  (void)apertura::RdfGraph::parse_turtle(graph.to_turtle(), "http://example.org/");
  return 0;
}
