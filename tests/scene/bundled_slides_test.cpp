// Every bundled slide, at every screen size a venue is likely to have, as a person in the hall
// would judge it: all text inside the safe area, nothing cut, nothing too small, enough contrast.

#include <catch2/catch.hpp>

#include "kiosk/model/config.hpp"
#include "kiosk/model/counter_content.hpp"
#include "kiosk/model/deck.hpp"
#include "kiosk/scene/geometry.hpp"
#include "kiosk/scene/slide_scene.hpp"
#include "support/fonts.hpp"

using namespace kiosk;

namespace {

struct ScreenSize {
    int width, height;
};
constexpr ScreenSize kSizes[] = {{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}};

const model::Deck& bundled_deck() {
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
const feed::CounterState& stale_counter() {
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

scene::DisplayList compose(const model::Slide& slide, const model::Theme& theme,
                           const ScreenSize& size) {
    return scene::compose_slide(slide, theme, test::bundled_fonts(), size.width, size.height,
                                {&stale_counter(), stale_counter().value});
}

}  // namespace

TEST_CASE("every bundled slide fits the safe area at every size", "[scene][bundled]") {
    const model::Theme theme;
    for (const auto& size : kSizes) {
        const auto geometry = scene::compute_geometry(theme, size.width, size.height);
        for (const auto& slide : bundled_deck().slides) {
            INFO(slide.id << " at " << size.width << "x" << size.height);
            const auto list = compose(slide, theme, size);
            CHECK(list.problems.empty());
            REQUIRE(list.texts.size() >= 2);  // both languages said something
            for (const auto& item : list.texts) {
                INFO(item.role);
                CHECK(geometry.content.contains(item.bounds()));
                CHECK(item.block.size_px >= geometry.min_text - 0.01f);
                CHECK_FALSE(item.block.truncated);
                CHECK(model::contrast_ratio(item.color, theme.background) >= 7.0);
            }
            for (const auto& fill : list.fills) CHECK(geometry.content.contains(fill.rect));
        }
    }
}

TEST_CASE("text never overlaps other text", "[scene][bundled]") {
    const model::Theme theme;
    for (const auto& size : kSizes) {
        for (const auto& slide : bundled_deck().slides) {
            INFO(slide.id << " at " << size.width << "x" << size.height);
            const auto list = compose(slide, theme, size);
            for (size_t i = 0; i < list.texts.size(); ++i) {
                for (size_t j = i + 1; j < list.texts.size(); ++j) {
                    const auto a = list.texts[i].bounds(), b = list.texts[j].bounds();
                    INFO(list.texts[i].role << " and " << list.texts[j].role);
                    const bool apart = a.bottom() <= b.y + 0.5f || b.bottom() <= a.y + 0.5f ||
                                       a.right() <= b.x + 0.5f || b.right() <= a.x + 0.5f;
                    CHECK(apart);
                }
            }
        }
    }
}
