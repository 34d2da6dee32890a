#include "kiosk/app/file_watcher.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <set>
#include <tuple>

#include "kiosk/app/log.hpp"

namespace kiosk::app {

// What a path shows now: a change in any of these is an edit worth reading again.
struct FileWatcher::Fingerprint {
    bool exists = false;
    dev_t dev = 0;
    ino_t ino = 0, link_ino = 0;
    off_t size = 0;
    std::int64_t mtime_ns = 0, ctime_ns = 0;
    mode_t mode = 0;

    friend bool operator==(const Fingerprint&, const Fingerprint&) = default;
};

namespace {

FileWatcher::Fingerprint fingerprint(const std::filesystem::path& path) {
    FileWatcher::Fingerprint f;
    struct stat st {};
    if (lstat(path.c_str(), &st) == 0) f.link_ino = st.st_ino;
    if (stat(path.c_str(), &st) != 0) return f;
    f.exists = true;
    f.dev = st.st_dev;
    f.ino = st.st_ino;
    f.size = st.st_size;
    f.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    f.ctime_ns = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
    f.mode = st.st_mode;
    return f;
}

}  // namespace

FileWatcher::FileWatcher(std::vector<std::filesystem::path> files, std::function<void()> changed)
    : files_(std::move(files)), changed_(std::move(changed)) {
    inotify_ = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (pipe2(wake_pipe_, O_CLOEXEC | O_NONBLOCK) != 0) {
        say("cannot watch files for changes; edits need a restart or SIGHUP");
        return;
    }
    // What the files are now is taken here, before the constructor returns: an edit made the
    // moment after is then a change, however late the thread starts.
    std::vector<Fingerprint> seen;
    for (const auto& f : files_) seen.push_back(fingerprint(f));
    rewatch();
    thread_ = std::thread([this, seen = std::move(seen)]() mutable { run(std::move(seen)); });
}

FileWatcher::~FileWatcher() {
    stopping_ = true;
    if (thread_.joinable()) {
        const char byte = 0;
        (void)!write(wake_pipe_[1], &byte, 1);
        thread_.join();
    }
    for (int fd : {inotify_, wake_pipe_[0], wake_pipe_[1]})
        if (fd >= 0) close(fd);
}

void FileWatcher::trigger() {
    triggered_ = true;
    const char byte = 0;
    (void)!write(wake_pipe_[1], &byte, 1);
}

void FileWatcher::rewatch() {
    if (inotify_ < 0) return;
    // Folders, not files: editors replace a file by renaming a new one over it. Adding a watch
    // again is cheap and gives the same one while the folder is the same; a folder replaced
    // whole gets a watch of its own.
    std::set<std::filesystem::path> folders;
    for (const auto& f : files_) folders.insert(f.parent_path().empty() ? "." : f.parent_path());
    for (const auto& folder : folders)
        inotify_add_watch(inotify_, folder.c_str(),
                          IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB |
                              IN_MOVE_SELF | IN_DELETE_SELF);
}

void FileWatcher::run(std::vector<Fingerprint> seen) {
    bool pending = false;
    using Clock = std::chrono::steady_clock;
    auto quiet_until = Clock::now();
    while (!stopping_) {
        const auto timeout =
            pending
                ? std::chrono::duration_cast<std::chrono::milliseconds>(quiet_until - Clock::now())
                : kPoll;
        pollfd fds[2] = {{inotify_, POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
        poll(fds, 2, static_cast<int>(std::max<std::int64_t>(0, timeout.count())));
        if (stopping_) return;
        char buffer[4096];
        bool event = false;
        while (inotify_ >= 0 && read(inotify_, buffer, sizeof buffer) > 0) event = true;
        while (read(wake_pipe_[0], buffer, sizeof buffer) > 0) {
        }
        // Whatever woke us, the paths themselves say whether anything changed.
        bool changed = triggered_.exchange(false);
        for (size_t i = 0; i < files_.size(); ++i) {
            const Fingerprint now = fingerprint(files_[i]);
            if (!(now == seen[i])) {
                seen[i] = now;
                changed = true;
            }
        }
        if (changed) {
            pending = true;
            quiet_until = Clock::now() + kQuiet;
            rewatch();
            continue;
        }
        if (event) continue;
        if (pending && Clock::now() >= quiet_until) {
            pending = false;
            try {
                changed_();
            } catch (const std::exception& e) {
                // Reading the files failed in a way no diagnostic covers (out of memory, say):
                // what is on screen stays, and the next edit is read again.
                say(std::string("reading the files failed: ") + e.what() + "; keeping what shows");
            }
        }
    }
}

}  // namespace kiosk::app
