#include "core/rdf.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace apertura {
namespace {

TEST(Rdf, TurtleReadIsWrittenBackAsTurtleThatReadsTheSame) {
  std::ifstream in(std::string(APERTURA_SOURCE_DIR) + "/fuzz/corpus/turtle/dataset.ttl");
  std::stringstream text;
  text << in.rdbuf();
  auto triples = RdfGraph::parse_turtle(text.str(), "http://example.org/");
  ASSERT_TRUE(triples.ok()) << triples.error().message;
  EXPECT_EQ(triples->size(), 12u);
  RdfGraph graph;
  for (const auto& t : *triples) graph.add(t.subject, t.predicate, t.object);
  std::string written = graph.to_turtle();
  auto again = RdfGraph::parse_turtle(written, "http://example.org/");
  ASSERT_TRUE(again.ok()) << again.error().message << "\n" << written;
  EXPECT_EQ(again->size(), triples->size()) << written;
}

TEST(Rdf, BrokenTurtleIsAnErrorThatSaysWhere) {
  auto broken = RdfGraph::parse_turtle("<a> <b> \"sin cerrar .\n", "http://example.org/");
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().message.find("línea"), std::string::npos) << broken.error().message;
}

}  // namespace
}  // namespace apertura
