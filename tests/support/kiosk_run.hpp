#pragma once
// The real kiosk program, running headless in a folder of its own as a test needs it: its
// config, content and state folder there, what it says read back, what it shows read from
// its status.json.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace kiosk::test {

class KioskRun {
  public:
    // Writes `config` and `slides` (when given) into the folder; starts nothing yet.
    explicit KioskRun(const std::string& config = "{}", const std::string& slides = "") {
        config_ = dir.write("kiosk.json", config);
        if (!slides.empty()) dir.write("content/slides.json", slides);
    }
    ~KioskRun() {
        if (process_) {
            process_->signal(SIGTERM);
            process_->wait(std::chrono::seconds(10));
        }
    }

    std::vector<std::string> args() const {
        return {"--config",         config_,       "--content",
                content().string(), "--state-dir", state().string()};
    }
    void start(const std::vector<std::string>& extra = {}) {
        auto a = args();
        a.insert(a.end(), extra.begin(), extra.end());
        process_ =
            std::make_unique<Process>(KIOSK_BINARY, a, out().string(),
                                      std::vector<std::string>{"DISPLAY", "WAYLAND_DISPLAY"});
    }
    // Runs the program to its end with these arguments (after the folder's own); its status.
    int run(const std::vector<std::string>& extra) {
        auto a = args();
        a.insert(a.end(), extra.begin(), extra.end());
        Process p(KIOSK_BINARY, a, out().string());
        return p.wait();
    }
    Process& process() { return *process_; }

    std::filesystem::path content() const { return dir.path() / "content"; }
    std::filesystem::path state() const { return dir.path() / "state"; }
    std::filesystem::path out() const { return dir.path() / "out.txt"; }
    std::string said() const { return read_file(out().string()); }
    std::string status() const { return read_file((state() / "status.json").string()); }
    bool says(const std::string& text,
              std::chrono::milliseconds deadline = std::chrono::seconds(15)) const {
        return eventually([&] { return said().find(text) != std::string::npos; }, deadline);
    }
    bool shows(const std::string& text,
               std::chrono::milliseconds deadline = std::chrono::seconds(15)) const {
        return eventually([&] { return status().find(text) != std::string::npos; }, deadline);
    }
    const std::string& config() const { return config_; }

    TempDir dir;

  private:
    std::string config_;
    std::unique_ptr<Process> process_;
};

}  // namespace kiosk::test
