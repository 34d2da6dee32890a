#pragma once
// Where a paragraph may break, and what each break costs. UAX #14 (ICU) says where a line may
// break at all; these rules, the tailoring, say where it should not unless it must: inside a
// number and the word it counts ("40 quốc gia", "72 states"), a date ("24 December 2024",
// "tháng 12 năm 2024"), a run of capitalised words ("Lương Tam Quang", "United Nations"), a
// Vietnamese two-syllable word ("số hóa", see vi_compounds.txt), and a quotation short enough
// for one line. Costs are in the line breaker's demerits, where a line left empty costs 1000.
// Pure text in, data out; nothing here knows fonts or sizes.

#include <cstddef>
#include <string_view>
#include <vector>

namespace kiosk::text {

struct BreakPenalties {
    static constexpr float kAfterHyphen = 50;  // "criminal-" / "justice": allowed, not liked
    // Each more than a line left half empty: a paragraph is rather ragged than torn there.
    static constexpr float kNumber = 800;    // "40" / "quốc gia"
    static constexpr float kDate = 900;      // "December" / "2024", "năm" / "2025"
    static constexpr float kName = 800;      // "Việt" / "Nam"
    static constexpr float kCompound = 700;  // "số" / "hóa"
    static constexpr float kQuote = 600;     // inside “…” when it fits on one line
};

struct BreakOpportunity {
    size_t at = 0;            // byte offset where the next line would begin
    size_t line_end = 0;      // where the line before it ends: `at` less the spaces before it
    bool space = false;       // the break is at a space, so the line before ends a word
    float penalty = 0;        // demerits for breaking here
    float quote_penalty = 0;  // more demerits, owed only when the quotation fits on one line
    size_t quote_begin = 0;   // that quotation, quotation marks included (empty when none)
    size_t quote_end = 0;
};

// The opportunities of an NFC paragraph in increasing order; the end of the text is not one.
std::vector<BreakOpportunity> break_opportunities(std::string_view text);

}  // namespace kiosk::text
