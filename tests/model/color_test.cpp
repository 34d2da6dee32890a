#include "kiosk/model/color.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::model;

TEST_CASE("colours parse in long and short form and nothing else", "[color]") {
    CHECK(parse_color("#0b1f3a") == Color{0x0b, 0x1f, 0x3a});
    CHECK(parse_color("#FFF") == Color{255, 255, 255});
    CHECK_FALSE(parse_color("0b1f3a"));
    CHECK_FALSE(parse_color("#0b1f3"));
    CHECK_FALSE(parse_color("#gggggg"));
    CHECK_FALSE(parse_color("white"));
}

TEST_CASE("contrast follows WCAG 2", "[color]") {
    CHECK(contrast_ratio({0, 0, 0}, {255, 255, 255}) == Approx(21.0));
    CHECK(contrast_ratio({119, 119, 119}, {255, 255, 255}) == Approx(4.48).epsilon(0.01));
    CHECK(contrast_ratio({10, 10, 10}, {10, 10, 10}) == Approx(1.0));
}
