#pragma once
// The program's modes once the command line is understood.

#include "kiosk/app/options.hpp"
#include "kiosk/app/sources.hpp"

namespace kiosk::app {

// Shows the slides until a signal ends it (or Esc, q, or closing a preview window). Never gives
// up on the screen: where no display answers it runs headless, writing STATE/screen.png at each
// slide change, and tries the real display again every few seconds. Returns the exit status.
int run_kiosk(const SourcePaths& paths, const Options& options);

// Draws one slide offscreen and writes it as PNG. Reads the state folder (the counter's cache)
// but never writes it.
int run_screenshot(const SourcePaths& paths, const Options& options);

}  // namespace kiosk::app
