#include "kiosk/text/rasterizer.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H

#include <algorithm>
#include <climits>
#include <cmath>

namespace kiosk::text {

namespace {

constexpr int kPhases = 4;

std::uint64_t key_of(const Font& font, int size_64, std::uint32_t glyph, int phase) {
    // Fonts are few and live for the program's run: their address tells them apart.
    const std::uint64_t font_bits = reinterpret_cast<std::uintptr_t>(&font) & 0xFFFFF;
    return (font_bits << 44) | (static_cast<std::uint64_t>(size_64 & 0xFFFFF) << 24) |
           (static_cast<std::uint64_t>(glyph & 0x3FFFFF) << 2) | static_cast<std::uint64_t>(phase);
}

}  // namespace

const GlyphCache::Image& GlyphCache::get(const Font& font, float size_px, std::uint32_t glyph,
                                         int phase) {
    const int size_64 = static_cast<int>(std::lround(size_px * 64));
    const std::uint64_t key = key_of(font, size_64, glyph, phase);
    if (auto it = images_.find(key); it != images_.end()) return it->second;
    if (images_.size() >= kMaxGlyphs) images_.clear();

    Image& image = images_[key];
    FT_Face face = font.freetype();
    FT_Set_Char_Size(face, 0, size_64, 72, 72);
    // Light hinting moves outlines only vertically, so HarfBuzz's advances still hold.
    if (FT_Load_Glyph(face, glyph, FT_LOAD_NO_BITMAP | FT_LOAD_TARGET_LIGHT) != 0) return image;
    if (face->glyph->format == FT_GLYPH_FORMAT_OUTLINE)
        FT_Outline_Translate(&face->glyph->outline, phase * 64 / kPhases, 0);
    if (FT_Render_Glyph(face->glyph, FT_RENDER_MODE_LIGHT) != 0) return image;
    const FT_Bitmap& bitmap = face->glyph->bitmap;
    image.left = face->glyph->bitmap_left;
    image.top = face->glyph->bitmap_top;
    image.width = static_cast<int>(bitmap.width);
    image.height = static_cast<int>(bitmap.rows);
    image.alpha.resize(static_cast<size_t>(image.width) * image.height);
    for (int y = 0; y < image.height; ++y)
        std::copy_n(bitmap.buffer + static_cast<std::ptrdiff_t>(y) * bitmap.pitch, image.width,
                    image.alpha.begin() + static_cast<std::ptrdiff_t>(y) * image.width);
    return image;
}

Coverage rasterize(const TextBlock& block, GlyphCache& cache) {
    struct Stamp {
        int x, y;  // top-left of the glyph image in block pixels
        std::uint32_t glyph;
        int phase;
    };
    std::vector<Stamp> stamps;
    int min_x = INT_MAX, min_y = INT_MAX, max_x = INT_MIN, max_y = INT_MIN;
    for (const auto& line : block.lines) {
        for (const auto& g : line.glyphs) {
            const float x = std::floor(g.x * kPhases + 0.5f) / kPhases;
            const int whole = static_cast<int>(std::floor(x));
            const int phase = static_cast<int>((x - whole) * kPhases);
            const auto& image = cache.get(*block.font, block.size_px, g.id, phase);
            if (image.width == 0 || image.height == 0) continue;
            const int left = whole + image.left;
            const int top = static_cast<int>(std::lround(g.y)) - image.top;
            stamps.push_back({left, top, g.id, phase});
            min_x = std::min(min_x, left);
            min_y = std::min(min_y, top);
            max_x = std::max(max_x, left + image.width);
            max_y = std::max(max_y, top + image.height);
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
        // Same key as above: the cache returns the image it just made.
        const auto& image = cache.get(*block.font, block.size_px, s.glyph, s.phase);
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
