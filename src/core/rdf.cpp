#include "core/rdf.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <map>
#include <memory>

#include <serd/serd.h>

namespace apertura {

namespace {

constexpr const char* kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

const uint8_t* bytes(const std::string& text) { return reinterpret_cast<const uint8_t*>(text.c_str()); }

SerdNode node_of(const RdfTerm& term) {
  switch (term.kind) {
    case RdfTerm::Kind::iri: return serd_node_from_string(SERD_URI, bytes(term.value));
    case RdfTerm::Kind::blank: return serd_node_from_string(SERD_BLANK, bytes(term.value));
    case RdfTerm::Kind::literal: return serd_node_from_string(SERD_LITERAL, bytes(term.value));
  }
  return SERD_NODE_NULL;
}

std::string text_of(const SerdNode* node) {
  return node && node->buf ? std::string(reinterpret_cast<const char*>(node->buf), node->n_bytes) : std::string();
}

RdfTerm term_of(const SerdNode* node, const SerdNode* datatype, const SerdNode* language) {
  switch (node->type) {
    case SERD_URI: return RdfTerm::iri(text_of(node));
    case SERD_BLANK: return RdfTerm::blank(text_of(node));
    default: break;
  }
  RdfTerm term = RdfTerm::text(text_of(node), text_of(language));
  term.datatype = text_of(datatype);
  return term;
}

// What serd's reader hands over, and the prefixes it met (to expand CURIEs).
struct Parsed {
  std::vector<RdfTriple> triples;
  SerdEnv* env = nullptr;
  std::string error;
};

std::string expanded(Parsed& parsed, const SerdNode* node) {
  if (node->type != SERD_CURIE) return text_of(node);
  SerdChunk prefix, suffix;
  if (serd_env_expand(parsed.env, node, &prefix, &suffix) != SERD_SUCCESS) return text_of(node);
  return std::string(reinterpret_cast<const char*>(prefix.buf), prefix.len) +
         std::string(reinterpret_cast<const char*>(suffix.buf), suffix.len);
}

}  // namespace

void RdfGraph::add(const RdfTerm& subject, const std::string& predicate, const RdfTerm& object) {
  if (object.value.empty() && object.kind != RdfTerm::Kind::blank) return;
  triples_.push_back({subject, predicate, object});
}

std::string RdfGraph::to_turtle() const {
  SerdEnv* env = serd_env_new(nullptr);
  for (const auto& [name, iri] : prefixes_) serd_env_set_prefix_from_strings(env, bytes(name), bytes(iri));
  SerdChunk chunk{nullptr, 0};
  SerdWriter* writer = serd_writer_new(SERD_TURTLE, static_cast<SerdStyle>(SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED), env,
                                       nullptr, serd_chunk_sink, &chunk);
  serd_env_foreach(env, reinterpret_cast<SerdPrefixSink>(serd_writer_set_prefix), writer);
  // A subject's triples together, subjects in the order first seen, so the writer abbreviates them.
  std::vector<const RdfTriple*> ordered;
  std::map<std::pair<RdfTerm::Kind, std::string>, size_t> first_seen;
  for (const auto& t : triples_) first_seen.emplace(std::make_pair(t.subject.kind, t.subject.value), first_seen.size());
  for (const auto& t : triples_) ordered.push_back(&t);
  std::stable_sort(ordered.begin(), ordered.end(), [&first_seen](const RdfTriple* a, const RdfTriple* b) {
    return first_seen[{a->subject.kind, a->subject.value}] < first_seen[{b->subject.kind, b->subject.value}];
  });
  for (const RdfTriple* triple : ordered) {
    const RdfTriple& t = *triple;
    SerdNode subject = node_of(t.subject);
    SerdNode predicate = serd_node_from_string(SERD_URI, bytes(t.predicate));
    SerdNode object = node_of(t.object);
    SerdNode datatype = t.object.datatype.empty() ? SERD_NODE_NULL : serd_node_from_string(SERD_URI, bytes(t.object.datatype));
    SerdNode language = t.object.language.empty() ? SERD_NODE_NULL : serd_node_from_string(SERD_LITERAL, bytes(t.object.language));
    serd_writer_write_statement(writer, 0, nullptr, &subject, &predicate, &object, datatype.buf ? &datatype : nullptr,
                                language.buf ? &language : nullptr);
  }
  serd_writer_finish(writer);
  serd_writer_free(writer);
  serd_env_free(env);
  std::unique_ptr<uint8_t, decltype(&serd_free)> text(serd_chunk_sink_finish(&chunk), &serd_free);
  return text ? std::string(reinterpret_cast<const char*>(text.get())) : std::string();
}

std::string RdfGraph::compact(const std::string& iri) const {
  for (const auto& [name, base] : prefixes_) {
    if (iri.size() > base.size() && iri.compare(0, base.size(), base) == 0) return name + ":" + iri.substr(base.size());
  }
  return iri;
}

nlohmann::json RdfGraph::to_jsonld() const {
  nlohmann::json context = nlohmann::json::object();
  for (const auto& [name, iri] : prefixes_) context[name] = iri;
  std::vector<std::string> order;
  std::map<std::string, nlohmann::json> nodes;
  for (const auto& t : triples_) {
    std::string id = t.subject.kind == RdfTerm::Kind::blank ? "_:" + t.subject.value : t.subject.value;
    auto found = nodes.find(id);
    if (found == nodes.end()) {
      order.push_back(id);
      found = nodes.emplace(id, nlohmann::json{{"@id", id}}).first;
    }
    nlohmann::json& node = found->second;
    if (t.predicate == kRdfType && t.object.kind == RdfTerm::Kind::iri) {
      node["@type"].push_back(compact(t.object.value));
      continue;
    }
    nlohmann::json value;
    if (t.object.kind == RdfTerm::Kind::iri) value = {{"@id", t.object.value}};
    else if (t.object.kind == RdfTerm::Kind::blank) value = {{"@id", "_:" + t.object.value}};
    else {
      value = {{"@value", t.object.value}};
      if (!t.object.datatype.empty()) value["@type"] = compact(t.object.datatype);
      if (!t.object.language.empty()) value["@language"] = t.object.language;
    }
    node[compact(t.predicate)].push_back(value);
  }
  nlohmann::json graph = nlohmann::json::array();
  for (const auto& id : order) graph.push_back(std::move(nodes[id]));
  return {{"@context", context}, {"@graph", graph}};
}

Result<std::vector<RdfTriple>> RdfGraph::parse_turtle(std::string_view text, const std::string& base) {
  Parsed parsed;
  SerdNode base_node = serd_node_from_string(SERD_URI, bytes(base));
  parsed.env = serd_env_new(&base_node);
  auto on_prefix = [](void* handle, const SerdNode* name, const SerdNode* uri) -> SerdStatus {
    return serd_env_set_prefix(static_cast<Parsed*>(handle)->env, name, uri);
  };
  auto on_statement = [](void* handle, SerdStatementFlags, const SerdNode*, const SerdNode* subject, const SerdNode* predicate,
                         const SerdNode* object, const SerdNode* datatype, const SerdNode* language) -> SerdStatus {
    auto& p = *static_cast<Parsed*>(handle);
    RdfTerm s = term_of(subject, nullptr, nullptr);
    if (subject->type == SERD_CURIE) s = RdfTerm::iri(expanded(p, subject));
    RdfTerm o = term_of(object, nullptr, language);
    if (object->type == SERD_CURIE) o = RdfTerm::iri(expanded(p, object));
    if (object->type == SERD_LITERAL && datatype) o.datatype = expanded(p, datatype);
    p.triples.push_back({s, expanded(p, predicate), o});
    return SERD_SUCCESS;
  };
  SerdReader* reader = serd_reader_new(SERD_TURTLE, &parsed, nullptr, nullptr, on_prefix, on_statement, nullptr);
  serd_reader_set_strict(reader, true);
  // The document's blank node labels get a prefix of their own, so none looks
  // like the "b1" serd makes for [ ] (it would rename one to "B1", which it
  // then refuses to read back beside a "b1").
  serd_reader_add_blank_prefix(reader, reinterpret_cast<const uint8_t*>("n"));
  auto on_error = [](void* handle, const SerdError* error) -> SerdStatus {
    auto& p = *static_cast<Parsed*>(handle);
    char message[512];
    std::vsnprintf(message, sizeof message, error->fmt, *error->args);
    p.error = "línea " + std::to_string(error->line) + ", columna " + std::to_string(error->col) + ": " + message;
    return SERD_SUCCESS;
  };
  serd_reader_set_error_sink(reader, on_error, &parsed);
  std::string input(text);
  SerdStatus status = serd_reader_read_string(reader, bytes(input));
  serd_reader_free(reader);
  serd_env_free(parsed.env);
  // SERD_FAILURE is the end of a document that held no statement (empty, or comments only).
  if (status != SERD_SUCCESS && !(status == SERD_FAILURE && parsed.error.empty())) {
    return Error::bad_request("El Turtle no se pudo leer: " + (parsed.error.empty() ? std::string(reinterpret_cast<const char*>(serd_strerror(status))) : parsed.error));
  }
  return parsed.triples;
}

}  // namespace apertura
