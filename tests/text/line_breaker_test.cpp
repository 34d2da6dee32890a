// Each mistake a line-at-a-time breaker makes on the bundled story, at a width where it does
// make it (asserted, so the test can fail), and the paragraph breaker not making it. Widths are
// set from the text's own measure so that the first-fit line ends exactly at the mistake; at the
// sizes used they are what a 1080p or 4K slide gives a title or a body.

#include "kiosk/text/line_breaker.hpp"

#include <catch2/catch.hpp>

#include "greedy.hpp"
#include "paragraphs.hpp"

using namespace kiosk::text;

namespace {

// Wide enough for `prefix` of the paragraph and not one letter more.
double width_for(const ShapedParagraph& p, const std::string& prefix) {
    REQUIRE(p.text().compare(0, prefix.size(), prefix) == 0);
    return p.x(prefix.size()) + 0.05;
}

std::vector<std::string> lines(const ShapedParagraph& p, double width, BreakGoal goal) {
    std::vector<std::string> out;
    for (const auto& l : break_lines(p, width, goal).lines)
        out.push_back(p.text().substr(l.begin, l.end - l.begin));
    return out;
}

bool ends_a_line(const std::vector<std::string>& lines, const std::string& word) {
    for (size_t i = 0; i + 1 < lines.size(); ++i)
        if (lines[i].size() >= word.size() &&
            lines[i].compare(lines[i].size() - word.size(), word.size(), word) == 0)
            return true;
    return false;
}

bool one_word(const std::string& line) {
    return line.find(' ') == std::string::npos;
}

struct KeptTogether {
    const char* text;
    const char* greedy_line;  // what a first-fit line holds at the width chosen
    const char* last_word;    // the word the mistake leaves at its end
    float size_px;            // the size the width is meant for, to keep it realistic
    bool title;
};

}  // namespace

TEST_CASE("names, numbers, dates, words and quotations stay together", "[line_breaker]") {
    const KeptTogether cases[] = {
        {"Bộ trưởng Bộ Công an Lương Tam Quang ký Công ước thay mặt Việt Nam, quốc gia đầu tiên "
         "ký.",
         "Bộ trưởng Bộ Công an Lương Tam Quang ký Công ước thay mặt Việt", "Việt", 52, false},
        {"The UN General Assembly adopted it by consensus on 24 December 2024 (New York time).",
         "The UN General Assembly adopted it by consensus on 24 December", "December", 52, false},
        {"The UN General Assembly adopted it by consensus on 24 December 2024 (New York time).",
         "The UN General Assembly adopted it by consensus on 24", "24", 52, false},
        {"Điều 64 quy định Công ước được mở ký tại Hà Nội năm 2025.",
         "Điều 64 quy định Công ước được mở", "mở", 52, false},
        {"Vì sao là “Công ước Hà Nội”?", "Vì sao là “Công", "Công", 78, true},
        {"Signing ceremony · Hanoi, 25–26 October 2025", "Signing ceremony · Hanoi, 25–26", "25–26",
         58, false},
        {"Bộ trưởng Bộ Công an Lương Tam Quang ký Công ước thay mặt Việt Nam.",
         "Bộ trưởng Bộ Công an Lương Tam", "Tam", 52, false},
        {"Công nghệ vì con người, số hóa vì hòa bình", "Công nghệ vì con người, số", "số", 112,
         true},
        {"19 châu Á – Thái Bình Dương, 21 châu Phi", "19 châu Á – Thái Bình Dương, 21", "21", 52,
         false},
        {"Có hiệu lực khi 40 quốc gia phê chuẩn", "Có hiệu lực khi 40", "40", 78, true},
        {"47 years of Viet Nam – United Nations partnership", "47 years of Viet Nam – United",
         "United", 58, false},
    };
    for (const auto& c : cases) {
        INFO(c.text << " at the width of \"" << c.greedy_line << "\"");
        const ShapedParagraph p = kiosk::test::shaped(c.text, c.title);
        const double width = width_for(p, c.greedy_line);
        CHECK(width * c.size_px > 400);  // a real slide's column, not a sliver
        CHECK(width * c.size_px < 3400);
        const auto greedy = kiosk::test::greedy_lines(p, width);
        REQUIRE(greedy.front() == c.greedy_line);
        const auto ours = lines(p, width, c.title ? BreakGoal::Balance : BreakGoal::Fill);
        for (const auto& line : ours) INFO("line: " << line);
        CHECK_FALSE(ends_a_line(ours, c.last_word));
        CHECK(ours.size() <= greedy.size() + 1);
    }
}

TEST_CASE("a short quotation is not split when a line can hold it", "[line_breaker]") {
    const ShapedParagraph p = kiosk::test::shaped("Vì sao là “Công ước Hà Nội”?", true);
    // Just wide enough for the quotation and its question mark.
    const double width = p.x(p.text().size()) - p.x(std::string("Vì sao là ").size()) + 0.05;
    REQUIRE(kiosk::test::greedy_lines(p, width).front() == "Vì sao là “Công ước");
    const auto ours = lines(p, width, BreakGoal::Balance);
    REQUIRE(ours.size() == 2);
    CHECK(ours[1] == "“Công ước Hà Nội”?");
}

