#include "kiosk/model/small_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kiosk::model {

int open_regular_file(const std::string& path, std::uint64_t& size, std::string& why) {
    const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        why = std::string("cannot be read: ") + std::strerror(errno);
        return -1;
    }
    struct stat st {};
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        why = "is not a regular file";
        close(fd);
        return -1;
    }
    size = static_cast<std::uint64_t>(st.st_size);
    return fd;
}

bool read_small_file(const std::string& path, std::uint64_t limit, std::string& text,
                     std::string& why) {
    std::uint64_t size = 0;
    const int fd = open_regular_file(path, size, why);
    if (fd < 0) return false;
    bool ok = true;
    if (size > limit) {
        why = "is " + std::to_string(size) + " bytes; files larger than " + std::to_string(limit) +
              " bytes are not read";
        ok = false;
    }
    if (ok) {
        // The file may grow while it is read: never take more than the limit.
        text.resize(static_cast<size_t>(size));
        size_t got = 0;
        char extra;
        while (got < text.size()) {
            const ssize_t n = read(fd, text.data() + got, text.size() - got);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            got += static_cast<size_t>(n);
        }
        text.resize(got);
        if (read(fd, &extra, 1) > 0) {
            why = "grew while it was read; try again once it is saved";
            ok = false;
        }
    }
    close(fd);
    return ok;
}

}  // namespace kiosk::model
