#include "kiosk/text/itemizer.hpp"

#include <catch2/catch.hpp>

#include "support/fonts.hpp"

using namespace kiosk::text;

namespace {

Itemized items(const std::string& text) {
    const auto& fonts = kiosk::test::bundled_fonts();
    return itemize(text, *fonts.regular, fonts.fallback.get(), "vi");
}

}  // namespace

TEST_CASE("Vietnamese is one Latin run in the style's font and language", "[itemizer]") {
    const std::string text = "Công ước Hà Nội, 25–26/10/2025";
    const Itemized it = items(text);
    REQUIRE(it.runs.size() == 1);
    CHECK(it.runs[0].begin == 0);
    CHECK(it.runs[0].end == text.size());
    CHECK(it.runs[0].script == HB_SCRIPT_LATIN);
    CHECK(it.runs[0].font == kiosk::test::bundled_fonts().regular.get());
    CHECK(it.runs[0].language == "vi");
    CHECK(it.runs[0].level == 0);
}

TEST_CASE("an Arabic phrase is a run of its own: script, direction, font and language",
          "[itemizer]") {
    const std::string latin = "Hanoi: ";
    const std::string arabic = "اتفاقية هانوي";
    const Itemized it = items(latin + arabic + ".");
    REQUIRE(it.runs.size() >= 2);
    const TextRun& a = it.runs[1];
    CHECK(a.begin == latin.size());
    CHECK(a.script == HB_SCRIPT_ARABIC);
    CHECK(a.level == 1);
    CHECK(a.language == "ar");
    CHECK(a.font != kiosk::test::bundled_fonts().regular.get());
    // The space between the Arabic words stays in the Arabic run.
    CHECK(a.end >= latin.size() + arabic.size());
}

TEST_CASE("digits and punctuation take the script around them", "[itemizer]") {
    // A leading number takes the script that follows it; marks keep their letter's.
    const Itemized it = items("72 quốc gia");
    REQUIRE(it.runs.size() == 1);
    CHECK(it.runs[0].script == HB_SCRIPT_LATIN);
}

TEST_CASE("a letter and its combining marks are one grapheme", "[itemizer]") {
    const std::string text = "Vie\xCC\xA3\xCC\x82t";
    const Itemized it = items(text);
    CHECK(it.grapheme_start == std::vector<std::uint8_t>{1, 1, 1, 0, 0, 0, 0, 1});
}

TEST_CASE("punctuation between two scripts stays with the style's font", "[itemizer]") {
    const auto& fonts = kiosk::test::bundled_fonts();
    const std::string before = "Hà Nội ";
    const Itemized it = items(before + "· اتفاقية");
    REQUIRE(it.runs.size() >= 2);
    CHECK(it.runs[0].font == fonts.regular.get());
    CHECK(it.runs[0].end >= before.size() + std::string("· ").size());  // "· " is Latin's
}
