#pragma once
// The few text sizes a screen uses: a modular scale of one ratio around the body size, so that a
// slide, and the deck, reads as one system instead of a size for every box. Steps are whole
// pixels, proportional to the screen's short side and to theme.scale, and never below the
// minimum readable size (1/27 of the short side). Text that must shrink goes down the steps, not
// to any size in between.

#include <string>
#include <vector>

#include "kiosk/model/config.hpp"
#include "kiosk/text/layout.hpp"

namespace kiosk::scene {

// The steps every screen has. A step below Note exists only as the minimum size.
enum Step : int {
    kNote = 0,     // the band, attributions, the counter's "as of" and target
    kBody = 1,     // bodies, list items, the counter's label
    kHeading = 2,  // titles of text, list and quote slides; a quotation standing alone
    kDisplay = 3,  // titles of title slides, the counter's number
};

struct TypeScale {
    // A perfect fifth: titles clearly above their bodies, and few enough sizes that a slide
    // shows at most four. Picked by looking at every bundled slide against 1.333 and 1.414.
    static constexpr float kRatio = 1.5f;

    float base = 52;  // the body size before rounding: every step is rounded from it
    float min = 40;   // the minimum readable size, whole pixels

    // base × kRatio^(step − kBody), in whole pixels (rounded down), never below `min`.
    float size(int step) const;
    float body() const { return size(kBody); }
    // The scale's sizes from `size` (itself first, even off the scale) down to the minimum,
    // each smaller than the one before.
    std::vector<float> down_from(float size) const;
};

// `unit` is one pixel of a 1080-line screen; `min_text` the minimum readable size.
TypeScale make_type_scale(const model::Theme& theme, float unit, float min_text);

// The first of `sizes` (largest first) at which the paragraphs fit width × height with no word
// cut; if none does, the last of them, cut to the box (text::fit_paragraphs at that size): a
// word cut between letters or lines ending in "…", as its flags say.
text::TextBlock fit_on_scale(const std::vector<std::string>& paragraphs, text::TextStyle style,
                             const std::vector<float>& sizes, float width, float height);

}  // namespace kiosk::scene
