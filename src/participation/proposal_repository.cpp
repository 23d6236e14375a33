#include "participation/proposal_repository.h"

#include "core/clock.h"

namespace apertura::participation {

namespace {

constexpr const char* kColumns =
    "SELECT p.id, p.jurisdiction_id, p.author_id, p.author_name, p.kind, p.title, p.description, p.aims, p.location, "
    "p.status, p.answer, p.commitment_id, p.answered_at, p.created_at, p.version, "
    "(SELECT COUNT(*) FROM proposal_supports s WHERE s.proposal_id = p.id) AS supports FROM proposals p ";

Proposal proposal_from(const store::Row& row) {
  Proposal p;
  p.id = row.integer("id");
  p.jurisdiction_id = row.integer("jurisdiction_id");
  p.author_id = row.integer("author_id");
  p.author_name = row.text("author_name");
  p.kind = parse_proposal_kind(row.text("kind")).value_or(ProposalKind::proposal);
  p.title = row.text("title");
  p.description = row.text("description");
  p.aims = row.text("aims");
  p.location = row.text("location");
  p.status = parse_proposal_status(row.text("status")).value_or(ProposalStatus::open);
  p.answer = row.text("answer");
  p.commitment_id = row.optional_integer("commitment_id");
  p.answered_at = row.optional_text("answered_at");
  p.created_at = row.text("created_at");
  p.version = row.integer("version");
  p.supports = row.integer("supports");
  return p;
}

}  // namespace

int64_t ProposalRepository::insert(store::Connection& c, const Proposal& p) {
  std::string now = now_timestamp();
  return c.insert_returning_id(
      "INSERT INTO proposals (jurisdiction_id, author_id, author_name, kind, title, description, aims, location, "
      "status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?) RETURNING id",
      {p.jurisdiction_id, p.author_id, p.author_name, proposal_kind_name(p.kind), p.title, p.description, p.aims,
       p.location, now, now});
}

std::optional<Proposal> ProposalRepository::find(store::Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kColumns) + "WHERE p.id = ?", {id});
  if (!row) return std::nullopt;
  return proposal_from(*row);
}

Paged<Proposal> ProposalRepository::for_jurisdiction(store::Connection& c, int64_t jurisdiction_id,
                                                     std::optional<ProposalStatus> status, const Slice& slice) {
  std::string filter = "WHERE p.jurisdiction_id = ? AND (? = '' OR p.status = ?) ";
  std::string status_text = status ? proposal_status_name(*status) : "";
  Paged<Proposal> page;
  for (const auto& row : c.query(std::string(kColumns) + filter + "ORDER BY p.created_at DESC, p.id DESC LIMIT ? OFFSET ?",
                                 {jurisdiction_id, status_text, status_text, slice.limit, slice.offset})) {
    page.items.push_back(proposal_from(row));
  }
  page.total = needs_count(page.items.size(), slice)
                   ? c.query_one("SELECT COUNT(*) AS n FROM proposals p " + filter, {jurisdiction_id, status_text, status_text})
                         ->integer("n")
                   : slice.offset + static_cast<int64_t>(page.items.size());
  return page;
}

std::vector<Proposal> ProposalRepository::by_author(store::Connection& c, int64_t author_id) {
  std::vector<Proposal> out;
  for (const auto& row : c.query(std::string(kColumns) + "WHERE p.author_id = ? ORDER BY p.id DESC", {author_id})) {
    out.push_back(proposal_from(row));
  }
  return out;
}

bool ProposalRepository::save_answer(store::Connection& c, const Proposal& p) {
  return c.execute(
             "UPDATE proposals SET status = ?, answer = ?, commitment_id = ?, answered_at = ?, updated_at = ?, "
             "version = version + 1 WHERE id = ? AND version = ?",
             {proposal_status_name(p.status), p.answer, p.commitment_id, p.answered_at, now_timestamp(), p.id,
              p.version}) == 1;
}

void ProposalRepository::add_support(store::Connection& c, int64_t proposal_id, int64_t user_id) {
  c.execute("INSERT INTO proposal_supports (proposal_id, user_id, created_at) VALUES (?, ?, ?)",
            {proposal_id, user_id, now_timestamp()});
}

int64_t ProposalRepository::add_comment(store::Connection& c, const ProposalComment& comment) {
  return c.insert_returning_id(
      "INSERT INTO proposal_comments (proposal_id, author_id, author_name, body, created_at) VALUES (?, ?, ?, ?, ?) "
      "RETURNING id",
      {comment.proposal_id, comment.author_id, comment.author_name, comment.body, now_timestamp()});
}

std::vector<ProposalComment> ProposalRepository::comments(store::Connection& c, int64_t proposal_id) {
  std::vector<ProposalComment> out;
  for (const auto& row : c.query("SELECT id, proposal_id, author_id, author_name, body, created_at FROM proposal_comments "
                                 "WHERE proposal_id = ? ORDER BY id",
                                 {proposal_id})) {
    out.push_back({row.integer("id"), row.integer("proposal_id"), row.integer("author_id"), row.text("author_name"),
                   row.text("body"), row.text("created_at")});
  }
  return out;
}

}  // namespace apertura::participation
