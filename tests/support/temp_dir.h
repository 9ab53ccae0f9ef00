// A temporary folder for a test, removed when the test ends.
#pragma once

#include <map>
#include <string>

namespace kgen::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // Writes `content` to path()/relative, creating folders as needed; returns the full path.
  std::string write(const std::string& relative, const std::string& content) const;
  // Writes several files at once: relative path -> content.
  void write_all(const std::map<std::string, std::string>& files) const;

 private:
  std::string path_;
};

}  // namespace kgen::testing
