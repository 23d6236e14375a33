#include "plans/evidence_repository.h"

namespace apertura::plans {

namespace {

constexpr const char* kColumns =
    "SELECT id, milestone_id, kind, ref_kind, ref_id, title, url, file_name, content_type, size, sha256, storage, "
    "added_by_name, validation, validation_comment, validated_by_name, validated_at, created_at, version FROM evidence ";

Evidence evidence_from(const store::Row& row) {
  Evidence e;
  e.id = row.integer("id");
  e.milestone_id = row.integer("milestone_id");
  e.kind = row.text("kind");
  e.ref_kind = row.text("ref_kind");
  e.ref_id = row.text("ref_id");
  e.title = row.text("title");
  e.url = row.text("url");
  e.file_name = row.text("file_name");
  e.content_type = row.text("content_type");
  e.size = row.integer("size");
  e.sha256 = row.text("sha256");
  e.storage = row.text("storage");
  e.added_by_name = row.text("added_by_name");
  e.validation = row.text("validation");
  e.validation_comment = row.text("validation_comment");
  e.validated_by_name = row.text("validated_by_name");
  e.validated_at = row.optional_text("validated_at");
  e.created_at = row.text("created_at");
  e.version = row.integer("version");
  return e;
}

}  // namespace

int64_t EvidenceRepository::insert(store::Connection& c, const Evidence& e) {
  return c.insert_returning_id(
      "INSERT INTO evidence (milestone_id, kind, ref_kind, ref_id, title, url, file_name, content_type, size, sha256, "
      "storage, added_by_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {e.milestone_id, e.kind, e.ref_kind, e.ref_id, e.title, e.url, e.file_name, e.content_type, e.size, e.sha256,
       e.storage, e.added_by_name, e.created_at});
}

bool EvidenceRepository::save_validation(store::Connection& c, const Evidence& e) {
  return c.execute(
             "UPDATE evidence SET validation = ?, validation_comment = ?, validated_by_name = ?, validated_at = ?, "
             "version = version + 1 WHERE id = ? AND version = ?",
             {e.validation, e.validation_comment, e.validated_by_name, e.validated_at, e.id, e.version}) == 1;
}

std::optional<Evidence> EvidenceRepository::find(store::Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return evidence_from(*row);
}

std::vector<Evidence> EvidenceRepository::for_milestones(store::Connection& c, const std::vector<int64_t>& milestone_ids) {
  std::vector<Evidence> out;
  if (milestone_ids.empty()) return out;
  store::Params params(milestone_ids.begin(), milestone_ids.end());
  std::string placeholders = store::placeholder_list(params.size());
  for (const auto& row : c.query(std::string(kColumns) + "WHERE milestone_id IN (" + placeholders + ") ORDER BY id", params)) {
    out.push_back(evidence_from(row));
  }
  return out;
}

}  // namespace apertura::plans
