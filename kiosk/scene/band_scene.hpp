#pragma once
// The counter band drawn over every slide but the counter's own: the number and its label in
// both languages, and how fresh the number is, told apart at a glance: live (an accent mark and
// "live"), stale (the time of the last good value), bundled (the content's date). Its text is
// the type scale's smallest step, one line a language (how fresh on a line of its own on a
// narrow screen), and the band is as tall as that text.

#include <cstdint>

#include "kiosk/feed/counter_state.hpp"
#include "kiosk/model/config.hpp"
#include "kiosk/model/deck.hpp"
#include "kiosk/scene/display_list.hpp"
#include "kiosk/text/font_set.hpp"

namespace kiosk::scene {

// Whether the band stands over `slide`. A slide of the counter layout is the number already, so
// it hides the band and lays itself out in the band's room too.
bool shows_band(const model::Slide& slide);

// `shown_value` is the number on screen now: it differs from state.value while counting up.
// An empty list when the theme switches the band off.
DisplayList compose_band(const feed::CounterState& state, std::uint64_t shown_value,
                         const model::Theme& theme, const text::FontSet& fonts, int width,
                         int height);

}  // namespace kiosk::scene