TEST_CASE("no last line of one word when another breaking avoids it", "[line_breaker]") {
    const struct {
        const char* text;
        const char* greedy_line;
        const char* widow;
        bool title;
    } cases[] = {
        {"United Nations Convention against Cybercrime", "United Nations Convention against",
         "Cybercrime", false},
        {"Launched by General Assembly resolution 74/247 (2019)",
         "Launched by General Assembly resolution 74/247", "(2019)", false},
        {"Thiết lập cơ chế hợp tác chuyên trách 24/7", "Thiết lập cơ chế hợp tác chuyên trách",
         "24/7", false},
        {"“Negotiation was only the start; the next milestone is entry into force.”",
         "“Negotiation was only the start; the next milestone is entry into", "force.”", false},
        {"United Nations Convention against Cybercrime", "United Nations Convention against",
         "Cybercrime", true},
    };
    for (const auto& c : cases) {
        INFO(c.text << (c.title ? " as a title" : " as a body"));
        const ShapedParagraph p = kiosk::test::shaped(c.text, c.title, "en");
        const double width = width_for(p, c.greedy_line);
        const auto greedy = kiosk::test::greedy_lines(p, width);
        REQUIRE(greedy.size() == 2);
        REQUIRE(greedy.back() == c.widow);
        const auto ours = lines(p, width, c.title ? BreakGoal::Balance : BreakGoal::Fill);
        REQUIRE(ours.size() >= 2);
        CHECK_FALSE(one_word(ours.back()));
    }
}

TEST_CASE("titles come out even - bodies fill their lines", "[line_breaker]") {
    const ShapedParagraph p =
        kiosk::test::shaped("Lễ mở ký và Hội nghị cấp cao về chống tội phạm mạng", true);
    const double width = p.x(p.text().size()) * 0.7;  // two lines
    const auto title = break_lines(p, width, BreakGoal::Balance).lines;
    const auto body = break_lines(p, width, BreakGoal::Fill).lines;
    REQUIRE(title.size() == 2);
    REQUIRE(body.size() == 2);
    const auto w = [&](const LineSpan& l) { return p.x(l.end) - p.x(l.begin); };
    CHECK(std::abs(w(title[0]) - w(title[1])) < 0.25 * w(title[0]));
    CHECK(w(body[0]) > w(title[0]));  // the body's first line is fuller
}

TEST_CASE("a no-break space is never a break", "[line_breaker]") {
    for (const char* space : {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x81\xA0"}) {  // NBSP, NNBSP, WJ
        const std::string text = std::string("Khoảng 8.000") + space + "tỷ USD năm 2023";
        INFO(text);
        const ShapedParagraph p = kiosk::test::shaped(text);
        const double width = width_for(p, "Khoảng 8.000") + 0.3;
        for (const auto& line : lines(p, width, BreakGoal::Fill)) CHECK(line != "Khoảng 8.000");
    }
}

TEST_CASE("a word longer than the line is cut between graphemes - and says so", "[line_breaker]") {
    const ShapedParagraph p =
        kiosk::test::shaped("Xem #CôngƯớcHàNộiVềChốngTộiPhạmMạngXuyênQuốcGia ngay");
    const double width = 8;  // ems
    const Breaking b = break_lines(p, width, BreakGoal::Fill);
    CHECK(b.cut_word);
    for (const auto& l : b.lines) {
        CHECK(p.x(l.end) - p.x(l.begin) <= width);
        CHECK(p.grapheme_start(l.begin));
    }
    // A width that holds every word cuts none.
    CHECK_FALSE(break_lines(p, 40, BreakGoal::Fill).cut_word);
}

TEST_CASE("every character is on exactly one line, in order", "[line_breaker]") {
    const ShapedParagraph p = kiosk::test::shaped(
        "Hơn 2.500 đại biểu từ 119 quốc gia và vùng lãnh thổ, 110 đoàn quốc gia chính thức, 150 "
        "tổ chức đã dự Lễ mở ký tại Hà Nội, 25–26/10/2025.");
    for (double width : {6.0, 10.0, 17.0, 30.0}) {
        INFO(width);
        std::string joined;
        size_t previous = 0;
        for (const auto& l : break_lines(p, width, BreakGoal::Fill).lines) {
            REQUIRE(l.begin >= previous);
            // Between two lines, only the spaces the break took.
            CHECK(p.text().substr(previous, l.begin - previous).find_first_not_of(' ') ==
                  std::string::npos);
            joined += p.text().substr(previous, l.end - previous);
            previous = l.end;
        }
        CHECK(joined == p.text());
    }
}

TEST_CASE("each line says what the break after it costs", "[line_breaker]") {
    // A name wider than the line must break inside itself: that break is said to cost a name's
    // penalty; a break between ordinary words costs nothing; a paragraph's last line, nothing.
    const ShapedParagraph name = kiosk::test::shaped("Lương Tam Quang");
    const auto torn = break_lines(name, width_for(name, "Lương Tam"), BreakGoal::Fill);
    REQUIRE(torn.lines.size() == 2);
    CHECK(torn.lines[0].penalty == BreakPenalties::kName);
    CHECK(torn.lines[1].penalty == 0);

    const ShapedParagraph plain = kiosk::test::shaped("mạng lưới hợp tác chuyên trách", false);
    const auto broken = break_lines(plain, width_for(plain, "mạng lưới hợp tác"), BreakGoal::Fill);
    REQUIRE(broken.lines.size() == 2);
    for (const auto& line : broken.lines) CHECK(line.penalty == 0);
}
