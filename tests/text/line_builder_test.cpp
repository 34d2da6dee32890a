#include "kiosk/text/line_builder.hpp"

#include <catch2/catch.hpp>

#include "paragraphs.hpp"

using namespace kiosk::text;

using kiosk::test::shaped;

TEST_CASE("a line's glyphs stand left to right from the indent, scaled", "[line_builder]") {
    const ShapedParagraph p = shaped("Hà Nội");
    const Line at40 = build_line(p, {0, p.text().size()}, 40, 10);
    const Line at80 = build_line(p, {0, p.text().size()}, 80, 10);
    REQUIRE(at40.glyphs.size() == at80.glyphs.size());
    CHECK(at40.glyphs.front().x == Approx(10));
    for (size_t i = 1; i < at40.glyphs.size(); ++i) CHECK(at40.glyphs[i].x >= at40.glyphs[i - 1].x);
    CHECK(at80.width - 10 == Approx(2 * (at40.width - 10)));
    CHECK(at40.text == "Hà Nội");
}

TEST_CASE("a right-to-left run is reversed within its line", "[line_builder]") {
    const std::string latin = "Hanoi ";
    const ShapedParagraph p = shaped(latin + "هانوي");
    const Line line = build_line(p, {0, p.text().size()}, 40, 0);
    // The Latin word stays first; the Arabic word's first letter (ه) stands at the far right.
    const auto& glyphs = line.glyphs;
    CHECK(glyphs.front().font == kiosk::test::bundled_fonts().regular.get());
    const auto& run = p.runs().back();
    const auto& arabic = p.glyphs(p.runs().size() - 1);
    REQUIRE(run.level == 1);
    CHECK(arabic.back().cluster == latin.size());  // ه last in visual order…
    CHECK(glyphs.back().id == arabic.back().id);   // …so rightmost on the line
}

TEST_CASE("a word cut between two lines is shaped again on each side", "[line_builder]") {
    // "ffi" is one ligature glyph in Noto Sans; cut after "ff", each side gets its own glyphs.
    const ShapedParagraph p = shaped("office");
    const size_t cut = std::string("off").size();
    const Line whole = build_line(p, {0, p.text().size()}, 40, 0);
    const Line left = build_line(p, {0, cut, false, true}, 40, 0);
    const Line right = build_line(p, {cut, p.text().size(), true, false}, 40, 0);
    CHECK(left.glyphs.size() + right.glyphs.size() >= whole.glyphs.size());
    CHECK(right.glyphs.size() >= 3);  // i, c, e: nothing of "office" lost
    CHECK(left.width > 0);
}

TEST_CASE("a line at a cut is drawn exactly as wide as it was measured", "[line_builder]") {
    // Kerning across the cut ("Te", "AV"), a ligature ("ffi") and Arabic joining forms all change
    // when a piece is shaped alone; the breaker is told the width the line is drawn at.
    for (const std::string text : {"office", "AVATAR Tee", "وففف", "xخبرy"}) {
        const ShapedParagraph p = shaped(text);
        const size_t n = p.text().size();
        for (size_t a = 0; a < n; ++a) {
            if (!p.grapheme_start(a)) continue;
            for (size_t b = a + 1; b <= n; ++b) {
                if (!p.grapheme_start(b)) continue;
                const bool before = a > 0, after = b < n;
                const Line line = build_line(p, {a, b, before, after}, 40, 0);
                INFO(text << " [" << a << ", " << b << ")");
                CHECK(line.width == Approx(p.line_width(a, b, before, after) * 40).margin(1e-3));
            }
        }
    }
}
