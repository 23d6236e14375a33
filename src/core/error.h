#pragma once
// A domain error is a value: what went wrong, in words a user can act on, and
// which fields of the input caused it. The web layer maps each kind to an HTTP
// status; the command line prints the message and the fields.
#include <string>
#include <vector>

namespace apertura {

enum class ErrorKind {
  invalid,          // the input breaks a rule (422)
  bad_request,      // the input cannot be read at all (400)
  unauthenticated,  // sign in first (401)
  forbidden,        // signed in, but the role may not do this (403)
  not_found,        // no such record (404)
  conflict,         // the record already exists or changed meanwhile (409)
  too_many_requests,  // a rate limit was hit (429)
};

struct FieldError {
  std::string field;
  std::string message;
};

struct Error {
  ErrorKind kind = ErrorKind::invalid;
  std::string message;
  std::vector<FieldError> fields;

  static Error invalid(std::string message, std::vector<FieldError> fields = {}) {
    return {ErrorKind::invalid, std::move(message), std::move(fields)};
  }
  static Error bad_request(std::string message) { return {ErrorKind::bad_request, std::move(message), {}}; }
  static Error unauthenticated(std::string message) {
    return {ErrorKind::unauthenticated, std::move(message), {}};
  }
  static Error forbidden(std::string message) { return {ErrorKind::forbidden, std::move(message), {}}; }
  static Error not_found(std::string message) { return {ErrorKind::not_found, std::move(message), {}}; }
  static Error conflict(std::string message, std::vector<FieldError> fields = {}) {
    return {ErrorKind::conflict, std::move(message), std::move(fields)};
  }
  static Error too_many_requests(std::string message) {
    return {ErrorKind::too_many_requests, std::move(message), {}};
  }
};

// Thrown only where unwinding is the clearest path (a handler deep in a call
// chain); services return Result instead.
struct DomainException : std::exception {
  explicit DomainException(Error e) : error(std::move(e)) {}
  const char* what() const noexcept override { return error.message.c_str(); }
  Error error;
};

// Collects field errors while a form or JSON body is checked, so the user sees
// every problem at once rather than one per submission.
class Validation {
 public:
  void fail(std::string field, std::string message) {
    fields_.push_back({std::move(field), std::move(message)});
  }
  void require(bool condition, std::string field, std::string message) {
    if (!condition) fail(std::move(field), std::move(message));
  }
  bool ok() const { return fields_.empty(); }
  Error error(std::string message = "Revisa los campos marcados.") const {
    return Error::invalid(std::move(message), fields_);
  }

 private:
  std::vector<FieldError> fields_;
};

}  // namespace apertura
