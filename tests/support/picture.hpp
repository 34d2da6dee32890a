#pragma once
// Pictures as tests compare them: 0x00RRGGBB pixels, row by row, from a PNG the kiosk wrote or
// from a screen read back, and how many pixels differ between two.

#include <SDL_image.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::test {

struct Picture {
    int width = 0, height = 0;
    std::vector<std::uint32_t> rgb;
};

inline std::optional<Picture> load_png(const std::string& file) {
    SDL_Surface* loaded = IMG_Load(file.c_str());
    if (!loaded) return std::nullopt;
    SDL_Surface* argb = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(loaded);
    if (!argb) return std::nullopt;
    Picture p;
    p.width = argb->w;
    p.height = argb->h;
    p.rgb.resize(static_cast<size_t>(p.width) * p.height);
    for (int y = 0; y < p.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(
            static_cast<const unsigned char*>(argb->pixels) + y * argb->pitch);
        for (int x = 0; x < p.width; ++x)
            p.rgb[static_cast<size_t>(y) * p.width + x] = row[x] & 0xFFFFFF;
    }
    SDL_FreeSurface(argb);
    return p;
}

// -1 when the sizes differ.
inline long differing_pixels(const Picture& a, const Picture& b) {
    if (a.width != b.width || a.height != b.height) return -1;
    long differ = 0;
    for (size_t i = 0; i < a.rgb.size(); ++i) differ += a.rgb[i] != b.rgb[i];
    return differ;
}

inline long differing_pixels(const std::string& a, const std::string& b) {
    const auto left = load_png(a), right = load_png(b);
    return left && right ? differing_pixels(*left, *right) : -1;
}

}  // namespace kiosk::test
