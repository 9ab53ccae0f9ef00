#include "edit/app_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "common/error.h"

namespace kgen::edit {

AppLock::AppLock(const std::string& root) : fd_(open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
  if (fd_ < 0 || flock(fd_, LOCK_EX) != 0) {
    throw Error("cannot lock the app folder", "check its permissions", {display_path(root)});
  }
}

AppLock::~AppLock() {
  if (fd_ >= 0) close(fd_);
}

}  // namespace kgen::edit
