#pragma once
// Paragraphs into a box: shaping (HarfBuzz), line breaking (UAX #14), and fitting: text too
// large for its box shrinks step by step to a minimum size, then is cut with an ellipsis.
// Pure data in, data out; nothing here draws.

#include <string>
#include <vector>

#include "kiosk/text/font.hpp"

namespace kiosk::text {

struct PlacedGlyph {
    std::uint32_t id;
    float x;  // pen position from the block's left edge, pixels
    float y;  // baseline position from the block's top edge, pixels (down is positive)
    const Font* font = nullptr;  // the font `id` belongs to
};

struct Line {
    std::vector<PlacedGlyph> glyphs;
    std::string text;  // what the line shows, NFC
    float width = 0;   // ink advance, trailing spaces excluded
    float baseline = 0;
    int paragraph = 0;
};

struct TextBlock {
    const Font* font = nullptr;
    float size_px = 0;
    std::vector<Line> lines;
    float width = 0;         // widest line
    float height = 0;        // top of the first line to the bottom of the last
    bool shrunk = false;     // set smaller than the preferred size
    bool truncated = false;  // text was cut and ends with an ellipsis
};

struct TextStyle {
    const Font* font = nullptr;
    float size_px = 40;          // preferred size
    float min_size_px = 40;      // never smaller than this
    float line_height = 1.25f;   // times the size
    float paragraph_gap = 0.5f;  // extra space between paragraphs, times the size
    float indent = 0;            // pixels kept free at the left of every line (list markers)
    bool balance = false;        // even out line lengths (titles): no lone word on a last line
    const char* language = "en";
};

// Lays out paragraphs at exactly `size_px` within `max_width`; lines are never longer than the
// width unless a single unbreakable grapheme is.
TextBlock layout_paragraphs(const std::vector<std::string>& paragraphs, const TextStyle& style,
                            float size_px, float max_width);

// The largest size from style.size_px down to style.min_size_px at which the paragraphs fit in
// width × height; if none does, the minimum size with the lines that fit, the last one ending
// in "…" (truncated = true).
TextBlock fit_paragraphs(const std::vector<std::string>& paragraphs, const TextStyle& style,
                         float width, float height);

}  // namespace kiosk::text
