#include "kiosk/text/coverage.hpp"

#include <catch2/catch.hpp>

#include "support/fonts.hpp"

using namespace kiosk::text;

TEST_CASE("text the fonts cover misses nothing", "[coverage]") {
    const auto& fonts = kiosk::test::bundled_fonts();
    CHECK(missing_code_points("Công ước Hà Nội – “24/7” …", fonts).empty());
    CHECK(missing_code_points("Vie\xCC\xA3\xCC\x82t Nam", fonts).empty());  // decomposed
    CHECK(missing_code_points("اتفاقية هانوي", fonts).empty());             // bundled Arabic
}

TEST_CASE("characters no font has are listed once each - in order", "[coverage]") {
    const auto& fonts = kiosk::test::bundled_fonts();
    // Two private-use characters no font has, the first twice.
    const std::string a = "\xF4\x8F\xBF\xBD", b = "\xF4\x8F\xBF\xBC";
    CHECK(missing_code_points("x" + a + b + a, fonts) == std::vector<char32_t>{0x10FFFD, 0x10FFFC});
}

TEST_CASE("default-ignorable characters and controls are not missing", "[coverage]") {
    const auto& fonts = kiosk::test::bundled_fonts();
    // ZWJ, zero-width space, variation selector 16, a tag character, a tab.
    CHECK(missing_code_points("a\xE2\x80\x8D"
                              "b\xE2\x80\x8B"
                              "c\xEF\xB8\x8F"
                              "d\xF3\xA0\x80\x81\t",
                              fonts)
              .empty());
}

TEST_CASE("a flag emoji is reported - no monochrome font stands in for it", "[coverage]") {
    const auto& fonts = kiosk::test::bundled_fonts();
    CHECK(missing_code_points("Việt Nam \xF0\x9F\x87\xBB\xF0\x9F\x87\xB3", fonts) ==
          std::vector<char32_t>{0x1F1FB, 0x1F1F3});
}
