#include "kiosk/text/break_rules.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::text;

namespace {

// The opportunity where the line would start with `next`.
BreakOpportunity before(const std::string& text, const std::string& next) {
    const size_t at = text.find(next);
    REQUIRE(at != std::string::npos);
    for (const auto& b : break_opportunities(text))
        if (b.at == at) return b;
    FAIL("no break before \"" << next << "\"");
    return {};
}

}  // namespace

TEST_CASE("breaks at spaces end a word - after a hyphen they do not", "[break_rules]") {
    const std::string text = "the first criminal-justice treaty";
    const auto space = before(text, "first");
    CHECK(space.space);
    CHECK(space.line_end == std::string("the").size());
    const auto hyphen = before(text, "justice");
    CHECK_FALSE(hyphen.space);
    CHECK(hyphen.penalty == BreakPenalties::kAfterHyphen);
}

TEST_CASE("a number keeps the word it counts", "[break_rules]") {
    CHECK(before("40 quốc gia", "quốc").penalty == BreakPenalties::kNumber);
    CHECK(before("72 states", "states").penalty == BreakPenalties::kNumber);
    CHECK(before("21 châu Phi", "châu").penalty == BreakPenalties::kNumber);
    CHECK(before("in 2025, the", "the").penalty == 0);  // a comma ends it
}

TEST_CASE("a date stays whole", "[break_rules]") {
    const std::string en = "on 24 December 2024";
    CHECK(before(en, "December").penalty == BreakPenalties::kNumber);
    CHECK(before(en, "2024").penalty == BreakPenalties::kDate);
    CHECK(before("25–26 October 2025", "October").penalty == BreakPenalties::kNumber);
    CHECK(before("tại Hà Nội năm 2025", "2025").penalty == BreakPenalties::kDate);
    // Slashes and en dashes between digits offer no break at all.
    CHECK(break_opportunities("25–26/10/2025").empty());
    CHECK(break_opportunities("24/12/2024").empty());
}

TEST_CASE("capitalised words run together", "[break_rules]") {
    CHECK(before("thay mặt Việt Nam, quốc gia", "Nam").penalty == BreakPenalties::kName);
    CHECK(before("Lương Tam Quang ký", "Quang").penalty == BreakPenalties::kName);
    CHECK(before("United Nations Convention", "Nations").penalty == BreakPenalties::kName);
    CHECK(before("ở Hà Nội. Điều 64", "Điều").penalty == 0);  // a sentence ended between them
    CHECK(before("Lương Tam Quang ký", "ký").penalty == 0);
}

TEST_CASE("Vietnamese two-syllable words stay whole", "[break_rules]") {
    CHECK(before("số hóa vì hòa bình", "hóa").penalty == BreakPenalties::kCompound);
    CHECK(before("được mở ký tại", "ký").penalty == BreakPenalties::kCompound);
    CHECK(before("là “Công ước Hà Nội”", "ước").penalty == BreakPenalties::kCompound);
    CHECK(before("số hóa vì hòa bình", "vì").penalty == 0);
}

TEST_CASE("a quotation knows its extent", "[break_rules]") {
    const std::string text = "Vì sao là “Công ước Hà Nội”?";
    const auto inside = before(text, "Hà");
    CHECK(inside.quote_penalty == BreakPenalties::kQuote);
    CHECK(inside.quote_begin == text.find("“"));
    CHECK(inside.quote_end == text.find("?"));
    CHECK(before(text, "“Công").quote_penalty == 0);  // before it opens
}

TEST_CASE("no-break spaces and word joiners offer no break", "[break_rules]") {
    for (const char* glue : {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x81\xA0"})
        CHECK(break_opportunities(std::string("8.000") + glue + "tỷ").empty());
}
