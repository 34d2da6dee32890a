#pragma once
// Where things go on a screen of a given size: the safe area (TV overscan can hide up to 5% at
// each edge), the counter band, and the unit every size is measured in, so that the layout
// scales with the screen and looks the same at 720p, 1080p, 4K and in portrait.

#include "kiosk/model/config.hpp"
#include "kiosk/scene/display_list.hpp"

namespace kiosk::scene {

struct Geometry {
    float unit = 1;       // one pixel of a 1080-line screen; portrait uses its width
    float min_text = 40;  // no text smaller: 1/27 of the screen's short side
    Rect safe;            // everything readable lies inside
    Rect band;            // the counter band's full-width strip (h = 0 when switched off)
    Rect band_text;       // where band text goes: the band within the safe area
    Rect content;         // what slides may use
};

Geometry compute_geometry(const model::Theme& theme, int width, int height);

}  // namespace kiosk::scene
