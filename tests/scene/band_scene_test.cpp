#include "kiosk/scene/band_scene.hpp"

#include <catch2/catch.hpp>

#include "kiosk/scene/geometry.hpp"
#include "support/fonts.hpp"

using namespace kiosk;

namespace {

feed::CounterState state(feed::Freshness freshness, std::uint64_t value = 72) {
    feed::CounterState s;
    s.value = value;
    s.freshness = freshness;
    s.as_of_unix = 1761436800;  // 2025-10-26
    s.label = {"quốc gia đã ký", "states have signed"};
    return s;
}

std::string text_of(const scene::DisplayList& list, const std::string& role) {
    for (const auto& item : list.texts)
        if (item.role == role) {
            std::string out;
            for (const auto& line : item.block.lines) out += line.text;
            return out;
        }
    return "(none)";
}

}  // namespace

TEST_CASE("the band says the number and label in both languages", "[band]") {
    const auto list = scene::compose_band(state(feed::Freshness::Bundled, 2500), 2500, {},
                                          test::bundled_fonts(), 1920, 1080);
    CHECK(text_of(list, "vi.band.value") == "2.500");
    CHECK(text_of(list, "en.band.value") == "2,500");
    CHECK(text_of(list, "vi.band.label") == "quốc gia đã ký");
    CHECK(text_of(list, "en.band.label") == "states have signed");
}

TEST_CASE("the three states can be told apart", "[band]") {
    setenv("TZ", "UTC", 1);
    tzset();
    const auto live = scene::compose_band(state(feed::Freshness::Live), 72, {},
                                          test::bundled_fonts(), 1920, 1080);
    const auto stale = scene::compose_band(state(feed::Freshness::Stale), 72, {},
                                           test::bundled_fonts(), 1920, 1080);
    const auto bundled = scene::compose_band(state(feed::Freshness::Bundled), 72, {},
                                             test::bundled_fonts(), 1920, 1080);
    CHECK(text_of(live, "vi.band.freshness") == "trực tiếp");
    CHECK(text_of(live, "en.band.freshness") == "live");
    CHECK(text_of(stale, "vi.band.freshness") == "cập nhật 00:00 26/10/2025");
    CHECK(text_of(stale, "en.band.freshness") == "as of 00:00, 26 Oct 2025");
    CHECK(text_of(bundled, "vi.band.freshness") == "tính đến 26/10/2025");
    CHECK(text_of(bundled, "en.band.freshness") == "as of 26 Oct 2025");
    // Only a live number carries the accent mark (one a row), besides the band itself.
    CHECK(live.fills.size() == 3);
    CHECK(stale.fills.size() == 1);
    CHECK(bundled.fills.size() == 1);
    unsetenv("TZ");
    tzset();
}

TEST_CASE("the band's text stays in the safe area - readable - at every size", "[band]") {
    const model::Theme theme;
    for (auto [w, h] : {std::pair{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}}) {
        for (auto freshness :
             {feed::Freshness::Live, feed::Freshness::Stale, feed::Freshness::Bundled}) {
            INFO(w << "x" << h << " state " << static_cast<int>(freshness));
            const auto list = scene::compose_band(state(freshness, 1234567), 1234567, theme,
                                                  test::bundled_fonts(), w, h);
            const auto g = scene::compute_geometry(theme, w, h);
            CHECK(list.problems.empty());
            for (const auto& item : list.texts) {
                INFO(item.role);
                CHECK(g.band_text.contains(item.bounds()));
                CHECK(item.block.size_px >= g.min_text - 0.01f);
                CHECK(model::contrast_ratio(item.color, theme.band) >= 7.0);
            }
            // Label, number and freshness do not run into each other.
            for (size_t i = 0; i < list.texts.size(); ++i)
                for (size_t j = i + 1; j < list.texts.size(); ++j) {
                    const auto a = list.texts[i].bounds(), b = list.texts[j].bounds();
                    CHECK((a.right() <= b.x + 0.5f || b.right() <= a.x + 0.5f ||
                           a.bottom() <= b.y + 0.5f || b.bottom() <= a.y + 0.5f));
                }
        }
    }
}

TEST_CASE("the band can be switched off", "[band]") {
    model::Theme theme;
    theme.band_position = model::BandPosition::Off;
    const auto list = scene::compose_band(state(feed::Freshness::Live), 72, theme,
                                          test::bundled_fonts(), 1920, 1080);
    CHECK(list.texts.empty());
    CHECK(list.fills.empty());
}
