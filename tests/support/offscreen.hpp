#pragma once
// A real SDL renderer with no display: the offscreen video driver and the software renderer,
// whose pixels are read back. One SDL start for the whole test program.

#include <SDL.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <memory>

#include "kiosk/render/screen.hpp"

namespace kiosk::test {

inline std::unique_ptr<render::Screen> offscreen_screen(int width, int height, int rotation = 0) {
    static const bool started = [] {
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
        return SDL_Init(SDL_INIT_VIDEO) == 0;
    }();
    REQUIRE(started);
    render::ScreenOptions options;
    options.fullscreen = false;
    options.hidden = true;
    options.software = true;
    options.width = width;
    options.height = height;
    options.rotation = rotation;
    std::string error;
    auto screen = render::Screen::open(options, &error);
    INFO(error);
    REQUIRE(screen);
    return screen;
}

}  // namespace kiosk::test
