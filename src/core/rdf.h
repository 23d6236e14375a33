#pragma once
// An RDF graph as a list of triples, written as Turtle (by serd, Debian's
// libserd) or as JSON-LD, and Turtle read back into triples (serd's reader):
// what the catalog's DCAT speaks.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace apertura {

struct RdfTerm {
  enum class Kind { iri, blank, literal };
  Kind kind = Kind::literal;
  std::string value;     // the IRI, the blank node's label ("b1"), or the literal's text
  std::string datatype;  // a literal's datatype IRI; "" for a plain string
  std::string language;  // a plain string's language ("es")

  static RdfTerm iri(std::string value) { return {Kind::iri, std::move(value), "", ""}; }
  static RdfTerm blank(std::string label) { return {Kind::blank, std::move(label), "", ""}; }
  static RdfTerm text(std::string value, std::string language = "") {
    return {Kind::literal, std::move(value), "", std::move(language)};
  }
  static RdfTerm typed(std::string value, std::string datatype) {
    return {Kind::literal, std::move(value), std::move(datatype), ""};
  }
  bool operator==(const RdfTerm& other) const = default;
};

struct RdfTriple {
  RdfTerm subject;
  std::string predicate;  // an IRI
  RdfTerm object;
  bool operator==(const RdfTriple& other) const = default;
};

class RdfGraph {
 public:
  // A prefix the Turtle and JSON-LD use for IRIs that start with `iri`.
  void prefix(std::string name, std::string iri) { prefixes_.emplace_back(std::move(name), std::move(iri)); }
  // Adds the triple; an empty literal or IRI object is left out (a field not filled in).
  void add(const RdfTerm& subject, const std::string& predicate, const RdfTerm& object);
  const std::vector<RdfTriple>& triples() const { return triples_; }
  // Turtle, with the prefixes, a subject's triples together (in the order added).
  std::string to_turtle() const;
  // JSON-LD: the prefixes as @context and one node object per subject in @graph.
  nlohmann::json to_jsonld() const;
  // The triples of a Turtle document (relative IRIs against `base`); an error
  // names what serd could not read. Blank node labels come back prefixed
  // with "n" ("_:x" is "nx").
  static Result<std::vector<RdfTriple>> parse_turtle(std::string_view text, const std::string& base);

 private:
  std::string compact(const std::string& iri) const;
  std::vector<std::pair<std::string, std::string>> prefixes_;
  std::vector<RdfTriple> triples_;
};

}  // namespace apertura
