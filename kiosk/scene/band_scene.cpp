#include "kiosk/scene/band_scene.hpp"

#include <algorithm>

#include "kiosk/scene/counter_format.hpp"
#include "kiosk/scene/geometry.hpp"

namespace kiosk::scene {

bool shows_band(const model::Slide& slide) {
    return slide.layout != model::Layout::Counter;
}

DisplayList compose_band(const feed::CounterState& state, std::uint64_t shown_value,
                         const model::Theme& theme, const text::FontSet& fonts, int width,
                         int height) {
    DisplayList out;
    out.width = width;
    out.height = height;
    out.background = theme.band;
    const Geometry g = compute_geometry(theme, fonts, width, height);
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
    // One size for the whole band; a text too long for its place goes to the minimum, then is
    // cut, rather than take a size of its own.
    const std::vector<float> sizes = g.type.down_from(g.type.size(kNote));
    const float size = sizes.front();
    const float line_h = g.band_line;
    const float lines = g.band_stacked ? 2 : 1;  // a language's lines
    // Rows share the band's height: with one language, its row stands in the middle.
    const float row_pitch = box.h / static_cast<float>(rows.size());
    const bool live = state.freshness == feed::Freshness::Live;
    for (size_t i = 0; i < rows.size(); ++i) {
        const Row& row = rows[i];
        const std::string tag = row.language == model::Language::Vi ? "vi" : "en";
        text::TextStyle style;
        style.min_size_px = g.type.min;
        style.language = tag.c_str();
        style.fallback = fonts.fallback.get();
        const auto fit = [&](const std::string& words, const text::Font* font, float w) {
            style.font = font;
            return fit_on_scale({words}, style, sizes, std::max(w, 0.0f), line_h);
        };
        const float top =
            box.y + static_cast<float>(i) * row_pitch + (row_pitch - lines * line_h) / 2;
        const auto centred = [&](const text::TextBlock& b, float slot_top) {
            return slot_top + (line_h - b.height) / 2;
        };

        text::TextBlock number =
            fit(format_count(shown_value, row.language), fonts.bold.get(), box.w * 0.4f);
        const float label_x = box.x + number.width + 0.3f * size;
        const float number_y = centred(number, top);
        out.texts.push_back(
            {tag + ".band.value", box.x, number_y, std::move(number), theme.accent});

        // "How fresh" at the right of the line, or under the label on a narrow screen; the
        // label takes what is left.
        const float mark = live ? 0.7f * size : 0;  // the live square and its gap
        text::TextBlock fresh = fit(format_freshness(state, row.language), fonts.regular.get(),
                                    g.band_stacked ? box.right() - label_x - mark : box.w * 0.45f);
        const float fresh_x = g.band_stacked ? label_x + mark : box.right() - fresh.width;
        const float fresh_y = g.band_stacked ? centred(fresh, top + line_h) : number_y;
        const float label_right = g.band_stacked ? box.right() : fresh_x - mark - size;
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

        text::TextBlock label = fit(*row.label, fonts.regular.get(), label_right - label_x);
        if (label.truncated)
            out.problems.push_back("counter " + tag + " label is too long and is cut at " +
                                   std::to_string(width) + "x" + std::to_string(height));
        const float label_y = centred(label, top);
        out.texts.push_back({tag + ".band.label", label_x, label_y, std::move(label), row.color});
    }
    return out;
}

}  // namespace kiosk::scene
