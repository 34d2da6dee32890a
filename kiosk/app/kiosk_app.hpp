#pragma once
// The program's modes once the command line is understood.

#include "kiosk/app/options.hpp"
#include "kiosk/app/sources.hpp"

namespace kiosk::app {

// Shows the slides until SIGINT, SIGTERM, Esc or q. Falls back to headless (offscreen, a PNG
// of the screen in the state folder at every slide change) where no display can be opened.
int run_kiosk(const SourcePaths& paths, const Options& options);

// Draws one slide offscreen and writes it as PNG.
int run_screenshot(const SourcePaths& paths, const Options& options);

}  // namespace kiosk::app
