#include "kiosk/text/layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "kiosk/text/line_breaker.hpp"
#include "kiosk/text/line_builder.hpp"
#include "kiosk/text/shaped_paragraph.hpp"
#include "kiosk/text/unicode.hpp"

namespace kiosk::text {

namespace {

constexpr const char* kEllipsis = "\xE2\x80\xA6";  // …

std::vector<ShapedParagraph> shape_all(const std::vector<std::string>& paragraphs,
                                       const TextStyle& style) {
    std::vector<ShapedParagraph> out;
    out.reserve(paragraphs.size());
    for (const auto& p : paragraphs)
        out.emplace_back(to_nfc(p), *style.font, style.fallback,
                         style.language ? style.language : "");
    return out;
}

// The line width in ems at a size. A hair narrower than exact, so the pixels summed glyph by
// glyph never stand out past the width the breaker measured in ems.
double em_width(const TextStyle& style, float size_px, float max_width) {
    return std::max(1.0f, max_width - style.indent) / size_px - 1e-4;
}

// How the paragraphs break at one size, and how large that is, before any glyph is placed.
// Paragraphs past `limit` (pixels from the top) are not broken at all: they would be cut.
struct Trial {
    float size_px = 0;
    std::vector<Breaking> paragraphs;
    std::vector<float> baselines;  // one a line, from the block's top
    float width = 0, height = 0;
    bool cut_word = false;
};

Trial measure(const std::vector<ShapedParagraph>& shaped, const TextStyle& style, float size_px,
              float max_width, float limit = std::numeric_limits<float>::infinity()) {
    Trial t;
    t.size_px = size_px;
    const double width = em_width(style, size_px, max_width);
    const BreakGoal goal = style.balance ? BreakGoal::Balance : BreakGoal::Fill;
    const float advance = size_px * style.line_height;
    const float ascender = static_cast<float>(style.font->ascender(size_px));
    const float descender = static_cast<float>(style.font->descender(size_px));
    float baseline = ascender;
    bool first = true;
    for (const auto& p : shaped) {
        if (!t.baselines.empty() && baseline + descender > limit) break;
        t.paragraphs.push_back(break_lines(p, width, goal));
        const Breaking& b = t.paragraphs.back();
        t.cut_word = t.cut_word || b.cut_word;
        for (size_t i = 0; i < b.lines.size(); ++i) {
            if (!first) baseline += advance + (i == 0 ? size_px * style.paragraph_gap : 0);
            first = false;
            t.baselines.push_back(baseline);
            const auto& line = b.lines[i];
            const double ems = p.line_width(line.begin, line.end, line.cut_before, line.cut_after);
            t.width = std::max(t.width, static_cast<float>(ems * size_px) + style.indent);
        }
    }
    t.height = t.baselines.empty() ? 0 : baseline + descender;
    return t;
}

// `text` with an ellipsis after as much of it as fits `max_width`, cut between graphemes.
Line with_ellipsis(const ShapedParagraph& p, const LineSpan& span, const TextStyle& style,
                   float size_px, float max_width) {
    const std::string language = style.language ? style.language : "";
    const ShapedParagraph ellipsis(kEllipsis, *style.font, style.fallback, language);
    const double width = em_width(style, size_px, max_width);
    const double room = width - ellipsis.x(ellipsis.text().size());
    const std::string& text = p.text();
    size_t end = span.end;
    for (;; --end) {
        for (;; --end) {
            if (end == span.begin || p.grapheme_start(end)) {
                size_t keep = end;
                while (keep > span.begin &&
                       (text[keep - 1] == ' ' || text[keep - 1] == ',' || text[keep - 1] == ';'))
                    --keep;
                if (p.x(keep) - p.x(span.begin) <= room || keep == span.begin) {
                    end = keep;
                    break;
                }
            }
        }
        // Measured in the paragraph, the kept text can still come out wider shaped on its own
        // before the ellipsis: its last letter loses its kerning with the next, or an Arabic
        // letter cut from the rest of its word takes its final form. Then a grapheme less.
        const ShapedParagraph cut(text.substr(span.begin, end - span.begin) + kEllipsis,
                                  *style.font, style.fallback, language);
        if (end == span.begin || cut.x(cut.text().size()) <= width)
            return build_line(cut, {0, cut.text().size(), false, false}, size_px, style.indent);
    }
}

// Places the first `keep` lines of a trial; with `ellipsis`, the last of them ends in "…".
TextBlock build(const std::vector<ShapedParagraph>& shaped, const Trial& t, const TextStyle& style,
                float max_width, size_t keep, bool ellipsis) {
    TextBlock block;
    block.font = style.font;
    block.size_px = t.size_px;
    block.split_word = t.cut_word;
    size_t index = 0;
    for (size_t p = 0; p < t.paragraphs.size() && index < keep; ++p) {
        const auto& lines = t.paragraphs[p].lines;
        for (size_t i = 0; i < lines.size() && index < keep; ++i, ++index) {
            Line line = ellipsis && index + 1 == keep
                            ? with_ellipsis(shaped[p], lines[i], style, t.size_px, max_width)
                            : build_line(shaped[p], lines[i], t.size_px, style.indent);
            line.paragraph = static_cast<int>(p);
            line.break_penalty = lines[i].penalty;
            line.baseline = t.baselines[index];
            for (auto& g : line.glyphs) g.y += line.baseline;
            block.width = std::max(block.width, line.width);
            block.lines.push_back(std::move(line));
        }
    }
    if (!block.lines.empty())
        block.height =
            block.lines.back().baseline + static_cast<float>(style.font->descender(t.size_px));
    return block;
}

}  // namespace

TextBlock layout_paragraphs(const std::vector<std::string>& paragraphs, const TextStyle& style,
                            float size_px, float max_width) {
    const auto shaped = shape_all(paragraphs, style);
    const Trial t = measure(shaped, style, size_px, max_width);
    return build(shaped, t, style, max_width, t.baselines.size(), false);
}

TextBlock fit_paragraphs(const std::vector<std::string>& paragraphs, const TextStyle& style,
                         float width, float height, float room) {
    const auto shaped = shape_all(paragraphs, style);
    const int low = static_cast<int>(std::ceil(style.min_size_px));
    const int high = std::max(low, static_cast<int>(std::floor(style.size_px)));
    // A trial stops breaking once it is taller than the room there is at most: it fails.
    const float most = std::max(height, room);
    const auto trial = [&](int size) {
        return measure(shaped, style, static_cast<float>(size), width, most);
    };
    const auto fits = [&](const Trial& t, float box) {
        return t.height <= box && t.width <= width && !t.cut_word;
    };
    // The largest size in [from, to] that fits `box`, by binary search: a smaller size never
    // takes more room.
    const auto largest = [&](int from, int to, float box) -> std::optional<Trial> {
        if (from > to) return std::nullopt;
        Trial top = trial(to);
        if (fits(top, box)) return top;
        Trial best = trial(from);
        if (!fits(best, box)) return std::nullopt;
        int lo = from, hi = to - 1;  // `lo` fits, `hi + 1` does not
        while (lo < hi) {
            const int mid = (lo + hi + 1) / 2;
            Trial t = trial(mid);
            if (fits(t, box)) {
                lo = mid;
                best = std::move(t);
            } else {
                hi = mid - 1;
            }
        }
        return best;
    };

    float box = height;
    std::optional<Trial> chosen = largest(low, high, height);
    const int floor_px = std::clamp(static_cast<int>(std::lround(style.floor_size_px)), low, high);
    if (style.floor_size_px > 0 && room > height && (!chosen || chosen->size_px < floor_px)) {
        // A title stays as large as the body it heads while the room left allows.
        Trial at_floor = trial(floor_px);
        if (fits(at_floor, room)) {
            chosen = std::move(at_floor);
        } else {
            box = room;
            chosen = largest(low, floor_px - 1, room);
        }
    }
    if (chosen) {
        TextBlock block = build(shaped, *chosen, style, width, chosen->baselines.size(), false);
        block.shrunk = chosen->size_px < static_cast<float>(high);
        return block;
    }
    // Nothing fits: the minimum size, a word cut if it must be, and the lines that fit.
    const Trial t = trial(low);
    const float descender = static_cast<float>(style.font->descender(t.size_px));
    size_t keep = 0;
    while (keep < t.baselines.size() && t.baselines[keep] + descender <= box) ++keep;
    const bool truncated = keep < t.baselines.size() || t.paragraphs.size() < shaped.size();
    TextBlock block = build(shaped, t, style, width, std::max<size_t>(keep, 1), truncated);
    block.shrunk = true;
    block.truncated = truncated;
    return block;
}

}  // namespace kiosk::text
