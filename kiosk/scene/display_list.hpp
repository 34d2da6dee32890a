#pragma once
// What one picture holds, in screen pixels, before anything is drawn: filled rectangles and
// laid-out text. The scene builds it; the renderer draws it; tests inspect it.

#include <string>
#include <vector>

#include "kiosk/model/color.hpp"
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
};

struct FillItem {
    Rect rect;
    model::Color color;
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
    std::vector<FillItem> fills;
    std::vector<TextItem> texts;
    std::vector<std::string> problems;  // text that had to be cut, said for --check
};

}  // namespace kiosk::scene
