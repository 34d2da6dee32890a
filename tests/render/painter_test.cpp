// Slides drawn for real through SDL's software renderer, pixels read back, judged as a person
// would: ink where the layout put text, nothing elsewhere, decomposed text identical.

#include "kiosk/render/painter.hpp"

#include <catch2/catch.hpp>

#include "kiosk/scene/slide_scene.hpp"
#include "support/fonts.hpp"
#include "support/offscreen.hpp"

using namespace kiosk;

namespace {

constexpr int kW = 1280, kH = 720;

Uint32 argb(model::Color c) {
    return 0xFF000000u | (c.r << 16) | (c.g << 8) | c.b;
}

std::vector<Uint32> draw_slide(const model::Slide& slide, scene::DisplayList* list_out = nullptr) {
    auto screen = test::offscreen_screen(kW, kH);
    const model::Theme theme;
    const auto list = scene::compose_slide(slide, theme, test::bundled_fonts(), kW, kH);
    const auto prepared = render::prepare(screen->renderer(), list);
    screen->begin_frame();
    render::clear(screen->renderer(), theme.background);
    render::draw(screen->renderer(), prepared);
    if (list_out) *list_out = list;
    return screen->read_pixels();
}

model::Slide slide(const std::string& vi_title, const std::string& vi_body) {
    model::Slide s;
    s.id = std::string("render-test");
    s.layout = model::Layout::Text;
    s.vi = model::SlideText{vi_title, vi_body, ""};
    s.en = model::SlideText{"Viet Nam signed first", "The Hanoi Convention", ""};
    return s;
}

}  // namespace

TEST_CASE("text is drawn where the layout says and nowhere else", "[render]") {
    scene::DisplayList list;
    const auto pixels = draw_slide(slide("Việt Nam ký đầu tiên", "Công ước Hà Nội"), &list);
    const Uint32 background = argb(model::Theme{}.background);
    // Every text box has ink in it.
    for (const auto& item : list.texts) {
        INFO(item.role);
        int ink = 0;
        const auto b = item.bounds();
        for (int y = static_cast<int>(b.y); y < static_cast<int>(b.bottom()); ++y)
            for (int x = static_cast<int>(b.x); x < static_cast<int>(b.right()); ++x)
                ink += pixels[static_cast<size_t>(y) * kW + x] != background;
        CHECK(ink > 100);
    }
    // Outside the boxes (grown by the ink that may stand out of them) and the fills, nothing.
    const auto inside_any = [&](int x, int y) {
        for (const auto& item : list.texts) {
            const auto b = item.bounds();
            const float m = 0.3f * item.block.size_px;
            if (x >= b.x - m && x < b.right() + m && y >= b.y - m && y < b.bottom() + m)
                return true;
        }
        for (const auto& f : list.fills)
            if (x >= f.rect.x - 1 && x < f.rect.right() + 1 && y >= f.rect.y - 1 &&
                y < f.rect.bottom() + 1)
                return true;
        return false;
    };
    int stray = 0;
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x)
            if (!inside_any(x, y)) stray += pixels[static_cast<size_t>(y) * kW + x] != background;
    CHECK(stray == 0);
}

TEST_CASE("text is drawn in its colour", "[render]") {
    scene::DisplayList list;
    const auto pixels = draw_slide(slide("ĐĐĐĐ", "Công ước"), &list);
    const model::Color accent = model::Theme{}.accent;
    int exact = 0;
    for (auto p : pixels) exact += p == argb(accent);
    CHECK(exact > 500);  // the title's solid strokes are the accent colour exactly
}

TEST_CASE("decomposed and precomposed slides are pixel-identical", "[render]") {
    const auto nfc =
        draw_slide(slide("Việt Nam ở Hà Nội", "Bộ trưởng Bộ Công an Lương Tam Quang ký"));
    const auto nfd = draw_slide(
        slide("Vie\xCC\xA3\xCC\x82t Nam o\xCC\x9B\xCC\x89 Ha\xCC\x80 No\xCC\xA3\xCC\x82i",
              "Bo\xCC\xA3\xCC\x82 tru\xCC\x9Bo\xCC\x9B\xCC\x89ng Bo\xCC\xA3\xCC\x82 Co\xCC\x82ng "
              "an Lu\xCC\x9Bo\xCC\x9Bng Tam Quang ky\xCC\x81"));
    REQUIRE(nfc.size() == nfd.size());
    CHECK(nfc == nfd);
}

