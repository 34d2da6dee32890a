#include "kiosk/model/printable.hpp"

#include <catch2/catch.hpp>

using kiosk::model::printable;

TEST_CASE("text from outside is shown on one line - escapes visible", "[printable]") {
    CHECK(printable("72\nkiosk: counter: now live, showing 999999") ==
          "72\\nkiosk: counter: now live, showing 999999");
    CHECK(printable("\x1b[2Jgone") == "\\x1b[2Jgone");
    CHECK(printable("a\tb\\c") == "a\\tb\\\\c");
    CHECK(printable("abc\xE2\x80\xAE"
                    "cba") == "abc\\u{202e}cba");  // right-to-left override
    CHECK(printable("caf\xE9!") == "caf\\xe9!");   // Latin-1, not UTF-8
    CHECK(printable("Việt Nam · 25–26/10/2025") == "Việt Nam · 25–26/10/2025");
}

TEST_CASE("text from outside is capped - a megabyte string is one short line", "[printable]") {
    const std::string huge(1 << 20, 'x');
    const std::string shown = printable(huge, 40);
    CHECK(shown == std::string(40, 'x') + "…");
    CHECK(printable("Hà Nội", 3) == "Hà …");
}
