#include "kiosk/text/rasterizer.hpp"

#include <catch2/catch.hpp>

#include "support/fonts.hpp"

using namespace kiosk::text;

namespace {

TextBlock lay(const std::string& text, float size = 48) {
    TextStyle style;
    style.font = kiosk::test::bundled_fonts().regular.get();
    style.language = "vi";
    return layout_paragraphs({text}, style, size, 2000);
}

int ink(const Coverage& c) {
    int sum = 0;
    for (auto a : c.alpha) sum += a > 127;
    return sum;
}

}  // namespace

TEST_CASE("decomposed and precomposed Vietnamese give identical pixels", "[rasterizer]") {
    const Coverage nfc = rasterize(lay("Việt Nam ở Hà Nội"));
    const Coverage nfd =
        rasterize(lay("Vie\xCC\xA3\xCC\x82t Nam o\xCC\x9B\xCC\x89 Ha\xCC\x80 No\xCC\xA3\xCC\x82i"));
    CHECK(ink(nfc) > 500);
    CHECK(nfc == nfd);
}

TEST_CASE("stacked marks add ink above and below the letter", "[rasterizer]") {
    const Coverage plain = rasterize(lay("x"));
    const Coverage marked = rasterize(lay("x\xCC\xA3\xCC\x82"));
    // The circumflex rises above the x and the dot sinks below the baseline.
    CHECK(marked.origin_y < plain.origin_y - 5);
    CHECK(marked.origin_y + marked.height > plain.origin_y + plain.height + 3);
    // And both stand over the letter, not beside it.
    CHECK(marked.width <= plain.width + 4);
}

TEST_CASE("each glyph is drawn from the font the layout chose for it", "[rasterizer]") {
    const auto& fonts = kiosk::test::bundled_fonts();
    TextStyle style;
    style.font = fonts.regular.get();
    style.fallback = fonts.fallback.get();
    TextBlock block = layout_paragraphs({"Hà Nội هانوي"}, style, 48, 2000);
    const Coverage right = rasterize(block);
    CHECK(ink(right) > 400);
    // The same glyph ids drawn from the Latin font are other shapes (or none at all).
    for (auto& line : block.lines)
        for (auto& g : line.glyphs) g.font = fonts.regular.get();
    CHECK_FALSE(rasterize(block) == right);
}
