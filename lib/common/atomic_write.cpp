#include "common/atomic_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "common/error.h"

namespace kgen {

void write_file_atomically(const std::string& path, const std::string& content) {
  std::string tmpl = path + ".kgen-tmp-XXXXXX";
  const int fd = mkstemp(tmpl.data());
  if (fd < 0) {
    throw Error(std::string("cannot write: ") + std::strerror(errno), "check that the folder is writable",
                {display_path(path)});
  }
  struct stat existing {};
  if (stat(path.c_str(), &existing) == 0) fchmod(fd, existing.st_mode & 07777);
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string reason = std::strerror(errno);
      close(fd);
      unlink(tmpl.c_str());
      throw Error("cannot write: " + reason, "check free space and permissions", {display_path(path)});
    }
    written += static_cast<size_t>(n);
  }
  if (fsync(fd) != 0 || close(fd) != 0 || rename(tmpl.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    unlink(tmpl.c_str());
    throw Error("cannot write: " + reason, "check free space and permissions", {display_path(path)});
  }
}

}  // namespace kgen
