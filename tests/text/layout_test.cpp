#include "kiosk/text/layout.hpp"

#include <catch2/catch.hpp>
#include <cstring>

#include "greedy.hpp"
#include "kiosk/text/shaped_paragraph.hpp"
#include "kiosk/text/shaper.hpp"
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
    s.font = kiosk::test::bundled_fonts().bold.get();
    const std::string title = "Công ước trong bốn con số";
    // Just wide enough for all but the last word: first-fit breaking leaves it alone.
    const ShapedParagraph shaped(title, *s.font, nullptr, "vi");
    const float width =
        static_cast<float>(shaped.x(std::string("Công ước trong bốn con").size())) * 80 + 5;
    const auto greedy = kiosk::test::greedy_lines(shaped, width / 80 - 1e-4);
    REQUIRE(greedy.size() == 2);
    REQUIRE(greedy[1] == "số");
    s.balance = true;
    const TextBlock balanced = layout_paragraphs({title}, s, 80, width);
    REQUIRE(balanced.lines.size() == 2);
    const float shortest = std::min(balanced.lines[0].width, balanced.lines[1].width);
    const float longest = std::max(balanced.lines[0].width, balanced.lines[1].width);
    CHECK(shortest > 0.5f * longest);
}

TEST_CASE(
    "a line of Chinese and Arabic has a glyph for every letter - Arabic right to left and "
    "joined",
    "[layout][fallback]") {
    const auto& fonts = kiosk::test::bundled_fonts();
    if (!fonts.fallback->font_for(*fonts.regular, U'\u6CB3')) {
        WARN("no installed font covers Chinese (Debian: fonts-noto-cjk); skipped");
        return;
    }
    TextStyle s = style();
    s.fallback = fonts.fallback.get();
    const std::string convention = "اتفاقية";  // "convention", first of the two Arabic words
    const TextBlock block = layout_paragraphs({"河内公约 " + convention + " هانوي"}, s, 40, 5000);
    REQUIRE(block.lines.size() == 1);
    const auto& glyphs = block.lines[0].glyphs;
    const Font* arabic = fonts.fallback->font_for(*fonts.regular, U'\u0627');
    REQUIRE(arabic);
    int chinese = 0;
    for (const auto& g : glyphs) {
        CHECK(g.id != 0);  // no .notdef box
        chinese += g.font != fonts.regular.get() && g.font != arabic;
    }
    CHECK(chinese == 4);  // the four Han characters; the spaces are Noto Sans's
    // The word shaped alone tells which glyphs are its first and last letters.
    const TextRun run{0, convention.size(), arabic, HB_SCRIPT_ARABIC, 1, "ar"};
    const auto word = shape(convention, run);
    const auto first =
        std::find_if(word.begin(), word.end(), [](auto& g) { return g.cluster == 0; });
    REQUIRE(first != word.end());
    const std::uint32_t last_id = word.front().id;  // visual order: the last letter stands first
    float first_x = -1, last_x = -1;
    for (const auto& g : glyphs) {
        if (g.font != arabic) continue;
        if (g.id == first->id && first_x < 0) first_x = g.x;
        if (g.id == last_id && last_x < 0) last_x = g.x;
    }
    REQUIRE(first_x >= 0);
    REQUIRE(last_x >= 0);
    CHECK(first_x > last_x);  // read from the right
    // Joined: a letter inside a word takes another glyph than when it stands alone.
    for (const std::string letter : {"ت", "ف", "ق"}) {  // initial, medial, medial
        const auto alone = shape(letter, {0, letter.size(), arabic, HB_SCRIPT_ARABIC, 1, "ar"});
        REQUIRE(alone.size() == 1);
        INFO(letter);
        CHECK(std::none_of(glyphs.begin(), glyphs.end(),
                           [&](auto& g) { return g.font == arabic && g.id == alone[0].id; }));
    }
}

TEST_CASE("an unbreakable token shrinks before it is cut", "[fit]") {
    std::string token;
    while (token.size() < 80) token += "Cybercrime";
    token.resize(80);
    const float at50 = layout_paragraphs({token}, style(), 50, 1e6).width;
    // Too wide at 80 px, fits at 50: shrunk, whole.
    const TextBlock shrunk = fit_paragraphs({token}, style(80, 40), at50 + 1, 1000);
    CHECK(shrunk.size_px >= 50);
    CHECK(shrunk.size_px < 80);
    CHECK(shrunk.lines.size() == 1);
    CHECK_FALSE(shrunk.split_word);
    // Too wide even at 40 px: cut between letters, at the minimum size, and said.
    const TextBlock cut = fit_paragraphs({token}, style(80, 40), at50 * 0.6f, 1000);
    CHECK(cut.size_px == 40);
    CHECK(cut.split_word);
    CHECK(cut.lines.size() > 1);
    CHECK_FALSE(cut.truncated);
}

TEST_CASE("a title keeps the size of its body while room remains", "[fit]") {
    TextStyle title = style(112, 40);
    title.balance = true;
    title.floor_size_px = 58;
    const std::string words =
        "Lễ mở ký và Hội nghị cấp cao về Công ước Liên hợp quốc về chống tội "
        "phạm mạng, Hà Nội";
    // Its own share of the slide holds it only well below the body's size…
    const TextBlock squeezed = fit_paragraphs({words}, title, 1000, 150);
    CHECK(squeezed.size_px < 58);
    // …but with the slide's room left to it, it stays at the body's size.
    const TextBlock kept = fit_paragraphs({words}, title, 1000, 150, 500);
    CHECK(kept.size_px == 58);
    CHECK(kept.height <= 500);
    CHECK(kept.height > 150);
}

TEST_CASE("a laid-out line carries the cost of the break after it", "[layout]") {
    const TextStyle s = style(52, 40);
    const std::string name = "Lương Tam Quang";
    const ShapedParagraph shaped(name, *s.font, nullptr, "vi");
    // Room for "Lương Tam" only: the name must be parted.
    const float width = static_cast<float>(shaped.x(std::string("Lương Tam").size())) * 52 + 2;
    const TextBlock block = layout_paragraphs({name}, s, 52, width);
    REQUIRE(block.lines.size() == 2);
    CHECK(block.lines[0].break_penalty == BreakPenalties::kName);
    CHECK(block.lines[1].break_penalty == 0);
    const TextBlock whole = layout_paragraphs({"Bộ trưởng " + name}, s, 52, 4000);
    REQUIRE(whole.lines.size() == 1);
    CHECK(whole.lines[0].break_penalty == 0);
}
