#include "kiosk/text/layout.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/text/shaper.hpp"
#include "kiosk/text/unicode.hpp"

namespace kiosk::text {

namespace {

constexpr const char* kEllipsis = "\xE2\x80\xA6";  // …

// Advance widths by byte offset, so the width of any slice of the paragraph is one subtraction.
// The paragraph is shaped whole once for measuring; each line is shaped again on its own for
// drawing, which is exact for any font (no glyph straddles a break).
class Measure {
  public:
    Measure(const std::string& text, const TextStyle& style, float size_px)
        : text_(text), prefix_(text.size() + 1, 0.0f) {
        std::vector<float> at(text.size() + 1, 0.0f);
        for (const auto& g : shape(*style.font, text, size_px, style.language))
            at[g.cluster] += g.advance;
        for (size_t i = 0; i < text.size(); ++i) prefix_[i + 1] = prefix_[i] + at[i];
    }

    // Width of text[begin, end) without its trailing spaces.
    float width(size_t begin, size_t end) const {
        return prefix_[trim(begin, end)] - prefix_[begin];
    }

    size_t trim(size_t begin, size_t end) const {
        while (end > begin && text_[end - 1] == ' ') --end;
        return end;
    }

  private:
    const std::string& text_;
    std::vector<float> prefix_;
};

// Splits one paragraph into [begin, end) byte ranges, greedily filling each line.
std::vector<std::pair<size_t, size_t>> break_lines(const std::string& text, const Measure& measure,
                                                   float max_width) {
    std::vector<size_t> candidates = line_break_opportunities(text);
    candidates.push_back(text.size());
    std::vector<size_t> graphemes;  // only computed when a word alone is wider than the line
    std::vector<std::pair<size_t, size_t>> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t best = start;
        for (size_t c : candidates) {
            if (c <= start) continue;
            if (measure.width(start, c) > max_width) break;
            best = c;
        }
        if (best == start) {
            // A word longer than the line (a URL, say): cut it between graphemes, never
            // between a letter and its marks.
            if (graphemes.empty()) {
                graphemes = grapheme_boundaries(text);
                graphemes.push_back(text.size());
            }
            for (size_t g : graphemes) {
                if (g <= start) continue;
                if (best != start && measure.width(start, g) > max_width) break;
                best = g;
            }
        }
        lines.emplace_back(start, best);
        start = best;
    }
    return lines;
}

Line shape_line(const std::string& text, const TextStyle& style, float size_px) {
    Line line;
    line.text = text;
    float pen = style.indent;
    for (const auto& g : shape(*style.font, text, size_px, style.language)) {
        line.glyphs.push_back({g.id, pen + g.x_offset, -g.y_offset, style.font});
        pen += g.advance;
    }
    // Trailing spaces were trimmed before shaping, so the pen ends at the ink's end.
    line.width = pen;
    return line;
}

void place_lines(TextBlock& block, const TextStyle& style) {
    const float size = block.size_px;
    const float line_advance = size * style.line_height;
    const float ascender = static_cast<float>(style.font->ascender(size));
    const float descender = static_cast<float>(style.font->descender(size));
    float baseline = ascender;
    block.width = 0;
    for (size_t i = 0; i < block.lines.size(); ++i) {
        Line& line = block.lines[i];
        if (i > 0) {
            baseline += line_advance;
            if (line.paragraph != block.lines[i - 1].paragraph)
                baseline += size * style.paragraph_gap;
        }
        line.baseline = baseline;
        for (auto& g : line.glyphs) g.y += baseline;
        block.width = std::max(block.width, line.width);
    }
    block.height = block.lines.empty() ? 0 : baseline + descender;
}

// Cuts `text` at grapheme boundaries until it fits `max_width` with an ellipsis after it.
std::string with_ellipsis(const std::string& text, const TextStyle& style, float size_px,
                          float max_width) {
    std::vector<size_t> cuts = grapheme_boundaries(text);
    cuts.insert(cuts.begin(), 0);
    cuts.push_back(text.size());
    for (auto it = cuts.rbegin(); it != cuts.rend(); ++it) {
        std::string head = text.substr(0, *it);
        while (!head.empty() && (head.back() == ' ' || head.back() == ',' || head.back() == ';'))
            head.pop_back();
        const std::string candidate = head + kEllipsis;
        if (shape_line(candidate, style, size_px).width <= max_width || *it == 0) return candidate;
    }
    return kEllipsis;
}

}  // namespace

