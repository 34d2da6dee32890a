#include "kiosk/text/bidi.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::text;

TEST_CASE("Latin text is all left to right", "[bidi]") {
    const auto levels = bidi_levels("Công ước Hà Nội");
    CHECK(levels.paragraph == 0);
    CHECK(std::all_of(levels.at.begin(), levels.at.end(), [](auto l) { return l == 0; }));
}

TEST_CASE("an Arabic phrase in Latin text reads right to left, its digits left to right",
          "[bidi]") {
    const std::string latin = "Hanoi ";
    const std::string arabic = "هانوي 2025";
    const auto levels = bidi_levels(latin + arabic);
    CHECK(levels.paragraph == 0);  // the first strong letter is Latin
    CHECK(levels.at[0] == 0);
    CHECK(levels.at[latin.size()] == 1);                      // ه
    CHECK(levels.at[latin.size() + arabic.size() - 1] == 2);  // a digit inside right to left
}

TEST_CASE("a paragraph that starts in Arabic reads right to left", "[bidi]") {
    CHECK(bidi_levels("اتفاقية Hanoi").paragraph == 1);
}

TEST_CASE("runs are reordered for display by their levels", "[bidi]") {
    CHECK(visual_order({0, 1, 1, 0}) == std::vector<size_t>{0, 2, 1, 3});
    CHECK(visual_order({1, 1, 2}) == std::vector<size_t>{2, 1, 0});
    CHECK(visual_order({}).empty());
}
