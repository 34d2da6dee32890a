#pragma once
// Which parts of a screen a picture draws on, in tiles of kTile x kTile pixels. Outside its
// tiles a slide is the bare ground, so a crossfade between two slides has work only in the
// tiles of either, and a frame that keeps the last one's pixels redraws only what changed.
// Plain data: no SDL.

#include <cstdint>
#include <vector>

namespace kiosk::render {

struct PixelRect {
    int x = 0, y = 0, w = 0, h = 0;
    int right() const { return x + w; }
    int bottom() const { return y + h; }
    friend bool operator==(const PixelRect&, const PixelRect&) = default;
};

class TileMask {
  public:
    // Small enough that the gaps between lines and words of text stay out of the mask, large
    // enough that a slide's mask is a few dozen rectangles.
    static constexpr int kTile = 16;

    TileMask() = default;
    TileMask(int width, int height);  // a screen of that many pixels, nothing marked

    int width() const { return width_; }
    int height() const { return height_; }
    int columns() const { return columns_; }
    int rows() const { return rows_; }
    bool empty() const;
    bool at(int column, int row) const { return tiles_[row * columns_ + column] != 0; }

    // Marks every tile the rectangle touches (clipped to the screen).
    void mark(const PixelRect& r);
    // Marks the tiles where an alpha image of w x h, placed at (x, y), has any coverage.
    void mark_alpha(const std::uint8_t* alpha, int w, int h, int x, int y);
    TileMask& operator|=(const TileMask& other);

    // The pixels of the marked tiles' bounding box, clipped to the screen (empty when none).
    PixelRect bounds() const;
    // The pixels of a rectangle of tiles, clipped to the screen.
    PixelRect pixels(int column, int row, int columns, int rows) const;

  private:
    int width_ = 0, height_ = 0, columns_ = 0, rows_ = 0;
    std::vector<std::uint8_t> tiles_;
};

// The screen's tiles sorted by what a frame does there, as few rectangles as rows of runs
// merged downwards allow: `kind(column, row)` names it (0 for nothing to do), and `f(kind,
// rect)` is called once a rectangle of one kind.
template <typename Kind, typename F>
void each_region(const TileMask& shape, Kind&& kind, F&& f) {
    struct Open {
        int c0, c1, kind, r0;
        bool seen;
    };
    std::vector<Open> open;
    const auto close = [&](const Open& o, int r1) {
        f(o.kind, shape.pixels(o.c0, o.r0, o.c1 - o.c0, r1 - o.r0));
    };
    for (int r = 0; r <= shape.rows(); ++r) {
        for (auto& o : open) o.seen = false;
        std::vector<Open> runs;
        for (int c = 0; r < shape.rows() && c < shape.columns();) {
            const int k = kind(c, r);
            int end = c + 1;
            while (end < shape.columns() && kind(end, r) == k) ++end;
            if (k != 0) runs.push_back({c, end, k, r, false});
            c = end;
        }
        std::vector<Open> next;
        for (auto& run : runs) {
            bool extended = false;
            for (auto& o : open)
                if (!o.seen && o.c0 == run.c0 && o.c1 == run.c1 && o.kind == run.kind) {
                    o.seen = extended = true;
                    next.push_back(o);
                    break;
                }
            if (!extended) next.push_back(run);
        }
        for (const auto& o : open)
            if (!o.seen) close(o, r);
        open = std::move(next);
    }
}

}  // namespace kiosk::render
