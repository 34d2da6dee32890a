#pragma once
// The command line. Parsing is separate from acting on it, so every flag is tested without a
// display.

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk::app {

struct Size {
    int width = 0, height = 0;
};

struct Options {
    std::optional<std::string> config;     // --config FILE
    std::optional<std::string> content;    // --content DIR
    std::optional<std::string> state_dir;  // --state-dir DIR (overrides the config)
    bool windowed = false;                 // --windowed [WxH]
    std::optional<Size> window_size;
    std::optional<std::string> screenshot;  // --screenshot OUT.png
    std::optional<std::string> slide;       // --slide ID
    std::optional<Size> size;               // --size WxH
    bool check = false;
    bool status = false;    // --status: what the running kiosk shows, from its status.json
    bool software = false;  // --software: the software renderer even where a GPU is
    std::optional<std::string> frame_log;  // --frame-log FILE: when each frame was presented
    bool help = false;
    bool version = false;
};

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Throws UsageError with a one-line explanation.
Options parse_options(const std::vector<std::string>& args);

std::optional<Size> parse_size(const std::string& text);

extern const char* const kUsage;

}  // namespace kiosk::app
