#pragma once
// The fonts a theme names, with the bundled ones as the floor: a theme font that cannot be
// opened is an error at its key in the config, and the bundled font of that style is used
// instead, at start as at a reload. Only when the bundled fonts themselves are gone (a broken
// installation) is there nothing to draw with.

#include <optional>

#include "kiosk/model/config.hpp"
#include "kiosk/model/diagnostic.hpp"
#include "kiosk/text/font_set.hpp"

namespace kiosk::app {

// nullopt only when not even the bundled fonts open; the reason is then in `diagnostics`.
std::optional<text::FontSet> load_theme_fonts(const std::filesystem::path& fonts_dir,
                                              const model::Config& config,
                                              model::Diagnostics& diagnostics);

}  // namespace kiosk::app
