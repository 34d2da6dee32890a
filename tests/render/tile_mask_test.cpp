#include "kiosk/render/tile_mask.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::render;

TEST_CASE("ink marks the tiles it touches - no more", "[tiles]") {
    TileMask mask(100, 50);  // 7 x 4 tiles, the last ones cut by the screen's edge
    CHECK(mask.empty());
    std::vector<std::uint8_t> alpha(20 * 3, 0);
    alpha[2 * 20 + 19] = 1;  // one pixel of ink, at (19, 2) of an image placed at (10, 30):
    mask.mark_alpha(alpha.data(), 20, 3, 10, 30);  // the screen's (29, 32), tile (1, 2)
    CHECK(mask.at(1, 2));
    CHECK_FALSE(mask.at(1, 1));  // the image covers it, its ink does not
    CHECK_FALSE(mask.at(0, 2));
    CHECK(mask.bounds() == PixelRect{16, 32, 16, 16});
    mask.mark({90, 40, 50, 50});  // clipped to the screen
    CHECK(mask.bounds() == PixelRect{16, 32, 84, 18});
}

TEST_CASE("regions are runs of one kind merged downwards", "[tiles]") {
    TileMask shape(64, 64);  // 4 x 4
    // Kind 1 in a 2x2 block at the top left, kind 2 in the right column.
    const auto kind = [](int c, int r) { return c < 2 && r < 2 ? 1 : c == 3 ? 2 : 0; };
    std::vector<std::pair<int, PixelRect>> regions;
    each_region(shape, kind, [&](int k, PixelRect r) { regions.emplace_back(k, r); });
    REQUIRE(regions.size() == 2);
    CHECK(std::count(regions.begin(), regions.end(), std::pair{1, PixelRect{0, 0, 32, 32}}) == 1);
    CHECK(std::count(regions.begin(), regions.end(), std::pair{2, PixelRect{48, 0, 16, 64}}) == 1);
}
