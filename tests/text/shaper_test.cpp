#include "kiosk/text/shaper.hpp"

#include <catch2/catch.hpp>

#include "support/fonts.hpp"

using namespace kiosk::text;

TEST_CASE("precomposed Vietnamese letters shape to one glyph each", "[shaper]") {
    const Font& font = *kiosk::test::bundled_fonts().regular;
    const auto glyphs = shape(font, "Việt", 40, "vi");
    REQUIRE(glyphs.size() == 4);
    for (const auto& g : glyphs) CHECK(g.id != 0);  // no .notdef box
}

TEST_CASE("marks with no precomposed form are stacked by GPOS anchors", "[shaper]") {
    // x + dot below + circumflex: no such precomposed letter exists, so only shaping places the
    // marks. The marks take no advance; where their ink lands is checked in rasterizer_test.
    const Font& font = *kiosk::test::bundled_fonts().regular;
    const auto glyphs = shape(font, "x\xCC\xA3\xCC\x82", 40, "vi");
    REQUIRE(glyphs.size() == 3);
    CHECK(glyphs[0].advance > 10);
    CHECK(glyphs[1].advance == 0);
    CHECK(glyphs[2].advance == 0);
    CHECK(glyphs[1].id != 0);
    CHECK(glyphs[2].id != 0);
}

TEST_CASE("advances scale with the size", "[shaper]") {
    const Font& font = *kiosk::test::bundled_fonts().regular;
    float at40 = 0, at80 = 0;
    for (const auto& g : shape(font, "Hà Nội", 40, "vi")) at40 += g.advance;
    for (const auto& g : shape(font, "Hà Nội", 80, "vi")) at80 += g.advance;
    CHECK(at80 == Approx(2 * at40));
}
