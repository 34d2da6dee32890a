#include "kiosk/state/state_dir.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <utility>

namespace kiosk::state {

namespace {

constexpr const char* kLockName = "kiosk.lock";
constexpr const char* kTemporarySuffix = ".tmp";

std::string errno_text() {
    return std::strerror(errno);
}

class Fd {
  public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }

  private:
    int fd_;
};

std::string random_suffix() {
    static thread_local std::mt19937_64 random(std::random_device{}());
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(random()));
    return text;
}

bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

}  // namespace

std::optional<StateDir> StateDir::open(const std::filesystem::path& dir, std::string* why) {
    const auto fail = [&](const std::string& what) -> std::optional<StateDir> {
        if (why) *why = dir.string() + ": " + what;
        return std::nullopt;
    };
    if (dir.empty()) return fail("no folder to keep state in");
    std::error_code ec;
    if (dir.has_parent_path()) std::filesystem::create_directories(dir.parent_path(), ec);
    if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return fail(errno_text());
    // Opened without following a link: a link planted in place of the folder is refused.
    struct stat link {};
    if (lstat(dir.c_str(), &link) == 0 && S_ISLNK(link.st_mode))
        return fail("is a symbolic link; give the real folder");
    const Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0) return fail("cannot be opened: " + errno_text());
    struct stat st {};
    if (fstat(fd.get(), &st) != 0) return fail(errno_text());
    if (st.st_uid != geteuid())
        return fail("belongs to another user (uid " + std::to_string(st.st_uid) +
                    "); the kiosk keeps its state only in a folder of its own");
    if ((st.st_mode & 077) != 0 && fchmod(fd.get(), 0700) != 0)
        return fail("cannot be made private (chmod 700): " + errno_text());
    return StateDir(dir);
}

StateDir::StateDir(StateDir&& other) noexcept
    : path_(std::move(other.path_)), lock_fd_(std::exchange(other.lock_fd_, -1)) {}

StateDir& StateDir::operator=(StateDir&& other) noexcept {
    if (this != &other) {
        if (lock_fd_ >= 0) close(lock_fd_);
        path_ = std::move(other.path_);
        lock_fd_ = std::exchange(other.lock_fd_, -1);
    }
    return *this;
}

StateDir::~StateDir() {
    if (lock_fd_ >= 0) close(lock_fd_);  // closing releases the flock
}

bool StateDir::lock(std::string* why) {
    const auto file = path_ / kLockName;
    const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0600);
    if (fd < 0) {
        if (why) *why = file.string() + ": cannot be opened: " + errno_text();
        return false;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        char text[32] = "";
        const ssize_t n = pread(fd, text, sizeof text - 1, 0);
        text[n > 0 ? n : 0] = '\0';
        const long pid = std::strtol(text, nullptr, 10);
        close(fd);
        if (why)
            *why = "another kiosk" + (pid > 0 ? " (process " + std::to_string(pid) + ")" : "") +
                   " is using " + path_.string() +
                   "; stop it first, or give this one a folder of its own with --state-dir";
        return false;
    }
    const std::string pid = std::to_string(getpid()) + "\n";
    if (ftruncate(fd, 0) == 0) (void)!pwrite(fd, pid.data(), pid.size(), 0);
    lock_fd_ = fd;
    return true;
}

void StateDir::remove_leftovers() const {
    DIR* dir = opendir(path_.c_str());
    if (!dir) return;
    const int dfd = dirfd(dir);
    while (const dirent* entry = readdir(dir)) {
        const std::string_view name = entry->d_name;
        if (name.size() > 5 && name.front() == '.' &&
            name.substr(name.size() - 4) == kTemporarySuffix)
            unlinkat(dfd, entry->d_name, 0);
    }
    closedir(dir);
}

bool write_file_atomically(const std::filesystem::path& dir, const std::string& name,
                           std::string_view data, bool durable, std::string* error, mode_t mode) {
    const auto fail = [&](const std::string& what) {
        if (error) *error = (dir / name).string() + ": cannot be written: " + what;
        return false;
    };
    const Fd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (dir_fd.get() < 0) return fail(errno_text());
    std::string temporary;
    int fd = -1;
    for (int attempt = 0; attempt < 8 && fd < 0; ++attempt) {
        temporary = "." + name + "." + random_suffix() + kTemporarySuffix;
        fd = openat(dir_fd.get(), temporary.c_str(),
                    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, mode);
        if (fd < 0 && errno != EEXIST) return fail(errno_text());
    }
    if (fd < 0) return fail("no unused temporary name");
    const bool written = write_all(fd, data) && (!durable || fsync(fd) == 0);
    const std::string write_error = written ? "" : errno_text();
    close(fd);
    if (!written || renameat(dir_fd.get(), temporary.c_str(), dir_fd.get(), name.c_str()) != 0) {
        const std::string what = written ? errno_text() : write_error;
        unlinkat(dir_fd.get(), temporary.c_str(), 0);
        return fail(what);
    }
    // The rename itself must reach the disk too, or a power cut could undo it.
    if (durable) fsync(dir_fd.get());
    return true;
}

}  // namespace kiosk::state
