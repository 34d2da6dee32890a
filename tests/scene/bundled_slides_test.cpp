// Every bundled slide, at every screen size a venue is likely to have, as a person in the hall
// would judge it: all text inside the safe area, nothing cut, nothing too small, enough
// contrast, few sizes in a clear order, and the two languages set as one calm group.

#include <catch2/catch.hpp>
#include <set>

#include "bundled.hpp"
#include "kiosk/model/config.hpp"
#include "kiosk/scene/band_scene.hpp"
#include "kiosk/scene/geometry.hpp"
#include "kiosk/scene/type_scale.hpp"

using namespace kiosk;
using test::compose_bundled;
using test::kScreenSizes;

TEST_CASE("every bundled slide fits the safe area at every size", "[scene][bundled]") {
    const model::Theme theme;
    test::each_bundled_slide([&](const model::Slide& slide, const test::ScreenSize& size,
                                 const scene::DisplayList& list) {
        const auto geometry = scene::compute_geometry(theme, test::bundled_fonts(), size.width,
                                                      size.height, scene::shows_band(slide));
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
    });
}

TEST_CASE("text never overlaps other text", "[scene][bundled]") {
    test::each_bundled_slide(
        [](const model::Slide&, const test::ScreenSize&, const scene::DisplayList& list) {
            for (size_t i = 0; i < list.texts.size(); ++i) {
                for (size_t j = i + 1; j < list.texts.size(); ++j) {
                    const auto a = list.texts[i].bounds(), b = list.texts[j].bounds();
                    INFO(list.texts[i].role << " and " << list.texts[j].role);
                    const bool apart = a.bottom() <= b.y + 0.5f || b.bottom() <= a.y + 0.5f ||
                                       a.right() <= b.x + 0.5f || b.right() <= a.x + 0.5f;
                    CHECK(apart);
                }
            }
        });
}

namespace {

const scene::TextItem* find(const scene::DisplayList& list, const std::string& role) {
    for (const auto& item : list.texts)
        if (item.role == role) return &item;
    return nullptr;
}

// The part a title heads: the body, or the quotation.
const scene::TextItem* headed(const scene::DisplayList& list, const std::string& language) {
    const auto* body = find(list, language + ".body");
    return body ? body : find(list, language + ".quote");
}

}  // namespace

TEST_CASE("a screen shows at most four sizes - all steps of one scale", "[scene][bundled]") {
    const model::Theme theme;
    for (const auto& size : kScreenSizes) {
        INFO(size.width << "x" << size.height);
        const auto g =
            scene::compute_geometry(theme, test::bundled_fonts(), size.width, size.height);
        std::set<float> steps;
        for (int step = scene::kDisplay; step >= -3; --step) steps.insert(g.type.size(step));
        const auto band =
            scene::compose_band(test::stale_counter(), test::stale_counter().value, theme,
                                test::bundled_fonts(), size.width, size.height);
        std::set<float> deck;
        for (const auto& slide : test::bundled_deck().slides) {
            INFO(slide.id);
            std::set<float> sizes;
            for (const auto& item : compose_bundled(slide, theme, size).texts)
                sizes.insert(item.block.size_px);
            if (scene::shows_band(slide))
                for (const auto& item : band.texts) sizes.insert(item.block.size_px);
            CHECK(sizes.size() <= 4);
            for (float s : sizes) CHECK(steps.count(s) == 1);
            deck.insert(sizes.begin(), sizes.end());
        }
        CHECK(deck.size() <= 4);  // and the whole deck, band included, keeps to the same four
    }
}

TEST_CASE("titles are larger than what they head - each the same in both languages",
          "[scene][bundled]") {
    test::each_bundled_slide(
        [](const model::Slide&, const test::ScreenSize&, const scene::DisplayList& list) {
            for (const std::string language : {"vi", "en"}) {
                const auto* title = find(list, language + ".title");
                const auto* body = headed(list, language);
                if (title && body) CHECK(title->block.size_px > body->block.size_px);
            }
            for (const auto& item : list.texts) {
                if (item.role.rfind("vi.", 0) != 0) continue;
                const auto* other = find(list, "en." + item.role.substr(3));
                INFO(item.role);
                if (other) CHECK(item.block.size_px == other->block.size_px);
            }
        });
}

TEST_CASE("the languages stand as one group - the rule in the middle of the gap between them",
          "[scene][bundled]") {
    test::each_bundled_slide([](const model::Slide& slide, const test::ScreenSize& size,
                                const scene::DisplayList& list) {
        const auto g = scene::compute_geometry({}, test::bundled_fonts(), size.width, size.height,
                                               scene::shows_band(slide));
        float vi_top = 1e9f, vi_bottom = 0, en_top = 1e9f, en_bottom = 0;
        for (const auto& item : list.texts) {
            const auto b = item.bounds();
            const bool vi = item.role.rfind("vi.", 0) == 0;
            (vi ? vi_top : en_top) = std::min(vi ? vi_top : en_top, b.y);
            (vi ? vi_bottom : en_bottom) = std::max(vi ? vi_bottom : en_bottom, b.bottom());
        }
        if (vi_bottom > en_top) return;  // side by side (the counter on a wide screen)
        std::vector<scene::Rect> rules;
        for (const auto& fill : list.fills)
            if (fill.rect.w > 10 * fill.rect.h) rules.push_back(fill.rect);
        REQUIRE(rules.size() == 1);
        const float middle = rules[0].y + rules[0].h / 2;
        CHECK(middle == Approx((vi_bottom + en_top) / 2).margin(1.5));
        // The group is centred in what the slide may use: as much room above as below.
        CHECK(vi_top - g.content.y == Approx(g.content.bottom() - en_bottom).margin(1.5));
    });
}

TEST_CASE("a counter slide hides the band - the number is the slide", "[scene][bundled]") {
    for (const auto& slide : test::bundled_deck().slides)
        CHECK(scene::shows_band(slide) == (slide.layout != model::Layout::Counter));
}
