#pragma once
// Turns a laid-out TextBlock into an 8-bit coverage image with FreeType, glyph by glyph by index
// (which SDL2_ttf cannot do), each glyph from the font the layout chose for it. The renderer
// colours and composites the image; this code never touches a window, so tests can compare the
// pixels of two blocks directly. Glyph images come from each Font's own cache, so this may run
// on any thread, several at once.

#include <cstdint>
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

Coverage rasterize(const TextBlock& block);

}  // namespace kiosk::text
