#include "kiosk/text/shaped_paragraph.hpp"

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

}  // namespace kiosk::text
