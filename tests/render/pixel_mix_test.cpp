// The CPU's mix of two rows, checked against the exact mix for every pair of levels and every
// share: what a crossfade frame shows is within one level of the true mix, and its ends are the
// slides themselves.

#include "kiosk/render/pixel_mix.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using kiosk::render::mix_row;

TEST_CASE("every level of every share is within one level of the exact mix", "[render]") {
    // Row a holds each level in each channel, row b the same levels in reverse: 256 pixels
    // cover every pair (x, 255 - x), and shifting b covers every pair over 256 rounds.
    std::vector<std::uint32_t> a(256), b(256), out(256);
    int worst = 0;
    for (int shift = 0; shift < 256; ++shift) {
        for (int i = 0; i < 256; ++i) {
            const auto x = static_cast<std::uint32_t>(i),
                       y = static_cast<std::uint32_t>((i + shift) & 255);
            a[i] = x | (x << 8) | (x << 16) | (x << 24);
            b[i] = y | ((255 - y) << 8) | (y << 16) | ((255 - y) << 24);
        }
        for (int alpha = 0; alpha < 256; ++alpha) {
            mix_row(a.data(), b.data(), out.data(), 256, static_cast<std::uint8_t>(alpha));
            for (int i = 0; i < 256; ++i)
                for (int s = 0; s < 32; s += 8) {
                    const double x = (a[i] >> s) & 255, y = (b[i] >> s) & 255;
                    const double exact = x + (y - x) * alpha / 255.0;
                    const int got = static_cast<int>((out[i] >> s) & 255);
                    worst = std::max(worst, static_cast<int>(std::ceil(std::abs(got - exact))));
                }
        }
    }
    CHECK(worst <= 1);
}

TEST_CASE("a mix's ends are its two rows exactly, of any length, in place too", "[render]") {
    for (int n : {0, 1, 3, 4, 5, 17, 1920}) {
        INFO("n = " << n);
        std::vector<std::uint32_t> a(n), b(n), out(n, 0xDEADBEEF);
        for (int i = 0; i < n; ++i) {
            a[i] = 0x01020304u * static_cast<std::uint32_t>(i + 1);
            b[i] = ~a[i];
        }
        mix_row(a.data(), b.data(), out.data(), n, 0);
        CHECK(out == a);
        mix_row(a.data(), b.data(), out.data(), n, 255);
        CHECK(out == b);
        // Mixed into one of its own rows, and the tail past the last whole step too.
        std::vector<std::uint32_t> into = a, apart(n);
        mix_row(into.data(), b.data(), into.data(), n, 100);
        mix_row(a.data(), b.data(), apart.data(), n, 100);
        CHECK(into == apart);
        for (int i = 0; i < n; ++i) {
            const int got = static_cast<int>(apart[i] & 255), x = static_cast<int>(a[i] & 255),
                      y = static_cast<int>(b[i] & 255);
            CHECK(std::abs(got - (x + (y - x) * 100.0 / 255.0)) <= 1.0);
        }
    }
}
