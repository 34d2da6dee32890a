#include "kiosk/text/font_fallback.hpp"

#include <catch2/catch.hpp>

#include "kiosk/text/font_set.hpp"

using namespace kiosk::text;

namespace {

const std::filesystem::path kFonts = KIOSK_SOURCE_DIR "/fonts";

FontSet fresh() {
    return load_fonts(kFonts, "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf");
}

}  // namespace

TEST_CASE("Latin and Vietnamese never ask fontconfig", "[font_fallback]") {
    const FontSet fonts = fresh();
    for (char32_t c : std::u32string(U"Công ước Hà Nội ệở ữặ 0123 “”–…"))
        CHECK(fonts.fallback->font_for(*fonts.regular, c) == fonts.regular.get());
    CHECK(fonts.fallback->system_lookups() == 0);
}

TEST_CASE("Arabic comes from the bundled face of the style's weight", "[font_fallback]") {
    const FontSet fonts = fresh();
    const Font* regular = fonts.fallback->font_for(*fonts.regular, U'\u0647');
    const Font* bold = fonts.fallback->font_for(*fonts.bold, U'\u0647');
    REQUIRE(regular);
    REQUIRE(bold);
    CHECK(regular->name() == "NotoSansArabic-Regular.ttf");
    CHECK(bold->name() == "NotoSansArabic-Bold.ttf");
    CHECK(fonts.fallback->system_lookups() == 0);
}

TEST_CASE("fontconfig is asked once a character, and not for one a found font covers",
          "[font_fallback]") {
    const FontSet fonts = fresh();
    const Font* first = fonts.fallback->font_for(*fonts.regular, U'\u6CB3');  // 河
    if (!first) {
        WARN("no installed font covers Chinese (Debian: fonts-noto-cjk); skipped");
        return;
    }
    CHECK(fonts.fallback->system_lookups() == 1);
    CHECK(fonts.fallback->font_for(*fonts.regular, U'\u6CB3') == first);  // remembered
    CHECK(fonts.fallback->font_for(*fonts.regular, U'\u5185') == first);  // 内: the same font
    CHECK(fonts.fallback->system_lookups() == 1);
}

TEST_CASE("a character no font has is null - and asked about once", "[font_fallback]") {
    const FontSet fonts = fresh();
    CHECK_FALSE(fonts.fallback->font_for(*fonts.regular, U'\U0010FFFD'));
    CHECK_FALSE(fonts.fallback->font_for(*fonts.regular, U'\U0010FFFD'));
    CHECK(fonts.fallback->system_lookups() == 1);
}
