#include "kiosk/scene/geometry.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::scene {

Geometry compute_geometry(const model::Theme& theme, const text::FontSet& fonts, int width,
                          int height, bool band) {
    Geometry g;
    const float w = static_cast<float>(width), h = static_cast<float>(height);
    // A portrait TV is the same panel turned: its short side is what the eye measures against.
    const float short_side = std::min(w, h);
    g.unit = short_side / 1080.0f;
    g.min_text = short_side / 27.0f;
    g.type = make_type_scale(theme, g.unit, g.min_text);
    g.safe = {w * 0.05f, h * 0.05f, w * 0.9f, h * 0.9f};
    g.content = g.safe;
    if (!band || theme.band_position == model::BandPosition::Off) return g;

    // The band's text is the scale's smallest step, one line a language; a narrow screen has no
    // room for "how fresh" beside the number and gives it a line of its own.
    const float size = g.type.size(kNote);
    const auto line = [&](const text::Font& f) {
        return static_cast<float>(std::ceil(f.ascender(size) + f.descender(size)));
    };
    g.band_line = std::max(line(*fonts.regular), line(*fonts.bold));
    g.band_stacked = width < height;
    const float lines = g.band_stacked ? 4 : 2;
    const float text_h = lines * g.band_line;
    const float pad = 0.5f * size;  // over the text; under it, the overscan margin
    const float gap = 0.5f * size;  // between the band and the slide
    if (theme.band_position == model::BandPosition::Bottom) {
        // The strip runs to the screen's edge; its text stays inside the safe area.
        g.band_text = {g.safe.x, g.safe.bottom() - text_h, g.safe.w, text_h};
        g.band = {0, g.band_text.y - pad, w, h - (g.band_text.y - pad)};
        g.content.h -= text_h + pad + gap;
    } else {
        g.band_text = {g.safe.x, g.safe.y, g.safe.w, text_h};
        g.band = {0, 0, w, g.band_text.bottom() + pad};
        g.content.y += text_h + pad + gap;
        g.content.h -= text_h + pad + gap;
    }
    return g;
}

}  // namespace kiosk::scene
