#include "kiosk/text/glyph_cache.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::text;

namespace {

std::shared_ptr<const GlyphImage> image(int width) {
    auto out = std::make_shared<GlyphImage>();
    out->width = width;
    return out;
}

}  // namespace

TEST_CASE("the glyph cache lets the image used longest ago go first", "[glyph_cache]") {
    GlyphCache cache(2);
    const GlyphKey a{1, 40 * 64, 0}, b{2, 40 * 64, 0}, c{3, 40 * 64, 0};
    cache.insert(a, image(1));
    cache.insert(b, image(2));
    REQUIRE(cache.find(a));  // a is now the most recently used
    cache.insert(c, image(3));
    CHECK(cache.size() == 2);
    CHECK(cache.find(a));
    CHECK(cache.find(c));
    CHECK_FALSE(cache.find(b));
}

TEST_CASE("every part of the key tells images apart", "[glyph_cache]") {
    GlyphCache cache(16);
    cache.insert({7, 40 * 64, 0}, image(1));
    cache.insert({7, 40 * 64 + 1, 0}, image(2));  // a 64th of a pixel larger
    cache.insert({7, 40 * 64, 1}, image(3));      // a quarter pixel further right
    cache.insert({8, 40 * 64, 0}, image(4));
    CHECK(cache.find({7, 40 * 64, 0})->width == 1);
    CHECK(cache.find({7, 40 * 64 + 1, 0})->width == 2);
    CHECK(cache.find({7, 40 * 64, 1})->width == 3);
    CHECK(cache.find({8, 40 * 64, 0})->width == 4);
}

TEST_CASE("an image handed out outlives its eviction", "[glyph_cache]") {
    GlyphCache cache(1);
    cache.insert({1, 64, 0}, image(5));
    const auto held = cache.find({1, 64, 0});
    cache.insert({2, 64, 0}, image(6));
    CHECK_FALSE(cache.find({1, 64, 0}));
    CHECK(held->width == 5);
}
