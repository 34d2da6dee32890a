#pragma once
// Where things go on a screen of a given size: the safe area (TV overscan can hide up to 5% at
// each edge), the counter band, the type scale, and the unit every length is measured in, so
// that the layout scales with the screen and looks the same at 720p, 1080p, 4K and in portrait.

#include "kiosk/model/config.hpp"
#include "kiosk/scene/display_list.hpp"
#include "kiosk/scene/type_scale.hpp"
#include "kiosk/text/font_set.hpp"

namespace kiosk::scene {

struct Geometry {
    float unit = 1;             // one pixel of a 1080-line screen; portrait uses its width
    float min_text = 40;        // no text smaller: 1/27 of the screen's short side
    TypeScale type;             // the sizes text may take
    Rect safe;                  // everything readable lies inside
    Rect band;                  // the counter band's full-width strip (h = 0 when not shown)
    Rect band_text;             // where band text goes: the band within the safe area
    float band_line = 0;        // the height of one line of band text (the band's lines stack)
    bool band_stacked = false;  // each language's "how fresh" on a line under its number
    Rect content;               // what slides may use
};

// `band`: whether the picture has the counter band (theme.counter_band permitting); a slide
// that hides it (shows_band) gets the band's room too. The band's height follows its text: one
// line a language on a wide screen, two on a narrow one, in `fonts` at the scale's Note step.
Geometry compute_geometry(const model::Theme& theme, const text::FontSet& fonts, int width,
                          int height, bool band = true);

}  // namespace kiosk::scene
