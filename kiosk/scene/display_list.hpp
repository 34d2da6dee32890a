#pragma once
// What one picture holds, in screen pixels, before anything is drawn: pictures from files,
// filled rectangles, QR codes and laid-out text, drawn in that order. The scene builds it; the
// renderer draws it; tests inspect it.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/model/color.hpp"
#include "kiosk/model/deck.hpp"
#include "kiosk/text/layout.hpp"

namespace kiosk::scene {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    bool contains(const Rect& r, float slack = 0.5f) const {
        return r.x >= x - slack && r.y >= y - slack && r.right() <= right() + slack &&
               r.bottom() <= bottom() + slack;
    }
    friend bool operator==(const Rect&, const Rect&) = default;
};

struct FillItem {
    Rect rect;
    model::Color color;
    std::uint8_t alpha = 255;  // below 255 a scrim: blended over what is drawn under it
};

// A picture from a file, fitted into `rect` by `fit` and clipped to it: `cover` fills the rect
// (cropping the picture's overflow, centred), `contain` shows the whole picture inside it,
// centred, with the ground around it. `shown` is where its pixels land, in whole pixels.
struct ImageItem {
    Rect rect;
    Rect shown;
    std::string file;            // as the slide names it, for messages
    std::filesystem::path path;  // where it is read from
    model::ImageFit fit = model::ImageFit::Cover;
    int width = 0, height = 0;  // the picture's own size, from its header
};

// A QR code: `modules` x `modules` squares (row by row, true is dark) inside a quiet zone of
// four modules, the whole a square panel of `rect` in the light colour, each module
// `module_px` whole pixels.
struct QrItem {
    Rect rect;
    int modules = 0;
    int module_px = 0;
    std::vector<bool> dark;
    model::Color dark_color, light_color;
    std::string url;
};

struct TextItem {
    std::string role;    // "vi.title", "en.body", "band.value"…: for messages and tests
    float x = 0, y = 0;  // where the block's top-left is drawn
    text::TextBlock block;
    model::Color color;
    Rect bounds() const { return {x, y, block.width, block.height}; }
};

struct DisplayList {
    int width = 0, height = 0;
    model::Color background;
    Rect safe_area;
    std::vector<ImageItem> images;
    std::vector<FillItem> fills;
    std::vector<QrItem> codes;
    std::vector<TextItem> texts;
    std::vector<std::string> problems;  // text that had to be cut, said for --check
};

}  // namespace kiosk::scene