TEST_CASE("a crossfade halfway mixes the two slides", "[render]") {
    auto screen = test::offscreen_screen(kW, kH);
    const model::Theme theme;
    const auto a = render::prepare(
        screen->renderer(),
        scene::compose_slide(slide("AAAA", "a"), theme, test::bundled_fonts(), kW, kH));
    const auto b = render::prepare(
        screen->renderer(),
        scene::compose_slide(slide("WWWW", "w"), theme, test::bundled_fonts(), kW, kH));
    const auto ink_of = [&](Uint8 alpha_a, Uint8 alpha_b) {
        render::clear(screen->renderer(), theme.background);
        render::draw(screen->renderer(), a, alpha_a);
        render::draw(screen->renderer(), b, alpha_b);
        long sum = 0;
        for (auto p : screen->read_pixels()) sum += (p >> 8) & 0xFF;  // green channel
        return sum;
    };
    const long only_a = ink_of(255, 0), only_b = ink_of(0, 255), half = ink_of(128, 127);
    CHECK(half > std::min(only_a, only_b) * 0.6);
    CHECK(half < std::max(only_a, only_b) * 1.01);
}

TEST_CASE("slides mixed by the CPU show what SDL's blend of their textures shows", "[render]") {
    // The software renderer keeps slide pictures as pixels and mixes them itself; a GPU blends
    // textures. Both ways, on the same screen, must show the same fade.
    auto screen = test::offscreen_screen(kW, kH);
    SDL_Renderer* renderer = screen->renderer();
    const model::Theme theme;
    const auto list_a = render::prepare(
        renderer, scene::compose_slide(slide("Việt Nam ký đầu tiên", "Công ước Hà Nội"), theme,
                                       test::bundled_fonts(), kW, kH));
    const auto list_b = render::prepare(
        renderer, scene::compose_slide(slide("WWWW", "Hiệu lực khi 40 nước phê chuẩn"), theme,
                                       test::bundled_fonts(), kW, kH));
    auto tex_a = render::compose_picture(renderer, list_a, kW, kH);
    auto tex_b = render::compose_picture(renderer, list_b, kW, kH);
    auto pix_a = render::compose_picture(renderer, list_a, kW, kH);
    auto pix_b = render::compose_picture(renderer, list_b, kW, kH);
    REQUIRE((tex_a && tex_b && pix_a && pix_b));
    REQUIRE(
        (render::keep_pixels_only(renderer, *pix_a) && render::keep_pixels_only(renderer, *pix_b)));
    REQUIRE((tex_a->texture && tex_a->pixels.empty()));
    REQUIRE((!pix_a->texture && !pix_a->pixels.empty()));
    render::MixStrip strip;
    const auto frame = [&](const render::SlidePicture& from, const render::SlidePicture& to,
                           Uint8 alpha, render::MixStrip* mix) {
        render::clear(renderer, theme.background);
        CHECK(render::paint_slides(renderer, &from, to, alpha, {}, 0, 0, mix));
        return screen->read_pixels();
    };
    for (int alpha : {0, 1, 64, 128, 200, 254, 255}) {
        INFO("alpha " << alpha);
        const auto blended = frame(*tex_a, *tex_b, static_cast<Uint8>(alpha), nullptr);
        const auto mixed = frame(*pix_a, *pix_b, static_cast<Uint8>(alpha), &strip);
        REQUIRE(blended.size() == mixed.size());
        int worst = 0;
        size_t inked = 0;
        for (size_t i = 0; i < mixed.size(); ++i) {
            for (int s : {0, 8, 16})
                worst = std::max(worst, std::abs(static_cast<int>((blended[i] >> s) & 255) -
                                                 static_cast<int>((mixed[i] >> s) & 255)));
            inked += mixed[i] != argb(theme.background);
        }
        // SDL's blend truncates where the CPU's rounds: a level or two apart, never more.
        CHECK(worst <= 2);
        CHECK(inked > 5000);
    }
    // Without a strip to mix in, the pictures' tiles are the ground, and the painter says so.
    render::clear(renderer, theme.background);
    CHECK_FALSE(render::paint_slides(renderer, &*pix_a, *pix_b, 128, {}, 0, 0, nullptr));
}

TEST_CASE("a picture that cannot be read back stays a texture, and is tried once", "[render]") {
    auto screen = test::offscreen_screen(kW, kH);
    SDL_Renderer* renderer = screen->renderer();
    // A texture SDL cannot draw into cannot be read back either.
    render::SlidePicture picture;
    picture.area = {0, 0, 64, 64};
    picture.texture.reset(
        SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_STATIC, 64, 64));
    REQUIRE(picture.texture);
    CHECK_FALSE(render::keep_pixels_only(renderer, picture));
    CHECK(picture.texture);
    CHECK(picture.pixels.empty());
    CHECK(picture.unreadable);
    // Asked again (every still frame asks), it says no at once and keeps its texture.
    CHECK_FALSE(render::keep_pixels_only(renderer, picture));
    CHECK(picture.texture);
}
