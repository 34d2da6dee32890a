#include "kiosk/scene/band_scene.hpp"

#include <algorithm>

#include "kiosk/scene/counter_format.hpp"
#include "kiosk/scene/geometry.hpp"

namespace kiosk::scene {

DisplayList compose_band(const feed::CounterState& state, std::uint64_t shown_value,
                         const model::Theme& theme, const text::FontSet& fonts, int width,
                         int height) {
    DisplayList out;
    out.width = width;
    out.height = height;
    out.background = theme.band;
    const Geometry g = compute_geometry(theme, width, height);
    out.safe_area = g.safe;
    if (g.band.h <= 0) return out;
    out.fills.push_back({g.band, theme.band});

    struct Row {
        model::Language language;
        const std::string* label;
        model::Color color;
    };
    std::vector<Row> rows;
    if (!state.label.vi.empty()) rows.push_back({model::Language::Vi, &state.label.vi, theme.text});
    if (!state.label.en.empty())
        rows.push_back({model::Language::En, &state.label.en, theme.secondary});
    if (rows.empty()) return out;

    const Rect& box = g.band_text;
    const float row_h = box.h / static_cast<float>(rows.size());
    const float pad = 20 * g.unit;
    // A wide screen has room for "how fresh" at the right of each row; a narrow (portrait) one
    // puts it on a line of its own under the label, and its band is taller for that.
    const bool narrow = width < height;
    const bool live = state.freshness == feed::Freshness::Live;
    for (size_t i = 0; i < rows.size(); ++i) {
        const Row& row = rows[i];
        const std::string tag = row.language == model::Language::Vi ? "vi" : "en";
        const auto style = [&](const text::Font* font) {
            text::TextStyle s;
            s.font = font;
            s.size_px = std::max(g.min_text, 50 * g.unit * static_cast<float>(theme.scale));
            s.min_size_px = g.min_text;
            s.language = tag.c_str();
            s.fallback = fonts.fallback.get();
            return s;
        };
        const float top = box.y + static_cast<float>(i) * row_h;
        const float line_h = narrow ? row_h / 2 : row_h;
        const auto centred = [&](const text::TextBlock& b, float slot_top) {
            return slot_top + (line_h - b.height) / 2;
        };

        text::TextBlock number =
            text::fit_paragraphs({format_count(shown_value, row.language)}, style(fonts.bold.get()),
                                 box.w * 0.4f, line_h);
        const float label_x = box.x + number.width + 0.35f * g.min_text;
        const float number_y = centred(number, top);
        out.texts.push_back(
            {tag + ".band.value", box.x, number_y, std::move(number), theme.accent});

        // Where "how fresh" goes, and what room that leaves the label.
        const float mark = live ? 0.7f * g.min_text : 0;  // the live square and its gap
        text::TextBlock fresh = text::fit_paragraphs(
            {format_freshness(state, row.language)}, style(fonts.regular.get()),
            narrow ? box.right() - label_x - mark : box.w * 0.45f, line_h);
        const float fresh_x = narrow ? label_x + mark : box.right() - fresh.width;
        const float fresh_y = narrow ? centred(fresh, top + line_h) : number_y;
        const float label_right = narrow ? box.right() : fresh_x - mark - pad;
        if (live) {
            // A small filled square before "live": the one mark only a live number has.
            const float side = 0.3f * fresh.size_px;
            const float base = fresh_y + (fresh.lines.empty() ? 0 : fresh.lines[0].baseline);
            out.fills.push_back({{fresh_x - 0.4f * fresh.size_px - side,
                                  base - 0.27f * fresh.size_px - side / 2, side, side},
                                 theme.accent});
        }
        out.texts.push_back({tag + ".band.freshness", fresh_x, fresh_y, std::move(fresh),
                             live ? theme.accent : theme.secondary});

        text::TextBlock label = text::fit_paragraphs({*row.label}, style(fonts.regular.get()),
                                                     std::max(0.0f, label_right - label_x), line_h);
        if (label.truncated)
            out.problems.push_back("counter " + tag + " label is too long and is cut at " +
                                   std::to_string(width) + "x" + std::to_string(height));
        const float label_y = centred(label, top);
        out.texts.push_back({tag + ".band.label", label_x, label_y, std::move(label), row.color});
    }
    return out;
}

}  // namespace kiosk::scene
