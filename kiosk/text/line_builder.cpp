#include "kiosk/text/line_builder.hpp"

#include "kiosk/text/bidi.hpp"

namespace kiosk::text {

Line build_line(const ShapedParagraph& paragraph, const LineSpan& span, float size_px,
                float indent) {
    // Drawn as line_width() measured it, slice by slice, so the line is as wide as the breaker
    // was told.
    const auto slices = paragraph.slices(span.begin, span.end, span.cut_before, span.cut_after);
    std::vector<std::vector<ShapedGlyph>> alone(slices.size());
    std::vector<std::uint8_t> levels;
    levels.reserve(slices.size());
    for (size_t k = 0; k < slices.size(); ++k) {
        if (slices[k].alone) alone[k] = paragraph.shape_alone(slices[k]);
        levels.push_back(paragraph.runs()[slices[k].run].level);
    }

    Line line;
    line.text = paragraph.text().substr(span.begin, span.end - span.begin);
    float pen = indent;
    for (size_t k : visual_order(levels)) {
        const auto& slice = slices[k];
        const auto& glyphs = slice.alone ? alone[k] : paragraph.glyphs(slice.run);
        for (const auto& g : glyphs) {
            if (g.cluster < slice.begin || g.cluster >= slice.end) continue;
            line.glyphs.push_back(
                {g.id, pen + g.x_offset * size_px, -g.y_offset * size_px, g.font});
            pen += g.advance * size_px;
        }
    }
    line.width = pen;
    return line;
}

}  // namespace kiosk::text
