#include "kiosk/scene/geometry.hpp"

#include <algorithm>

namespace kiosk::scene {

Geometry compute_geometry(const model::Theme& theme, int width, int height) {
    Geometry g;
    const float w = static_cast<float>(width), h = static_cast<float>(height);
    // A portrait TV is the same panel turned: its short side is what the eye measures against.
    const float short_side = std::min(w, h);
    g.unit = short_side / 1080.0f;
    g.min_text = short_side / 27.0f;
    g.safe = {w * 0.05f, h * 0.05f, w * 0.9f, h * 0.9f};
    g.content = g.safe;
    if (theme.band_position == model::BandPosition::Off) return g;

    // Two rows (one a language); a portrait screen gives each row a second line.
    const float band_rows_h = width < height ? 250 : 170;
    const float band_h = band_rows_h * g.unit * static_cast<float>(theme.scale);
    const float gap = 30 * g.unit;
    if (theme.band_position == model::BandPosition::Bottom) {
        // The strip runs to the screen's edge; its text stays inside the safe area.
        g.band = {0, g.safe.bottom() - band_h, w, h - (g.safe.bottom() - band_h)};
        g.band_text = {g.safe.x, g.band.y, g.safe.w, band_h};
        g.content.h -= band_h + gap;
    } else {
        g.band = {0, 0, w, g.safe.y + band_h};
        g.band_text = {g.safe.x, g.safe.y, g.safe.w, band_h};
        g.content.y += band_h + gap;
        g.content.h -= band_h + gap;
    }
    return g;
}

}  // namespace kiosk::scene
