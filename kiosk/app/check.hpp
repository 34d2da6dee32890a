#pragma once
// `kiosk --check`: everything an operator can get wrong, found before the screen shows it.

#include <cstdio>

#include "kiosk/app/sources.hpp"

namespace kiosk::app {

// The screen sizes every slide is laid out at: 720p, 1080p, 4K, and 1080p portrait.
struct CheckSize {
    int width, height;
};
inline constexpr CheckSize kCheckSizes[] = {{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}};

// Prints one line a problem to `out`; returns the exit status: 0 clean or warnings only,
// 1 when any error was found.
int run_check(const SourcePaths& paths, std::FILE* out);

}  // namespace kiosk::app
