#pragma once
// What a slide looks like on a screen of a given size. Both languages share the screen,
// Vietnamese above and English below, each laid out in the slide's layout kind; a slide with one
// language gets the whole area. Nothing here draws.

#include <cstdint>

#include "kiosk/feed/counter_state.hpp"
#include "kiosk/model/config.hpp"
#include "kiosk/model/deck.hpp"
#include "kiosk/scene/display_list.hpp"
#include "kiosk/text/font_set.hpp"

namespace kiosk::scene {

// What a slide of the counter layout shows: the state, and the number on screen during a
// count-up. Without a state such a slide shows its title only.
struct CounterView {
    const feed::CounterState* state = nullptr;
    std::uint64_t shown = 0;
};

DisplayList compose_slide(const model::Slide& slide, const model::Theme& theme,
                          const text::FontSet& fonts, int width, int height,
                          const CounterView& counter = {});

}  // namespace kiosk::scene
