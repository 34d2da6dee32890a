#include "kiosk/text/font_set.hpp"

#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"

using namespace kiosk::text;

TEST_CASE("the bundled set has its styles and the Arabic fallbacks", "[font_set]") {
    const FontSet set = load_fonts(KIOSK_SOURCE_DIR "/fonts", "NotoSans-Regular.ttf",
                                   "NotoSans-Bold.ttf", "NotoSans-Italic.ttf");
    CHECK(set.bold->bold());
    CHECK(set.italic->italic());
    REQUIRE(set.fallback);
    CHECK(set.fallback->font_for(*set.regular, U'\u0627'));
}

TEST_CASE("a missing style is a start-up error naming it - a missing fallback is not",
          "[font_set]") {
    kiosk::test::TempDir dir;
    std::filesystem::copy(KIOSK_SOURCE_DIR "/fonts/NotoSans-Regular.ttf",
                          dir.path() / "NotoSans-Regular.ttf");
    CHECK_THROWS_WITH(
        load_fonts(dir.path(), "NotoSans-Regular.ttf", "Missing-Bold.ttf", "NotoSans-Regular.ttf"),
        Catch::Contains("Missing-Bold.ttf"));
    const FontSet set = load_fonts(dir.path(), "NotoSans-Regular.ttf", "NotoSans-Regular.ttf",
                                   "NotoSans-Regular.ttf");
    CHECK(set.fallback);
}
