#pragma once
// The counter band drawn over every slide: the number and its label in both languages, and how
// fresh the number is, told apart at a glance: live (an accent mark and "live"), stale (the
// time of the last good value), bundled (the content's date).

#include <cstdint>

#include "kiosk/feed/counter_state.hpp"
#include "kiosk/model/config.hpp"
#include "kiosk/scene/display_list.hpp"
#include "kiosk/text/font_set.hpp"

namespace kiosk::scene {

// `shown_value` is the number on screen now: it differs from state.value while counting up.
// An empty list when the theme switches the band off.
DisplayList compose_band(const feed::CounterState& state, std::uint64_t shown_value,
                         const model::Theme& theme, const text::FontSet& fonts, int width,
                         int height);

}  // namespace kiosk::scene
