#pragma once
// What a screen is doing, for whoever checks from afar: STATE_DIR/status.json, rewritten
// (atomically) whenever it changes, and `kiosk --status` to read it as a person would. Any file
// server or ssh then shows every screen of a hall at a glance.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

struct Status {
    std::string screen;  // "showing" or "waiting for a display" (headless)
    std::string slide;   // the id on screen
    std::string driver;  // x11, kmsdrm, wayland, offscreen
    int width = 0, height = 0;
    std::string renderer;
    std::string counter;  // live, stale, bundled; empty without a counter
    std::uint64_t counter_value = 0;
    std::int64_t counter_as_of = 0;   // wall time, seconds
    std::string counter_error;        // why the feed does not answer, while it does not
    std::string content;              // the slides file shown, or "the built-in slide"
    std::int64_t content_since = 0;   // wall time it was loaded
    std::vector<std::string> errors;  // the newest problems, newest last
    std::int64_t started = 0;         // wall time the kiosk started
    long pid = 0;
    std::string version;

    friend bool operator==(const Status&, const Status&) = default;
};

inline constexpr const char* kStatusFile = "status.json";
inline constexpr size_t kStatusErrors = 5;

std::string status_json(const Status& status);
std::optional<Status> parse_status(const std::string& json);

// `kiosk --status`: status.json of `state_dir` for a person; 0 when it could be read.
int print_status(const std::filesystem::path& state_dir, std::FILE* out, std::int64_t now_unix);

}  // namespace kiosk::app
