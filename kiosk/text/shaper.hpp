#pragma once
// HarfBuzz shaping of one run of text, whole: marks are placed by the font's GPOS anchors, which
// is what makes stacked Vietnamese diacritics (ệ, ở, ặ) sit right.

#include <cstdint>
#include <string_view>
#include <vector>

#include "kiosk/text/font.hpp"

namespace kiosk::text {

struct ShapedGlyph {
    std::uint32_t id;       // glyph index in the font
    std::uint32_t cluster;  // byte offset of the text it came from
    float advance;          // all in pixels at the requested size
    float x_offset;
    float y_offset;  // up is positive, as in HarfBuzz
};

// Shapes `text` (UTF-8, left to right) at `size_px`. `language` is a BCP 47 tag ("vi", "en"):
// fonts may place Vietnamese marks differently from others (OpenType `locl`).
std::vector<ShapedGlyph> shape(const Font& font, std::string_view text, float size_px,
                               const char* language);

}  // namespace kiosk::text
