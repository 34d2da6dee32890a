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
            const auto g = scene::compute_geometry(theme, test::bundled_fonts(), w, h);
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

namespace {

const scene::TextItem& item(const scene::DisplayList& list, const std::string& role) {
    for (const auto& t : list.texts)
        if (t.role == role) return t;
    FAIL("no " << role);
    return list.texts.front();
}

}  // namespace

TEST_CASE("the band is light - smaller than the body - and as tall as its text", "[band]") {
    const model::Theme theme;
    for (auto [w, h] : {std::pair{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}}) {
        INFO(w << "x" << h);
        const auto g = scene::compute_geometry(theme, test::bundled_fonts(), w, h);
        const auto list = scene::compose_band(state(feed::Freshness::Stale, 2513), 2513, theme,
                                              test::bundled_fonts(), w, h);
        float top = 1e9f, bottom = 0;
        for (const auto& t : list.texts) {
            INFO(t.role);
            CHECK(t.block.size_px == g.type.size(scene::kNote));
            CHECK(t.block.size_px < g.type.body());
            CHECK(t.block.lines.size() == 1);
            top = std::min(top, t.y);
            bottom = std::max(bottom, t.bounds().bottom());
        }
        // The band holds its lines and little more: the text fills its part of the band.
        CHECK(top == Approx(g.band_text.y).margin(1));
        CHECK(bottom == Approx(g.band_text.bottom()).margin(1));
        CHECK(g.band.y > g.band_text.y - g.type.size(scene::kNote));
        for (const std::string tag : {"vi", "en"}) {
            const auto& value = item(list, tag + ".band.value");
            const auto& label = item(list, tag + ".band.label");
            const auto& fresh = item(list, tag + ".band.freshness");
            CHECK(label.y == Approx(value.y));
            if (w > h) {
                // A wide screen has number, label and how fresh on one line a language.
                CHECK(fresh.y == Approx(value.y));
                CHECK(fresh.x > label.bounds().right());
            } else {
                // A narrow one puts how fresh on a line of its own, under the label.
                CHECK(fresh.y > label.bounds().bottom() - 0.5f);
            }
        }
    }
    // Landscape: two lines of band text, about a sixth of the screen with the overscan margin.
    const auto g = scene::compute_geometry(theme, test::bundled_fonts(), 1920, 1080);
    CHECK(g.band.h < 0.18f * 1080);
}

TEST_CASE("a counter slide hides the band and lays itself out in its room", "[band]") {
    model::Slide counter;
    counter.id = "count";
    counter.layout = model::Layout::Counter;
    counter.en = model::SlideText{"Signed so far", "", ""};
    model::Slide text = counter;
    text.layout = model::Layout::Text;
    CHECK_FALSE(scene::shows_band(counter));
    CHECK(scene::shows_band(text));
    const auto with = scene::compute_geometry({}, test::bundled_fonts(), 1920, 1080, true);
    const auto without = scene::compute_geometry({}, test::bundled_fonts(), 1920, 1080, false);
    CHECK(without.band.h == 0);
    CHECK(without.content.h == Approx(without.safe.h));
    CHECK(with.content.bottom() < with.band.y);
}
