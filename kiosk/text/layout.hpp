#pragma once
// Paragraphs into a box: itemizing (script, direction, font), shaping (HarfBuzz), line breaking
// by the paragraph (line_breaker.hpp), and fitting: text too large for its box shrinks to the
// largest size that fits, and only at the minimum size is a word cut or the text cut with an
// ellipsis. Each paragraph is shaped once whatever the sizes tried. Pure data in, data out;
// nothing here draws. May run on any thread (see Font).

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/text/font.hpp"
#include "kiosk/text/font_fallback.hpp"

namespace kiosk::text {

struct PlacedGlyph {
    std::uint32_t id;
    float x;  // pen position from the block's left edge, pixels
    float y;  // baseline position from the block's top edge, pixels (down is positive)
    const Font* font = nullptr;  // the font `id` belongs to
};

struct Line {
    std::vector<PlacedGlyph> glyphs;  // left to right as they stand, right-to-left runs reversed
    std::string text;                 // what the line shows, NFC, in logical order
    float width = 0;                  // ink advance, trailing spaces excluded
    float baseline = 0;
    int paragraph = 0;
    // What the break after this line costs in the line breaker's demerits: above
    // BreakPenalties::kAfterHyphen, it parts words the rules keep together (a name, a number
    // and what it counts, a date, a Vietnamese word, a short quotation). 0 on a paragraph's last
    // line.
    float break_penalty = 0;
};

struct TextBlock {
    const Font* font = nullptr;  // the style's font: its metrics set the line spacing
    float size_px = 0;
    std::vector<Line> lines;
    float width = 0;          // widest line
    float height = 0;         // top of the first line to the bottom of the last
    bool shrunk = false;      // set smaller than the preferred size
    bool truncated = false;   // text was cut and ends with an ellipsis
    bool split_word = false;  // a word too long for a line even at the minimum size was cut
                              // between two of its letters
};

struct TextStyle {
    const Font* font = nullptr;
    // Fonts for characters `font` lacks (other scripts); null: `font` alone.
    const FontFallback* fallback = nullptr;
    float size_px = 40;          // preferred size
    float min_size_px = 40;      // never smaller than this
    float floor_size_px = 0;     // fit_paragraphs: not below this while `room` allows (titles)
    float line_height = 1.25f;   // times the size
    float paragraph_gap = 0.5f;  // extra space between paragraphs, times the size
    float indent = 0;            // pixels kept free at the left of every line (list markers)
    bool balance = false;        // even out line lengths (titles); else fill lines (bodies)
    const char* language = "en";
};

// Lays out paragraphs at exactly `size_px` within `max_width`; lines are never longer than the
// width unless a single unbreakable grapheme is. A word longer than the line is cut between
// graphemes (split_word = true).
TextBlock layout_paragraphs(const std::vector<std::string>& paragraphs, const TextStyle& style,
                            float size_px, float max_width);

// The largest whole size from style.size_px down to style.min_size_px at which the paragraphs
// fit in width × height with no word cut. Where that size would be below style.floor_size_px,
// the text may take up to `room` in height (when room > height) to stay at the floor, and
// shrinks below it only within `room`. If no size fits, the minimum size: a word too long for
// its line is then cut (split_word), and text too long for the box keeps the lines that fit, the
// last ending in "…" (truncated).
TextBlock fit_paragraphs(const std::vector<std::string>& paragraphs, const TextStyle& style,
                         float width, float height, float room = 0);

}  // namespace kiosk::text
