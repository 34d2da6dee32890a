#pragma once
// One row of a crossfade mixed by the CPU, for SDL's software renderer: SDL blends a picture
// over another by copying one and then blending the other onto it (two passes over the screen,
// the first with stores that bypass the cache, so the second reads the screen back from memory),
// about 2 ns a pixel on a 2-core x86 machine; this reads both pictures once and writes the
// result once, 16 bytes a step, about 0.7 ns a pixel there. Plain CPU work, no SDL.

#include <cstdint>

namespace kiosk::render {

// out[i] = a[i] and b[i] mixed channel by channel (all four bytes), `b_alpha` of 255 being b's
// share: 0 gives a exactly, 255 gives b exactly, between them within one level of
// a + (b - a) * b_alpha / 255. `out` may be `a` or `b`.
void mix_row(const std::uint32_t* a, const std::uint32_t* b, std::uint32_t* out, int n,
             std::uint8_t b_alpha);

}  // namespace kiosk::render