namespace {

// The narrowest width, down to half of `max_width`, that still takes no more lines than
// `max_width` does: the same number of lines, as even as they can be.
float balanced_width(const std::vector<std::string>& paragraphs, TextStyle style, float size_px,
                     float max_width) {
    style.balance = false;
    const size_t lines = layout_paragraphs(paragraphs, style, size_px, max_width).lines.size();
    if (lines < 2) return max_width;
    float low = max_width / 2, high = max_width;
    for (int i = 0; i < 8; ++i) {  // to within 1/256 of the width
        const float mid = (low + high) / 2;
        if (layout_paragraphs(paragraphs, style, size_px, mid).lines.size() <= lines)
            high = mid;
        else
            low = mid;
    }
    return high;
}

}  // namespace

TextBlock layout_paragraphs(const std::vector<std::string>& paragraphs, const TextStyle& style,
                            float size_px, float max_width) {
    if (style.balance) max_width = balanced_width(paragraphs, style, size_px, max_width);
    TextBlock block;
    block.font = style.font;
    block.size_px = size_px;
    const float width = std::max(1.0f, max_width - style.indent);
    for (size_t p = 0; p < paragraphs.size(); ++p) {
        const std::string text = to_nfc(paragraphs[p]);
        const Measure measure(text, style, size_px);
        for (const auto& [begin, end] : break_lines(text, measure, width)) {
            Line line =
                shape_line(text.substr(begin, measure.trim(begin, end) - begin), style, size_px);
            line.paragraph = static_cast<int>(p);
            block.lines.push_back(std::move(line));
        }
    }
    place_lines(block, style);
    return block;
}

TextBlock fit_paragraphs(const std::vector<std::string>& paragraphs, const TextStyle& style,
                         float width, float height) {
    const auto fits = [&](const TextBlock& b) { return b.height <= height && b.width <= width; };
    // Whole pixel sizes: binary search for the largest that fits.
    int low = static_cast<int>(std::ceil(style.min_size_px));
    int high = std::max(low, static_cast<int>(std::floor(style.size_px)));
    TextBlock best = layout_paragraphs(paragraphs, style, static_cast<float>(high), width);
    if (fits(best)) return best;
    TextBlock smallest = layout_paragraphs(paragraphs, style, static_cast<float>(low), width);
    if (fits(smallest)) {
        best = std::move(smallest);
        --high;
        while (low < high) {  // invariant: `low` fits, `high + 1` does not
            const int mid = (low + high + 1) / 2;
            TextBlock trial = layout_paragraphs(paragraphs, style, static_cast<float>(mid), width);
            if (fits(trial)) {
                low = mid;
                best = std::move(trial);
            } else {
                high = mid - 1;
            }
        }
        best.shrunk = true;
        return best;
    }
    // Even the minimum size is too large: keep the lines that fit and end with an ellipsis.
    TextBlock cut = std::move(smallest);
    cut.shrunk = true;
    cut.truncated = true;
    const float descender = static_cast<float>(style.font->descender(cut.size_px));
    size_t keep = 0;
    while (keep < cut.lines.size() && cut.lines[keep].baseline + descender <= height) ++keep;
    keep = std::max<size_t>(keep, 1);
    const int paragraph = cut.lines[keep - 1].paragraph;
    Line last = shape_line(with_ellipsis(cut.lines[keep - 1].text, style, cut.size_px, width),
                           style, cut.size_px);
    last.paragraph = paragraph;
    cut.lines.resize(keep - 1);
    cut.lines.push_back(std::move(last));
    for (auto& line : cut.lines)
        for (auto& g : line.glyphs) g.y -= line.baseline;  // place_lines adds baselines anew
    place_lines(cut, style);
    return cut;
}

}  // namespace kiosk::text
