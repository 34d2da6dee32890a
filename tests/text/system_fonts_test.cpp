#include "kiosk/text/system_fonts.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::text;

TEST_CASE("an installed font is found for a Latin letter", "[system_fonts]") {
    const SystemFontsUse use;
    const auto found = find_system_font(U'A', false, false);
    REQUIRE(found);
    CHECK(std::filesystem::exists(found->file));
}

TEST_CASE("nothing is found for a character no font has", "[system_fonts]") {
    const SystemFontsUse use;
    CHECK_FALSE(find_system_font(U'\U0010FFFD', false, false));
}
