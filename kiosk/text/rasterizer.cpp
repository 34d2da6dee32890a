#include "kiosk/text/rasterizer.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>

namespace kiosk::text {

Coverage rasterize(const TextBlock& block) {
    struct Stamp {
        int x, y;  // top-left of the glyph image in block pixels
        std::shared_ptr<const GlyphImage> image;
    };
    const auto size_64 = static_cast<std::int32_t>(std::lround(block.size_px * 64));
    std::vector<Stamp> stamps;
    int min_x = INT_MAX, min_y = INT_MAX, max_x = INT_MIN, max_y = INT_MIN;
    for (const auto& line : block.lines) {
        for (const auto& g : line.glyphs) {
            const Font* font = g.font ? g.font : block.font;
            if (!font) continue;
            constexpr int kPhases = Font::kPhases;
            const float x = std::floor(g.x * kPhases + 0.5f) / kPhases;
            const int whole = static_cast<int>(std::floor(x));
            const int phase = static_cast<int>((x - whole) * kPhases);
            auto image = font->glyph(g.id, size_64, phase);
            if (image->width == 0 || image->height == 0) continue;
            const int left = whole + image->left;
            const int top = static_cast<int>(std::lround(g.y)) - image->top;
            min_x = std::min(min_x, left);
            min_y = std::min(min_y, top);
            max_x = std::max(max_x, left + image->width);
            max_y = std::max(max_y, top + image->height);
            stamps.push_back({left, top, std::move(image)});
        }
    }
    Coverage out;
    if (stamps.empty()) return out;
    out.origin_x = min_x;
    out.origin_y = min_y;
    out.width = max_x - min_x;
    out.height = max_y - min_y;
    out.alpha.assign(static_cast<size_t>(out.width) * out.height, 0);
    for (const auto& s : stamps) {
        const GlyphImage& image = *s.image;
        for (int y = 0; y < image.height; ++y) {
            std::uint8_t* row =
                &out.alpha[static_cast<size_t>(s.y - min_y + y) * out.width + (s.x - min_x)];
            const std::uint8_t* src = &image.alpha[static_cast<size_t>(y) * image.width];
            for (int x = 0; x < image.width; ++x)
                row[x] = static_cast<std::uint8_t>(std::min(255, row[x] + src[x]));  // overlaps add
        }
    }
    return out;
}

}  // namespace kiosk::text
