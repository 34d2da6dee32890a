#pragma once
// Writes the kiosk's own files in the state folder (screen.png, status.json) on a thread of its
// own, so the main thread never waits on a disk or on PNG encoding. Only the newest version of
// each file matters: one that is replaced before it was written is never written. A failure is
// said once, until the writes work again.

#include <SDL.h>

#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::app {

class StateWriter {
  public:
    // Writes nothing when `dir` is empty (no state folder could be had).
    explicit StateWriter(std::filesystem::path dir);
    ~StateWriter();  // writes what is pending, then ends (a local disk: quick)
    StateWriter(const StateWriter&) = delete;
    StateWriter& operator=(const StateWriter&) = delete;

    void write(const std::string& name, std::string data);
    // A picture of the screen as read back (ARGB8888), written as PNG.
    void write_png(const std::string& name, std::vector<Uint32> pixels, int width, int height);
    // Blocks until everything asked so far is written (tests and the end of a run).
    void flush();

  private:
    struct Job {
        std::string data;
        std::vector<Uint32> pixels;
        int width = 0, height = 0;  // a PNG when set
    };
    void run();
    void post(const std::string& name, Job job);

    std::filesystem::path dir_;
    std::mutex mutex_;
    std::condition_variable wake_, idle_;
    std::map<std::string, Job> pending_;
    bool busy_ = false, stopping_ = false;
    std::string last_error_;
    std::thread thread_;
};

}  // namespace kiosk::app
