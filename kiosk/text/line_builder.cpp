#include "kiosk/text/line_builder.hpp"

#include <algorithm>

#include "kiosk/text/bidi.hpp"

namespace kiosk::text {

namespace {

struct Piece {
    const TextRun* run;
    size_t begin, end;
    std::vector<ShapedGlyph> reshaped;  // filled when the run is cut inside a word
    bool own = false;
};

// The run's part [begin, end) shaped alone, with no text around it as context.
std::vector<ShapedGlyph> shape_alone(const std::string& text, const TextRun& run, size_t begin,
                                     size_t end) {
    TextRun part = run;
    part.begin = 0;
    part.end = end - begin;
    auto glyphs = shape(std::string_view(text).substr(begin, end - begin), part);
    for (auto& g : glyphs) g.cluster += static_cast<std::uint32_t>(begin);
    return glyphs;
}

}  // namespace

Line build_line(const ShapedParagraph& paragraph, const LineSpan& span, float size_px,
                float indent) {
    const auto& runs = paragraph.runs();
    const std::string& text = paragraph.text();
    std::vector<Piece> pieces;
    // The first run that ends after the line's start.
    auto r = std::upper_bound(runs.begin(), runs.end(), span.begin,
                              [](size_t at, const TextRun& run) { return at < run.end; });
    for (; r != runs.end() && r->begin < span.end; ++r) {
        Piece piece{&*r, std::max(r->begin, span.begin), std::min(r->end, span.end), {}, false};
        const bool cut_here = (span.cut_before && piece.begin == span.begin) ||
                              (span.cut_after && piece.end == span.end);
        if (cut_here) {
            piece.reshaped = shape_alone(text, *r, piece.begin, piece.end);
            piece.own = true;
        }
        pieces.push_back(std::move(piece));
    }
    std::vector<std::uint8_t> levels;
    levels.reserve(pieces.size());
    for (const auto& piece : pieces) levels.push_back(piece.run->level);

    Line line;
    line.text = text.substr(span.begin, span.end - span.begin);
    float pen = indent;
    for (size_t k : visual_order(levels)) {
        const Piece& piece = pieces[k];
        const auto& glyphs = piece.own
                                 ? piece.reshaped
                                 : paragraph.glyphs(static_cast<size_t>(piece.run - &runs[0]));
        for (const auto& g : glyphs) {
            if (g.cluster < piece.begin || g.cluster >= piece.end) continue;
            line.glyphs.push_back(
                {g.id, pen + g.x_offset * size_px, -g.y_offset * size_px, g.font});
            pen += g.advance * size_px;
        }
    }
    line.width = pen;
    return line;
}

}  // namespace kiosk::text
