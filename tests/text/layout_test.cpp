#include "kiosk/text/layout.hpp"

#include <catch2/catch.hpp>
#include <cstring>

#include "support/fonts.hpp"

using namespace kiosk::text;

namespace {

TextStyle style(float size = 40, float min_size = 40) {
    TextStyle s;
    s.font = kiosk::test::bundled_fonts().regular.get();
    s.size_px = size;
    s.min_size_px = min_size;
    s.language = "vi";
    return s;
}

const std::string kLong =
    "Công ước Liên hợp quốc về chống tội phạm mạng được Đại hội đồng thông qua bằng đồng thuận "
    "chiều 24/12/2024, sau gần 5 năm thương lượng với 8 kỳ họp của Ủy ban chuyên trách.";

std::string decompose_vietnamese(std::string text) {
    // Replace the precomposed letters of kLong that matter with their decomposed spelling.
    const std::pair<const char*, const char*> pairs[] = {
        {"ệ", "e\xCC\xA3\xCC\x82"}, {"ộ", "o\xCC\xA3\xCC\x82"},
        {"ợ", "o\xCC\x9B\xCC\xA3"}, {"ạ", "a\xCC\xA3"},
        {"ớ", "o\xCC\x9B\xCC\x81"}, {"ư", "u\xCC\x9B"},
        {"ố", "o\xCC\x82\xCC\x81"}, {"Đ", "Đ"},
        {"ậ", "a\xCC\xA3\xCC\x82"}, {"ồ", "o\xCC\x82\xCC\x80"},
        {"ả", "a\xCC\x89"},         {"ọ", "o\xCC\xA3"},
        {"ủ", "u\xCC\x89"},         {"Ủ", "U\xCC\x89"},
        {"ỳ", "y\xCC\x80"},         {"ề", "e\xCC\x82\xCC\x80"},
        {"ầ", "a\xCC\x82\xCC\x80"}, {"ă", "a\xCC\x86"},
        {"à", "a\xCC\x80"},
    };
    for (const auto& [composed, decomposed] : pairs) {
        for (size_t at = text.find(composed); at != std::string::npos;
             at = text.find(composed, at + std::strlen(decomposed)))
            text.replace(at, std::strlen(composed), decomposed);
    }
    return text;
}

}  // namespace

TEST_CASE("decomposed text lays out exactly like precomposed text", "[layout]") {
    const std::string nfd = decompose_vietnamese(kLong);
    REQUIRE(nfd != kLong);
    const TextBlock a = layout_paragraphs({kLong}, style(), 40, 700);
    const TextBlock b = layout_paragraphs({nfd}, style(), 40, 700);
    REQUIRE(a.lines.size() == b.lines.size());
    for (size_t i = 0; i < a.lines.size(); ++i) {
        CHECK(a.lines[i].text == b.lines[i].text);
        REQUIRE(a.lines[i].glyphs.size() == b.lines[i].glyphs.size());
        for (size_t g = 0; g < a.lines[i].glyphs.size(); ++g) {
            CHECK(a.lines[i].glyphs[g].id == b.lines[i].glyphs[g].id);
            CHECK(a.lines[i].glyphs[g].x == b.lines[i].glyphs[g].x);
            CHECK(a.lines[i].glyphs[g].y == b.lines[i].glyphs[g].y);
        }
    }
}

TEST_CASE("lines break at word boundaries within the width", "[layout]") {
    const TextBlock block = layout_paragraphs({kLong}, style(), 40, 700);
    REQUIRE(block.lines.size() > 2);
    std::string joined;
    for (const auto& line : block.lines) {
        CHECK(line.width <= 700);
        CHECK(line.text.front() != ' ');
        CHECK(line.text.back() != ' ');
        joined += (joined.empty() ? "" : " ") + line.text;
    }
    CHECK(joined == kLong);  // nothing lost, every break was at a space
}

TEST_CASE("paragraphs stack with a gap and baselines advance evenly", "[layout]") {
    const TextBlock block = layout_paragraphs({"Một", "Hai"}, style(), 40, 700);
    REQUIRE(block.lines.size() == 2);
    CHECK(block.lines[1].paragraph == 1);
    CHECK(block.lines[1].baseline - block.lines[0].baseline == Approx(40 * 1.25 + 40 * 0.5));
}

TEST_CASE("a word longer than the line is cut between graphemes", "[layout]") {
    const std::string url = "https://www.unodc.org/unodc/en/cybercrime/convention/home.html";
    const TextBlock block = layout_paragraphs({url}, style(), 40, 300);
    REQUIRE(block.lines.size() > 1);
    for (const auto& line : block.lines) CHECK(line.width <= 300);
}

TEST_CASE("text that fits keeps its preferred size", "[fit]") {
    const TextBlock block = fit_paragraphs({"Hà Nội"}, style(80, 40), 1000, 200);
    CHECK(block.size_px == 80);
    CHECK_FALSE(block.shrunk);
    CHECK_FALSE(block.truncated);
}

TEST_CASE("text too large for its box shrinks to the largest size that fits", "[fit]") {
    const TextBlock block = fit_paragraphs({kLong}, style(80, 40), 1200, 300);
    CHECK(block.shrunk);
    CHECK_FALSE(block.truncated);
    CHECK(block.size_px < 80);
    CHECK(block.size_px >= 40);
    CHECK(block.height <= 300);
    // One pixel larger would not have fitted.
    const TextBlock larger = layout_paragraphs({kLong}, style(), block.size_px + 1, 1200);
    CHECK(larger.height > 300);
}

TEST_CASE("text too long even at the minimum size ends in an ellipsis", "[fit]") {
    const TextBlock block = fit_paragraphs({kLong, kLong}, style(80, 40), 800, 160);
    CHECK(block.truncated);
    CHECK(block.size_px == 40);
    CHECK(block.height <= 160);
    REQUIRE_FALSE(block.lines.empty());
    const std::string& last = block.lines.back().text;
    CHECK(last.substr(last.size() - 3) == "\xE2\x80\xA6");
    for (const auto& line : block.lines) CHECK(line.width <= 800);
}

TEST_CASE("balanced titles keep their line count and leave no lone word", "[layout]") {
    TextStyle s = style(80, 40);
    const std::string title = "Công ước trong bốn con số";
    // Just wide enough for all but the last word: greedy breaking leaves it alone.
    const float width = layout_paragraphs({"Công ước trong bốn con"}, s, 80, 5000).width + 5;
    const TextBlock greedy = layout_paragraphs({title}, s, 80, width);
    s.balance = true;
    const TextBlock balanced = layout_paragraphs({title}, s, 80, width);
    REQUIRE(greedy.lines.size() == 2);
    REQUIRE(balanced.lines.size() == 2);
    CHECK(greedy.lines[1].text == "số");
    const float shortest = std::min(balanced.lines[0].width, balanced.lines[1].width);
    const float longest = std::max(balanced.lines[0].width, balanced.lines[1].width);
    CHECK(shortest > 0.5f * longest);
}
