#include "kiosk/app/file_watcher.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <set>

namespace kiosk::app {

namespace {
constexpr int kQuietMs = 300;
}

FileWatcher::FileWatcher(std::vector<std::filesystem::path> files, std::function<void()> changed)
    : files_(std::move(files)), changed_(std::move(changed)) {
    inotify_ = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (inotify_ < 0 || pipe(stop_pipe_) != 0) {
        std::fprintf(stderr, "kiosk: cannot watch files for changes; edits need a restart\n");
        return;
    }
    // Folders, not files: editors replace a file by renaming a new one over it, which a watch
    // on the old file would never see.
    std::set<std::filesystem::path> folders;
    for (const auto& f : files_) folders.insert(f.parent_path().empty() ? "." : f.parent_path());
    for (const auto& folder : folders)
        inotify_add_watch(inotify_, folder.c_str(),
                          IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE);
    thread_ = std::thread([this] { run(); });
}

FileWatcher::~FileWatcher() {
    if (thread_.joinable()) {
        const char byte = 0;
        (void)!write(stop_pipe_[1], &byte, 1);
        thread_.join();
    }
    for (int fd : {inotify_, stop_pipe_[0], stop_pipe_[1]})
        if (fd >= 0) close(fd);
}

void FileWatcher::run() {
    bool pending = false;
    while (true) {
        pollfd fds[2] = {{inotify_, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
        const int ready = poll(fds, 2, pending ? kQuietMs : -1);
        if (ready < 0) continue;  // EINTR
        if (fds[1].revents) return;
        if (ready == 0) {  // quiet for kQuietMs after a change
            pending = false;
            changed_();
            continue;
        }
        alignas(inotify_event) char buffer[4096];
        const ssize_t n = read(inotify_, buffer, sizeof buffer);
        for (ssize_t at = 0; at < n;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            if (event->len > 0) {
                const std::string name = event->name;
                if (std::any_of(files_.begin(), files_.end(),
                                [&](const auto& f) { return f.filename() == name; }))
                    pending = true;
            }
            at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        }
    }
}

}  // namespace kiosk::app
