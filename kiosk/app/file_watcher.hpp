#pragma once
// Watches the content and config files with inotify on a thread of its own and calls `changed`
// there once the files have been quiet for a moment, so an editor's save (often a write, a
// rename and a chmod in a row) gives one reload, not three.

#include <atomic>
#include <filesystem>
#include <functional>
#include <thread>
#include <vector>

namespace kiosk::app {

class FileWatcher {
  public:
    FileWatcher(std::vector<std::filesystem::path> files, std::function<void()> changed);
    ~FileWatcher();  // stops and joins
    FileWatcher(const FileWatcher&) = delete;
    FileWatcher& operator=(const FileWatcher&) = delete;

    bool watching() const { return inotify_ >= 0; }

  private:
    void run();
    std::vector<std::filesystem::path> files_;
    std::function<void()> changed_;
    int inotify_ = -1;
    int stop_pipe_[2] = {-1, -1};
    std::thread thread_;
};

}  // namespace kiosk::app
