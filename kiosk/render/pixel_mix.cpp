#include "kiosk/render/pixel_mix.hpp"

#include <cstring>

namespace kiosk::render {

namespace {

// GCC's and Clang's generic vectors: SSE2 on x86-64, NEON on arm64, from one source.
typedef std::uint8_t Bytes __attribute__((vector_size(16)));
typedef std::uint16_t Wide __attribute__((vector_size(32)));

// b's share out of 256, so that the division is a shift: 255 maps to 256 (b exactly).
unsigned share(std::uint8_t b_alpha) {
    return b_alpha + (b_alpha >> 7);
}

std::uint32_t mix_pixel(std::uint32_t a, std::uint32_t b, unsigned wb) {
    std::uint32_t out = 0;
    for (int shift = 0; shift < 32; shift += 8) {
        const unsigned x = (a >> shift) & 0xFFu, y = (b >> shift) & 0xFFu;
        out |= ((x * (256 - wb) + y * wb + 128) >> 8) << shift;
    }
    return out;
}

}  // namespace

void mix_row(const std::uint32_t* a, const std::uint32_t* b, std::uint32_t* out, int n,
             std::uint8_t b_alpha) {
    // The ends are exact copies: a slide standing alone, drawn again.
    if (b_alpha == 0 || b_alpha == 255) {
        const std::uint32_t* whole = b_alpha ? b : a;
        if (whole != out) std::memmove(out, whole, static_cast<size_t>(n) * sizeof *out);
        return;
    }
    const unsigned wb = share(b_alpha);
    // 255 * 256 + 128 fits 16 bits: the sum never overflows a lane.
    const Wide to_b = Wide{} + static_cast<std::uint16_t>(wb);
    const Wide to_a = Wide{} + static_cast<std::uint16_t>(256 - wb);
    int i = 0;
    for (; i + 4 <= n; i += 4) {
        Bytes x, y;
        std::memcpy(&x, a + i, sizeof x);  // unaligned loads: rows start anywhere
        std::memcpy(&y, b + i, sizeof y);
        const Wide sum =
            __builtin_convertvector(x, Wide) * to_a + __builtin_convertvector(y, Wide) * to_b + 128;
        const Bytes mixed = __builtin_convertvector(sum >> 8, Bytes);
        std::memcpy(out + i, &mixed, sizeof mixed);
    }
    for (; i < n; ++i) out[i] = mix_pixel(a[i], b[i], wb);
}

}  // namespace kiosk::render
