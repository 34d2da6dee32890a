#include "kiosk/render/screen.hpp"

#include <SDL_image.h>

#include <catch2/catch.hpp>

#include "support/offscreen.hpp"
#include "support/temp_dir.hpp"

using namespace kiosk;

TEST_CASE("a portrait screen lays out upright at the turned size", "[screen]") {
    auto screen = test::offscreen_screen(1080, 1920, 90);
    CHECK(screen->width() == 1080);
    CHECK(screen->height() == 1920);
    screen->begin_frame();
    render::clear(screen->renderer(), {10, 20, 30});
    const auto pixels = screen->read_pixels();
    REQUIRE(pixels.size() == 1080u * 1920u);
    CHECK(pixels[0] == 0xFF0A141Eu);
}

TEST_CASE("a screenshot is a PNG of the picture", "[screen]") {
    test::TempDir dir;
    auto screen = test::offscreen_screen(320, 200);
    screen->begin_frame();
    render::clear(screen->renderer(), {200, 100, 50});
    std::string error;
    const auto file = dir.path() / "shot.png";
    REQUIRE(screen->save_png(file, &error));
    SDL_Surface* png = IMG_Load(file.c_str());
    REQUIRE(png);
    CHECK(png->w == 320);
    CHECK(png->h == 200);
    SDL_FreeSurface(png);
    CHECK_FALSE(std::filesystem::exists(file.string() + ".tmp"));
}

TEST_CASE("an unwritable screenshot path is one clear error", "[screen]") {
    auto screen = test::offscreen_screen(64, 64);
    std::string error;
    CHECK_FALSE(screen->save_png("/proc/kiosk/shot.png", &error));
    CHECK_THAT(error, Catch::Contains("/proc/kiosk/shot.png"));
}
