#pragma once
// Line breaking by the paragraph, not the line: all breaks of a paragraph are chosen together
// (Knuth and Plass's optimal fit) to give the least total demerits over the paragraph. A line
// but the last costs its looseness, 1000 × (room left / width)²; every line costs a little, and
// the penalty of the break it ends at (break_rules.hpp: names, numbers, dates, words and short
// quotations kept together); a last line of one word alone (a widow) costs more than any
// looseness. Bodies fill their lines and leave the last one ragged. Titles are the same fit at
// the narrowest width that takes no more lines, so their lines come out even. A word wider than
// the line is cut between graphemes, only when nothing else fits.
//
// Linear in the paragraph's length for a bounded line width: a forward scan keeps a sliding
// window of the break points a line could start at, and never looks back past it (a title runs
// that scan a fixed number of times).

#include <vector>

#include "kiosk/text/shaped_paragraph.hpp"

namespace kiosk::text {

enum class BreakGoal {
    Fill,     // bodies: full lines, a ragged right, no widow
    Balance,  // titles: the fewest lines, all of even length, no widow
};

struct LineSpan {
    size_t begin = 0;         // bytes of the paragraph
    size_t end = 0;           // trailing spaces excluded
    bool cut_before = false;  // begins inside a word that was cut
    bool cut_after = false;   // ends inside a word that was cut
    float penalty = 0;        // what the break ending this line costs (break_rules.hpp): 0
                              // for a paragraph's last line
};

struct Breaking {
    std::vector<LineSpan> lines;
    bool cut_word = false;  // some word was cut between graphemes to fit
};

// Breaks `paragraph` into lines no wider than `width` ems (but a single grapheme wider).
Breaking break_lines(const ShapedParagraph& paragraph, double width, BreakGoal goal);

}  // namespace kiosk::text
