#pragma once
// The bundled slides and counter, composed at the screen sizes a venue is likely to have, for
// the tests that judge every bundled slide as a person in the hall would.

#include <catch2/catch.hpp>

#include "kiosk/model/counter_content.hpp"
#include "kiosk/model/deck.hpp"
#include "kiosk/scene/slide_scene.hpp"
#include "support/fonts.hpp"

namespace kiosk::test {

struct ScreenSize {
    int width, height;
};
inline constexpr ScreenSize kScreenSizes[] = {
    {1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}};

inline const model::Deck& bundled_deck() {
    static const model::Deck deck = [] {
        model::Diagnostics diagnostics;
        auto parsed = model::parse_deck(KIOSK_SOURCE_DIR "/content/slides.json", diagnostics);
        REQUIRE(parsed);
        return *parsed;
    }();
    return deck;
}

// The bundled counter as a feed would leave it: a four-digit number, stale, so the freshness
// line is its longest ("as of" a time and a date).
inline const feed::CounterState& stale_counter() {
    static const feed::CounterState state = [] {
        model::Diagnostics diagnostics;
        auto content =
            model::parse_counter_content(KIOSK_SOURCE_DIR "/content/counter.json", diagnostics);
        REQUIRE(content);
        feed::CounterState s = feed::bundled_state(*content);
        s.value = 2513;
        s.freshness = feed::Freshness::Stale;
        s.as_of_unix = 1761467520;  // 26 Oct 2025, 08:32 UTC
        return s;
    }();
    return state;
}

inline scene::DisplayList compose_bundled(const model::Slide& slide, const model::Theme& theme,
                                          const ScreenSize& size) {
    return scene::compose_slide(slide, theme, bundled_fonts(), size.width, size.height,
                                {&stale_counter(), stale_counter().value});
}

// Calls f(slide, size, list) for every bundled slide composed at every screen size, with both
// named in what a failing check says.
template <typename F>
void each_bundled_slide(F&& f, const model::Theme& theme = {}) {
    for (const auto& size : kScreenSizes)
        for (const auto& slide : bundled_deck().slides) {
            INFO(slide.id << " at " << size.width << "x" << size.height);
            f(slide, size, compose_bundled(slide, theme, size));
        }
}

}  // namespace kiosk::test
