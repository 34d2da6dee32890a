#pragma once
// What a slide looks like on a screen of a given size. Both languages share the screen,
// Vietnamese above and English below, each laid out in the slide's layout kind; a slide with one
// language gets the whole area. Nothing here draws.

#include "kiosk/model/config.hpp"
#include "kiosk/model/deck.hpp"
#include "kiosk/scene/display_list.hpp"
#include "kiosk/text/font.hpp"

namespace kiosk::scene {

DisplayList compose_slide(const model::Slide& slide, const model::Theme& theme,
                          const text::FontSet& fonts, int width, int height);

}  // namespace kiosk::scene
