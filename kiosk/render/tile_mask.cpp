#include "kiosk/render/tile_mask.hpp"

#include <algorithm>

namespace kiosk::render {

TileMask::TileMask(int width, int height)
    : width_(std::max(0, width)),
      height_(std::max(0, height)),
      columns_((width_ + kTile - 1) / kTile),
      rows_((height_ + kTile - 1) / kTile),
      tiles_(static_cast<size_t>(columns_) * rows_, 0) {}

bool TileMask::empty() const {
    return std::none_of(tiles_.begin(), tiles_.end(), [](std::uint8_t t) { return t != 0; });
}

void TileMask::mark(const PixelRect& r) {
    const int x0 = std::max(0, r.x), y0 = std::max(0, r.y);
    const int x1 = std::min(width_, r.right()), y1 = std::min(height_, r.bottom());
    if (x0 >= x1 || y0 >= y1) return;
    for (int row = y0 / kTile; row <= (y1 - 1) / kTile; ++row)
        for (int column = x0 / kTile; column <= (x1 - 1) / kTile; ++column)
            tiles_[row * columns_ + column] = 1;
}

void TileMask::mark_alpha(const std::uint8_t* alpha, int w, int h, int x, int y) {
    for (int sy = std::max(0, -y); sy < h && y + sy < height_; ++sy) {
        const std::uint8_t* line = alpha + static_cast<size_t>(sy) * w;
        const int row = (y + sy) / kTile;
        for (int sx = std::max(0, -x); sx < w && x + sx < width_;) {
            if (!line[sx]) {
                ++sx;
                continue;
            }
            const int column = (x + sx) / kTile;
            tiles_[row * columns_ + column] = 1;
            sx = (column + 1) * kTile - x;  // the rest of this tile's span is marked already
        }
    }
}

TileMask& TileMask::operator|=(const TileMask& other) {
    if (tiles_.empty()) return *this = other;
    if (other.tiles_.size() == tiles_.size())
        for (size_t i = 0; i < tiles_.size(); ++i) tiles_[i] |= other.tiles_[i];
    return *this;
}

PixelRect TileMask::pixels(int column, int row, int columns, int rows) const {
    const int x0 = column * kTile, y0 = row * kTile;
    const int x1 = std::min(width_, (column + columns) * kTile);
    const int y1 = std::min(height_, (row + rows) * kTile);
    return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

PixelRect TileMask::bounds() const {
    int c0 = columns_, c1 = -1, r0 = rows_, r1 = -1;
    for (int r = 0; r < rows_; ++r)
        for (int c = 0; c < columns_; ++c)
            if (at(c, r)) {
                c0 = std::min(c0, c);
                c1 = std::max(c1, c);
                r0 = std::min(r0, r);
                r1 = std::max(r1, r);
            }
    if (c1 < 0) return {};
    return pixels(c0, r0, c1 - c0 + 1, r1 - r0 + 1);
}

}  // namespace kiosk::render
