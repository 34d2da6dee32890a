#pragma once
// Watches the content and config files on a thread of its own and calls `changed` there once
// they have been quiet for a moment, so an editor's save (often a write, a rename and a chmod in
// a row) gives one reload, not three.
//
// It follows paths, not inodes: every look stats each path afresh (following links), so a file
// replaced by a rename, a folder replaced whole, a symbolic link pointed elsewhere or a
// permission put right are all noticed. inotify on the files' folders makes the usual edit
// immediate; a look every kPoll catches what inotify cannot see (a replaced folder, a link).

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>
#include <vector>

namespace kiosk::app {

class FileWatcher {
  public:
    static constexpr std::chrono::milliseconds kQuiet{300};
    static constexpr std::chrono::milliseconds kPoll{2000};

    // `changed` runs on the watcher's thread; it must not throw (what it throws is caught and
    // said, and watching goes on).
    FileWatcher(std::vector<std::filesystem::path> files, std::function<void()> changed);
    ~FileWatcher();  // stops and joins (the thread waits on nothing but this)
    FileWatcher(const FileWatcher&) = delete;
    FileWatcher& operator=(const FileWatcher&) = delete;

    // Calls `changed` soon, whether or not anything changed (SIGHUP).
    void trigger();

    struct Fingerprint;  // what a path shows now (file_watcher.cpp)

  private:
    void run(std::vector<Fingerprint> seen);
    void rewatch();
    std::vector<std::filesystem::path> files_;
    std::function<void()> changed_;
    int inotify_ = -1;
    int wake_pipe_[2] = {-1, -1};
    std::atomic<bool> stopping_{false}, triggered_{false};
    std::thread thread_;
};

}  // namespace kiosk::app
