#include "kiosk/text/shaped_paragraph.hpp"

#include <algorithm>

#include "kiosk/text/break_rules.hpp"

namespace kiosk::text {

ShapedParagraph::ShapedParagraph(std::string text, const Font& primary,
                                 const FontFallback* fallback, const std::string& language)
    : text_(std::move(text)),
      primary_(&primary),
      items_(itemize(text_, primary, fallback, language)),
      x_(text_.size() + 1, 0.0) {
    // Advances by the byte their cluster starts at, then summed: the width of any slice is one
    // subtraction, whatever the order glyphs stand in (right-to-left runs included).
    std::vector<double> at(text_.size() + 1, 0.0);
    glyphs_.reserve(items_.runs.size());
    for (const auto& run : items_.runs) {
        glyphs_.push_back(shape(text_, run));
        for (const auto& g : glyphs_.back()) at[g.cluster] += g.advance;
    }
    for (size_t i = 0; i < text_.size(); ++i) x_[i + 1] = x_[i] + at[i];

    const auto opportunities = break_opportunities(text_);
    points_.reserve(opportunities.size() + 2);
    points_.push_back({});  // the start: a line begins at 0
    for (const auto& o : opportunities) {
        BreakPoint p;
        p.at = o.at;
        p.line_end = o.line_end;
        p.start_x = x_[o.at];
        p.end_x = x_[o.line_end];
        p.penalty = o.penalty;
        p.quote_penalty = o.quote_penalty;
        p.quote_width = o.quote_end > o.quote_begin ? x_[o.quote_end] - x_[o.quote_begin] : 0;
        p.space = o.space;
        points_.push_back(p);
    }
    size_t end = text_.size();
    while (end > 0 && text_[end - 1] == ' ') --end;
    BreakPoint last;
    last.at = text_.size();
    last.line_end = end;
    last.start_x = x_[text_.size()];
    last.end_x = x_[end];
    points_.push_back(last);
}

std::vector<BreakPoint> ShapedParagraph::cut_points(size_t begin, size_t end) const {
    std::vector<BreakPoint> out;
    for (size_t b = begin + 1; b < end; ++b) {
        if (!items_.grapheme_start[b]) continue;
        BreakPoint p;
        p.at = p.line_end = b;
        p.start_x = p.end_x = x_[b];
        p.cut = true;
        out.push_back(p);
    }
    return out;
}

size_t ShapedParagraph::run_at(size_t byte) const {
    const auto& runs = items_.runs;
    const auto r = std::upper_bound(runs.begin(), runs.end(), byte,
                                    [](size_t at, const TextRun& run) { return at < run.end; });
    return static_cast<size_t>(r - runs.begin());
}

ShapedParagraph::AlonePieces ShapedParagraph::alone_pieces(size_t begin, size_t end,
                                                           bool cut_before, bool cut_after) const {
    // From a cut at `begin` to where its word (the text up to the next break point) or its run
    // ends, and back from a cut at `end` to where they begin. Two such pieces are the same
    // piece, or do not meet.
    AlonePieces out;
    if (begin >= end) return out;
    if (cut_before) {
        const auto next =
            std::upper_bound(points_.begin(), points_.end(), begin,
                             [](size_t at, const BreakPoint& p) { return at < p.at; });
        const size_t word_end = next == points_.end() ? text_.size() : next->line_end;
        out.piece[out.count++] = {begin, std::min({items_.runs[run_at(begin)].end, word_end, end})};
    }
    if (cut_after) {
        const auto before =
            std::lower_bound(points_.begin(), points_.end(), end,
                             [](const BreakPoint& p, size_t at) { return p.at < at; });
        const size_t word_begin = before == points_.begin() ? 0 : std::prev(before)->at;
        const Span piece{std::max({items_.runs[run_at(end - 1)].begin, word_begin, begin}), end};
        if (out.count == 0 || out.piece[0].begin != piece.begin) out.piece[out.count++] = piece;
    }
    return out;
}

std::vector<ShapedParagraph::Slice> ShapedParagraph::slices(size_t begin, size_t end,
                                                            bool cut_before, bool cut_after) const {
    const AlonePieces alone = alone_pieces(begin, end, cut_before, cut_after);
    std::vector<Slice> out;
    for (size_t r = begin < end ? run_at(begin) : items_.runs.size();
         r < items_.runs.size() && items_.runs[r].begin < end; ++r) {
        const size_t piece_end = std::min(items_.runs[r].end, end);
        size_t at = std::max(items_.runs[r].begin, begin);
        for (size_t k = 0; k < alone.count; ++k) {
            const Span& a = alone.piece[k];
            if (a.end <= at || a.begin >= piece_end) continue;
            if (a.begin > at) out.push_back({r, at, a.begin, false});
            const size_t stop = std::min(a.end, piece_end);
            out.push_back({r, std::max(a.begin, at), stop, true});
            at = stop;
        }
        if (at < piece_end) out.push_back({r, at, piece_end, false});
    }
    return out;
}

std::vector<ShapedGlyph> ShapedParagraph::shape_alone(const Slice& slice) const {
    TextRun part = items_.runs[slice.run];
    part.begin = 0;
    part.end = slice.end - slice.begin;
    auto glyphs = shape(std::string_view(text_).substr(slice.begin, part.end), part);
    for (auto& g : glyphs) g.cluster += static_cast<std::uint32_t>(slice.begin);
    return glyphs;
}

double ShapedParagraph::line_width(size_t begin, size_t end, bool cut_before,
                                   bool cut_after) const {
    // The paragraph's width of the line, each piece shaped alone put in place of its own.
    double width = x_[end] - x_[begin];
    if (!cut_before && !cut_after) return width;
    const AlonePieces alone = alone_pieces(begin, end, cut_before, cut_after);
    for (size_t k = 0; k < alone.count; ++k) {
        const Span& a = alone.piece[k];
        const std::uint64_t key = static_cast<std::uint64_t>(a.begin) << 32 | a.end;
        auto known = alone_widths_.find(key);
        if (known == alone_widths_.end()) {
            double w = 0;
            for (const auto& g : shape_alone({run_at(a.begin), a.begin, a.end, true}))
                w += g.advance;
            known = alone_widths_.emplace(key, w).first;
        }
        width += known->second - (x_[a.end] - x_[a.begin]);
    }
    return width;
}

}  // namespace kiosk::text
