#pragma once
// Everything the kiosk says goes to standard error, one line an event, "kiosk: " first; the
// journal keeps it under systemd. Text from outside reaches a line only through
// model::printable() (or the diagnostics and URLs that use it).

#include <cstdio>
#include <string>
#include <vector>

namespace kiosk::app {

inline void say(const std::string& line) {
    std::fprintf(stderr, "kiosk: %s\n", line.c_str());
}

inline void say_all(const std::vector<std::string>& lines, const char* topic = nullptr) {
    for (const auto& line : lines) say(topic ? std::string(topic) + ": " + line : line);
}

}  // namespace kiosk::app
