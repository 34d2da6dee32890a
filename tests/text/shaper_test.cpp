#include "kiosk/text/shaper.hpp"

#include <catch2/catch.hpp>

#include "support/fonts.hpp"

using namespace kiosk::text;

namespace {

TextRun run_of(const std::string& text, const Font& font, hb_script_t script = HB_SCRIPT_LATIN,
               std::uint8_t level = 0, const char* language = "vi") {
    return {0, text.size(), &font, script, level, language};
}

}  // namespace

TEST_CASE("precomposed Vietnamese letters shape to one glyph each", "[shaper]") {
    const Font& font = *kiosk::test::bundled_fonts().regular;
    const std::string text = "Việt";
    const auto glyphs = shape(text, run_of(text, font));
    REQUIRE(glyphs.size() == 4);
    for (const auto& g : glyphs) {
        CHECK(g.id != 0);  // no .notdef box
        CHECK(g.font == &font);
    }
}

TEST_CASE("marks with no precomposed form are stacked by GPOS anchors", "[shaper]") {
    // x + dot below + circumflex: no such precomposed letter exists, so only shaping places the
    // marks. The marks take no advance; where their ink lands is checked in rasterizer_test.
    const Font& font = *kiosk::test::bundled_fonts().regular;
    const std::string text = "x\xCC\xA3\xCC\x82";
    const auto glyphs = shape(text, run_of(text, font));
    REQUIRE(glyphs.size() == 3);
    CHECK(glyphs[0].advance > 0.3f);  // ems
    CHECK(glyphs[1].advance == 0);
    CHECK(glyphs[2].advance == 0);
    CHECK(glyphs[1].id != 0);
    CHECK(glyphs[2].id != 0);
}

TEST_CASE("advances are in ems and clusters are offsets into the whole text", "[shaper]") {
    const Font& font = *kiosk::test::bundled_fonts().regular;
    const std::string text = "Hà Nội";
    // Only "Nội" is the run: clusters still count from the start of the text.
    TextRun run = run_of(text, font);
    run.begin = std::string("Hà ").size();
    const auto glyphs = shape(text, run);
    REQUIRE(glyphs.size() == 3);
    CHECK(glyphs[0].cluster == run.begin);
    float ems = 0;
    for (const auto& g : glyphs) ems += g.advance;
    CHECK(ems > 1.0f);
    CHECK(ems < 3.0f);
}

TEST_CASE("a right-to-left run comes out in visual order with joined letters", "[shaper]") {
    const auto& fonts = kiosk::test::bundled_fonts();
    const Font& arabic = *fonts.fallback->font_for(*fonts.regular, U'\u0647');
    const std::string word = "\xD9\x87\xD8\xA7\xD9\x86\xD9\x88\xD9\x8A";  // هانوي
    const auto glyphs = shape(word, run_of(word, arabic, HB_SCRIPT_ARABIC, 1, "ar"));
    REQUIRE(glyphs.size() == 5);
    CHECK(glyphs.front().cluster > glyphs.back().cluster);  // the first letter stands last
    CHECK(glyphs.back().cluster == 0);
    // Shaped as separate letters, each takes its isolated form: a different glyph for ه.
    const std::string heh = "\xD9\x87";
    const auto alone = shape(heh, run_of(heh, arabic, HB_SCRIPT_ARABIC, 1, "ar"));
    REQUIRE(alone.size() == 1);
    CHECK(alone[0].id != glyphs.back().id);
}
