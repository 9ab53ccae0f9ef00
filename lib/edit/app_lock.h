// An exclusive lock on an app for one read-change-write (internal to the edit stage):
// flock on the app folder itself, so no lock file is left behind.
#pragma once

#include <string>

namespace kgen::edit {

class AppLock {
 public:
  explicit AppLock(const std::string& root);  // blocks until the lock is ours
  ~AppLock();
  AppLock(const AppLock&) = delete;
  AppLock& operator=(const AppLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace kgen::edit
