#include "kiosk/text/line_breaker.hpp"

#include <algorithm>
#include <limits>
#include <set>
#include <utility>

namespace kiosk::text {

namespace {

constexpr double kLooseness = 1000;  // a line left empty
constexpr double kLine = 20;         // a line more: fewer lines when that costs nothing else
constexpr double kWidow = 5000;      // a last line of one word
constexpr double kCut = 100000;      // a word cut between graphemes
constexpr double kOverfull = 1e8;    // one grapheme wider than the line
constexpr double kNone = std::numeric_limits<double>::infinity();

// The paragraph's break points, with cut points added inside every word wider than the line:
// only those words pay for finding graphemes, and only at this width.
std::vector<BreakPoint> points_at(const ShapedParagraph& paragraph, double width) {
    const auto& base = paragraph.points();
    std::vector<BreakPoint> out;
    out.reserve(base.size());
    out.push_back(base.front());
    for (size_t k = 1; k < base.size(); ++k) {
        const BreakPoint& from = base[k - 1];
        if (base[k].end_x - from.start_x > width) {
            auto cuts = paragraph.cut_points(from.at, base[k].line_end);
            out.insert(out.end(), cuts.begin(), cuts.end());
        }
        out.push_back(base[k]);
    }
    return out;
}

struct Fit {
    Breaking breaking;
    double owed = 0;  // the part of its demerits owed to where it breaks, not to looseness
};

// The optimal fit at `width`: full lines, a ragged last one. A quotation is owed its penalty
// when it fits `quote_room`.
Fit fill(const ShapedParagraph& paragraph, double width, double quote_room) {
    Fit fit;
    Breaking& out = fit.breaking;
    const std::vector<BreakPoint> p = points_at(paragraph, width);
    const size_t n = p.size();
    const size_t last = n - 1;

    // A line from point i to point last is one word when no space point stands between them:
    // the space points before `last` tell which starts make a widow.
    size_t last_space = 0;  // the last point before the end that ends a word (0: the start)
    for (size_t k = 1; k < last; ++k)
        if (p[k].space) last_space = k;

    // What breaking at j costs, a line from i ending there aside.
    const auto owed = [&](size_t i, size_t j) {
        if (j == last) return i > 0 && i >= last_space ? kWidow : 0.0;
        double c = p[j].penalty;
        if (p[j].quote_width > 0 && p[j].quote_width <= quote_room) c += p[j].quote_penalty;
        if (p[j].cut) c += kCut;
        return c;
    };
    // A line's width as it will be drawn: a line at a cut is drawn with its cut pieces shaped
    // alone (kerning across the cut gone, Arabic letters in other forms), so it is measured so.
    const auto measure = [&](size_t i, size_t j) {
        if (!p[i].cut && !p[j].cut) return p[j].end_x - p[i].start_x;
        return paragraph.line_width(p[i].at, p[j].line_end, p[i].cut, p[j].cut);
    };
    const auto cost = [&](size_t i, size_t j, double line) {
        const double room = std::max(0.0, width - line) / width;
        return kLine + (j != last ? kLooseness * room * room : 0.0) + owed(i, j);
    };

    // The word each point stands in or ends: cut points share their word's number.
    std::vector<size_t> word(n, 0);
    for (size_t k = 1; k < n; ++k) word[k] = word[k - 1] + (p[k].cut ? 0 : 1);

    // A line at a cut is drawn with its cut pieces shaped alone, but first taken at its width in
    // the paragraph: only the lines the fit chooses are shaped, and any of them wider than the
    // line is refused and the fit made again; after a few rounds every line at a cut is shaped
    // as it is tried. A line from one cut to another inside the same word is one piece owed to
    // no other line, and only the longest that fits is tried. A long word then costs a shaping
    // a line, not one for each of its graphemes.
    constexpr int kEstimatedRounds = 4;
    std::set<std::pair<size_t, size_t>> refused;
    std::vector<double> best(n);
    std::vector<size_t> from(n);
    std::vector<size_t> chosen;
    for (int round = 0;; ++round) {
        const bool shaped = round >= kEstimatedRounds;
        std::fill(best.begin(), best.end(), kNone);
        best[0] = 0;
        size_t window = 0;  // the first point a line ending at j may start at
        for (size_t j = 1; j < n; ++j) {
            // A line too wide to end at j is too wide to end anywhere after: slide past it.
            while (window + 1 < j && p[j].end_x - p[window].start_x > width) ++window;
            bool inside_tried = false;
            for (size_t i = window; i < j; ++i) {
                if (best[i] == kNone) continue;
                const bool at_cut = p[i].cut || p[j].cut;
                const bool inside = p[i].cut && p[j].cut && word[i] == word[j];
                if ((inside && inside_tried) || (at_cut && refused.count({i, j}))) continue;
                const double line = at_cut && !shaped ? p[j].end_x - p[i].start_x : measure(i, j);
                if (inside && (line <= width || i + 1 == j)) inside_tried = true;
                double c = best[i] + cost(i, j, line);
                if (line > width) {
                    if (i + 1 != j) continue;  // only a single piece may stand out of the line
                    c += kOverfull;
                }
                if (c < best[j]) {
                    best[j] = c;
                    from[j] = i;
                }
            }
        }
        chosen.clear();
        for (size_t j = last; j > 0; j = from[j]) chosen.push_back(j);
        std::reverse(chosen.begin(), chosen.end());
        if (shaped) break;
        bool all_fit = true;
        for (size_t k = 0, i = 0; k < chosen.size(); i = chosen[k++]) {
            const size_t j = chosen[k];
            if (!(p[i].cut || p[j].cut) || i + 1 == j) continue;
            if (measure(i, j) > width) {
                refused.insert({i, j});
                all_fit = false;
            }
        }
        if (all_fit) break;
    }

    size_t start = 0;
    for (size_t j : chosen) {
        const float penalty = j == last ? 0 : static_cast<float>(owed(start, j));
        out.lines.push_back(
            {p[start].at, p[j].line_end, p[start].cut, p[j].cut && j != last, penalty});
        out.cut_word = out.cut_word || (p[j].cut && j != last);
        fit.owed += owed(start, j);
        start = j;
    }
    return fit;
}

}  // namespace

Breaking break_lines(const ShapedParagraph& paragraph, double width, BreakGoal goal) {
    if (paragraph.text().empty()) return {};
    Fit best = fill(paragraph, width, width);
    if (goal == BreakGoal::Fill || best.breaking.lines.size() < 2) return std::move(best.breaking);
    // A title is the same optimal fit at the narrowest width, down to half, that takes no more
    // lines and breaks nowhere worse: its lines then come out as even as they can be.
    double narrow = width / 2, wide = width;
    for (int i = 0; i < 8; ++i) {  // to within 1/512 of the width
        const double mid = (narrow + wide) / 2;
        Fit trial = fill(paragraph, mid, width);
        if (trial.breaking.lines.size() <= best.breaking.lines.size() &&
            trial.owed <= best.owed + 1e-9) {
            wide = mid;
            best = std::move(trial);
        } else {
            narrow = mid;
        }
    }
    return std::move(best.breaking);
}

}  // namespace kiosk::text
