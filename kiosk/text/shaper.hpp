#pragma once
// HarfBuzz shaping of one run of text, whole: marks are placed by the font's GPOS anchors, which
// is what makes stacked Vietnamese diacritics (ệ, ở, ặ) sit right, and Arabic letters take the
// forms that join them. Results are in ems (fractions of the font size), so one shaping serves
// every size: shaping does not depend on the size.

#include <cstdint>
#include <string_view>
#include <vector>

#include "kiosk/text/itemizer.hpp"

namespace kiosk::text {

struct ShapedGlyph {
    const Font* font = nullptr;
    std::uint32_t id = 0;       // glyph index in the font
    std::uint32_t cluster = 0;  // byte offset, in the whole text, of the characters it shows
    float advance = 0;          // all in ems
    float x_offset = 0;
    float y_offset = 0;  // up is positive, as in HarfBuzz
};

// Shapes `run` of `text` with the run's font, script, direction and language; the text around
// the run is context (Arabic joining across a run's edge). Glyphs come in visual order, left to
// right, so a right-to-left run's first character is its last glyph.
std::vector<ShapedGlyph> shape(std::string_view text, const TextRun& run);

}  // namespace kiosk::text
