#pragma once
// Picture files made by the tests themselves: PNG and JPEG of known colours (through
// SDL2_image's writers), a JPEG cut short, and a PNG whose header claims a size no file has.

#include <SDL.h>
#include <SDL_image.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace kiosk::test {

// A w x h picture, `left` in its left half and `right` in its right half (0xRRGGBB), as PNG
// or, when the name ends in .jpg, JPEG.
inline bool write_picture(const std::filesystem::path& file, int w, int h, std::uint32_t left,
                          std::uint32_t right) {
    SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
    if (!s) return false;
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(s->pixels) +
                                                     y * s->pitch);
        for (int x = 0; x < w; ++x) row[x] = 0xFF000000u | (x < w / 2 ? left : right);
    }
    std::filesystem::create_directories(file.parent_path());
    const bool jpeg = file.extension() == ".jpg";
    const int status = jpeg ? IMG_SaveJPG(s, file.c_str(), 95) : IMG_SavePNG(s, file.c_str());
    SDL_FreeSurface(s);
    return status == 0;
}

// Keeps the first `fraction` of the file: a download cut short.
inline void truncate_file(const std::filesystem::path& file, double fraction) {
    std::filesystem::resize_file(
        file, static_cast<std::uintmax_t>(static_cast<double>(std::filesystem::file_size(file)) *
                                          fraction));
}

// A PNG signature and header claiming width x height, and nothing after it.
inline void write_png_header(const std::filesystem::path& file, std::uint32_t width,
                             std::uint32_t height) {
    std::string bytes("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (std::uint32_t v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8) bytes += static_cast<char>((v >> shift) & 0xFF);
    bytes += std::string("\x08\x02\0\0\0\0\0\0\0", 9);
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
}

}  // namespace kiosk::test
