#pragma once
// Which characters of a text no available font can draw, for `kiosk --check`: they would show
// as boxes (or, for emoji with no colour font installed, not at all).

#include <string_view>
#include <vector>

#include "kiosk/text/font_set.hpp"

namespace kiosk::text {

// The code points of `text` (after NFC) that neither the set's faces nor its fallbacks cover,
// each once, in the order they first appear. Default-ignorable code points (U+200B, U+200D,
// U+FE0F and the other variation selectors, …), which draw nothing by design, and controls
// are left out. May ask fontconfig, once per character the bundled fonts lack.
std::vector<char32_t> missing_code_points(std::string_view text, const FontSet& fonts);

}  // namespace kiosk::text
