#pragma once
// Turns a laid-out TextBlock into an 8-bit coverage image with FreeType, glyph by glyph by index
// (which SDL2_ttf cannot do). The renderer colours and composites it; this code never touches a
// window, so tests can compare the pixels of two blocks directly.

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "kiosk/text/layout.hpp"

namespace kiosk::text {

struct Coverage {
    int width = 0;
    int height = 0;
    int origin_x = 0;  // where the image's top-left lies relative to the block's top-left;
    int origin_y = 0;  // ink may stand out of the block (overhangs, marks above capitals)
    std::vector<std::uint8_t> alpha;  // width * height, row by row, 0 = no ink

    friend bool operator==(const Coverage&, const Coverage&) = default;
};

// Rendered glyph images, keyed by everything that changes them: face, size and the pen's
// position within a pixel (a quarter-pixel phase, so spacing stays even). Bounded: when it holds
// kMaxGlyphs, it starts afresh, so a week of count-ups cannot grow it.
class GlyphCache {
  public:
    static constexpr size_t kMaxGlyphs = 4096;

    struct Image {
        int left = 0, top = 0, width = 0, height = 0;
        std::vector<std::uint8_t> alpha;
    };

    // The reference is valid until the next call.
    const Image& get(const Font& font, float size_px, std::uint32_t glyph, int phase);
    size_t size() const { return images_.size(); }

  private:
    std::unordered_map<std::uint64_t, Image> images_;
};

Coverage rasterize(const TextBlock& block, GlyphCache& cache);

}  // namespace kiosk::text
