// The one error type of kgen's core. A stage throws it; only cmd/ prints it.
//
// It carries where the problem is (file, line, column: 0 when unknown), what is wrong,
// and what the user can do about it, so cmd/ can print a single actionable line.
#pragma once

#include <stdexcept>
#include <string>

namespace kgen {

struct Location {
  std::string file;  // as the user should see it (relative to the working directory when inside it)
  int line = 0;
  int column = 0;
};

class Error : public std::runtime_error {
 public:
  explicit Error(std::string message, std::string hint = {}, Location where = {}, std::string details = {});

  const std::string& message() const { return message_; }
  const std::string& hint() const { return hint_; }
  const Location& where() const { return where_; }
  // Extra lines printed after the error line (a Jsonnet stack trace, for example).
  const std::string& details() const { return details_; }

  // "file:line:col: message; hint" on one line.
  std::string one_line() const;

 private:
  std::string message_;
  std::string hint_;
  Location where_;
  std::string details_;
};

// Shortens an absolute path for messages: relative to the working directory when the
// path lies below it, unchanged otherwise.
std::string display_path(const std::string& path);

}  // namespace kgen
