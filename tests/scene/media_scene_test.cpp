// Pictures, QR codes and charts as the scene places them, at the screen sizes a venue is likely
// to have: everything readable inside the safe area, nothing over the text, bars in proportion.

#include <catch2/catch.hpp>

#include "bundled.hpp"
#include "kiosk/scene/geometry.hpp"
#include "kiosk/scene/qr_code.hpp"

using namespace kiosk;

namespace {

model::Slide with_image(model::Layout layout, model::ImageFit fit = model::ImageFit::Cover) {
    model::Slide s;
    s.id = "media";
    s.layout = layout;
    s.vi = model::SlideText{"Lễ mở ký tại Hà Nội", "Hơn 2.500 đại biểu từ 119 quốc gia", ""};
    s.en = model::SlideText{"The signing in Hanoi", "Over 2,500 delegates from 119 countries", ""};
    model::SlideImage image;
    image.file = "hall.jpg";
    image.path = "/nowhere/hall.jpg";
    image.fit = fit;
    image.header = model::ImageHeader{model::ImageHeader::Format::Jpeg, 4000, 3000};
    s.image = image;
    return s;
}

bool apart(const scene::Rect& a, const scene::Rect& b) {
    return a.bottom() <= b.y + 0.5f || b.bottom() <= a.y + 0.5f || a.right() <= b.x + 0.5f ||
           b.right() <= a.x + 0.5f;
}

}  // namespace

TEST_CASE("an image slide's picture fills the screen - its caption stands on a scrim inside",
          "[scene][media]") {
    for (const auto& size : test::kScreenSizes) {
        INFO(size.width << "x" << size.height);
        const auto list = scene::compose_slide(with_image(model::Layout::Image), {},
                                               test::bundled_fonts(), size.width, size.height);
        const auto g = scene::compute_geometry({}, test::bundled_fonts(), size.width, size.height);
        CHECK(list.problems.empty());
        REQUIRE(list.images.size() == 1);
        CHECK(list.images[0].shown == scene::Rect{0, 0, static_cast<float>(size.width),
                                                  static_cast<float>(size.height)});
        REQUIRE(list.texts.size() == 4);
        REQUIRE_FALSE(list.fills.empty());
        const auto& scrim = list.fills.front();
        CHECK(scrim.alpha < 255);
        CHECK(scrim.alpha > 128);
        for (const auto& t : list.texts) {
            INFO(t.role);
            CHECK(g.content.contains(t.bounds()));
            CHECK(scrim.rect.contains(t.bounds()));
            CHECK(t.bounds().y > g.content.y + 0.5f * g.content.h);  // a caption, at the bottom
        }
    }
}

TEST_CASE("a picture stands beside the text on a wide screen - above it on a tall one",
          "[scene][media]") {
    for (auto layout : {model::Layout::Text, model::Layout::Facts})
        for (const auto& size : test::kScreenSizes) {
            INFO(size.width << "x" << size.height);
            const auto list = scene::compose_slide(with_image(layout), {}, test::bundled_fonts(),
                                                   size.width, size.height);
            const auto g =
                scene::compute_geometry({}, test::bundled_fonts(), size.width, size.height);
            CHECK(list.problems.empty());
            REQUIRE(list.images.size() == 1);
            const auto& picture = list.images[0].rect;
            CHECK(g.content.contains(picture));
            for (const auto& t : list.texts) {
                INFO(t.role);
                CHECK(g.content.contains(t.bounds()));
                if (size.width > size.height)
                    CHECK(t.bounds().right() < picture.x);
                else
                    CHECK(t.bounds().y > picture.bottom());
            }
        }
}

TEST_CASE("a QR code is large enough for a phone across the room - and covers no text",
          "[scene][media]") {
    const std::string url = "https://www.unodc.org/unodc/en/cybercrime/convention/home.html";
    for (auto layout : {model::Layout::Title, model::Layout::Text, model::Layout::Image,
                        model::Layout::Chart})
        for (const auto& size : test::kScreenSizes) {
            INFO(static_cast<int>(layout) << " at " << size.width << "x" << size.height);
            model::Slide slide = with_image(layout);
            if (layout == model::Layout::Chart)
                slide.bars = {{{"Châu Phi", "Africa"}, 21, {}}, {{"Mỹ Latinh", "Latin America"}, 12, {}}};
            slide.qr = url;
            const auto list = scene::compose_slide(slide, {}, test::bundled_fonts(), size.width,
                                                   size.height);
            const auto g = scene::compute_geometry({}, test::bundled_fonts(), size.width,
                                                   size.height);
            REQUIRE(list.codes.size() == 1);
            const auto& code = list.codes[0];
            CHECK(g.safe.contains(code.rect));
            CHECK(code.rect.w == code.rect.h);
            CHECK(code.rect.w == (code.modules + 2 * scene::kQrQuietModules) * code.module_px);
            // The modules span 17.5% of the short side: 12 cm on a 55-inch 1080p panel.
            CHECK(code.modules * code.module_px >=
                  0.175f * static_cast<float>(std::min(size.width, size.height)));
            CHECK(model::contrast_ratio(code.dark_color, code.light_color) >= 7);
            for (const auto& t : list.texts) {
                INFO(t.role);
                CHECK(apart(t.bounds(), code.rect));
            }
            for (const auto& picture : list.images)
                if (layout != model::Layout::Image) CHECK(apart(picture.rect, code.rect));
        }
}

TEST_CASE("a URL too long for a readable code is said - and no code is drawn", "[scene][media]") {
    model::Slide slide = with_image(model::Layout::Text);
    slide.qr = "https://example.org/" + std::string(300, 'a');
    const auto list = scene::compose_slide(slide, {}, test::bundled_fonts(), 1920, 1080);
    CHECK(list.codes.empty());
    REQUIRE(list.problems.size() == 1);
    CHECK_THAT(list.problems[0], Catch::Contains("too long for a QR code"));
}

TEST_CASE("a chart's bars are in proportion to their values - labelled inside the safe area",
          "[scene][media]") {
    const model::Slide* chart = nullptr;
    for (const auto& s : test::bundled_deck().slides)
        if (s.layout == model::Layout::Chart) chart = &s;
    REQUIRE(chart);
    REQUIRE(chart->bars.size() == 4);
    test::each_bundled_slide([&](const model::Slide& slide, const test::ScreenSize& size,
                                 const scene::DisplayList& list) {
        if (&slide != chart && slide.id != chart->id) return;
        const auto g = scene::compute_geometry({}, test::bundled_fonts(), size.width, size.height);
        CHECK(list.problems.empty());
        REQUIRE(list.fills.size() == 4);
        const float unit = list.fills[0].rect.w / static_cast<float>(chart->bars[0].value);
        for (size_t i = 0; i < 4; ++i) {
            const auto& bar = list.fills[i].rect;
            CHECK(bar.w == Approx(unit * chart->bars[i].value).margin(0.5));
            CHECK(bar.x == Approx(list.fills[0].rect.x));
            CHECK(g.content.contains(bar));
        }
        // Every label and value, in both languages, stands inside and apart from the bars.
        size_t labels = 0;
        for (const auto& t : list.texts) {
            INFO(t.role);
            CHECK(g.safe.contains(t.bounds()));
            labels += t.role == "vi.label" || t.role == "en.label";
            for (const auto& bar : list.fills) CHECK(apart(t.bounds(), bar.rect));
        }
        CHECK(labels == 8);
    });
}
