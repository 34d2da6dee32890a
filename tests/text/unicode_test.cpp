#include "kiosk/text/unicode.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::text;

namespace {

// "Việt" decomposed: e, combining dot below (U+0323), combining circumflex (U+0302).
const std::string kVietNfd = "Vie\xCC\xA3\xCC\x82t";
const std::string kVietNfc = "Vi\xE1\xBB\x87t";  // ệ = U+1EC7

}  // namespace

TEST_CASE("decomposed Vietnamese is composed", "[unicode]") {
    CHECK(to_nfc(kVietNfd) == kVietNfc);
    CHECK(to_nfc(kVietNfc) == kVietNfc);
    CHECK(to_nfc("plain ascii") == "plain ascii");
}

TEST_CASE("line breaks follow UAX #14", "[unicode]") {
    // After spaces, and after a hyphen or en dash between words, but not before punctuation.
    CHECK(line_break_opportunities("Công ước Hà Nội") ==
          std::vector<size_t>{std::string("Công ").size(), std::string("Công ước ").size(),
                              std::string("Công ước Hà ").size()});
    CHECK(line_break_opportunities("a-b") == std::vector<size_t>{2});
    CHECK(line_break_opportunities("“Trong không gian mạng”") ==
          std::vector<size_t>{std::string("“Trong ").size(), std::string("“Trong không ").size(),
                              std::string("“Trong không gian ").size()});
    CHECK(line_break_opportunities("24/7,").empty());
}

TEST_CASE("no break falls between a letter and its combining marks", "[unicode]") {
    const std::string text = "Vie\xCC\xA3\xCC\x82t Nam " + kVietNfd + "-" + kVietNfd;
    const auto graphemes = grapheme_boundaries(text);
    for (size_t b : line_break_opportunities(text)) {
        INFO(b);
        CHECK(std::find(graphemes.begin(), graphemes.end(), b) != graphemes.end());
    }
    // Graphemes of decomposed "Việt": V, i, e+marks, t.
    CHECK(grapheme_boundaries(kVietNfd) == std::vector<size_t>{1, 2, 7});
}

TEST_CASE("a number range is never split at its dash", "[unicode]") {
    const std::string text = "thương lượng (2021–2024), 25–26/10/2025, Á–Âu";
    for (size_t b : line_break_opportunities(text)) {
        INFO(b);
        CHECK(text.substr(b, 4) != "2024");
        CHECK(text.substr(b, 2) != "26");
    }
    // Between words the dash still allows a break.
    const std::string words = "Á–Âu";
    CHECK(line_break_opportunities(words) == std::vector<size_t>{std::string("Á–").size()});
}
