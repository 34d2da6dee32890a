#pragma once
// Scales part of a picture to the size it is drawn at, row by row as a decoder hands the rows
// over, so that the whole picture need never be held: each output pixel is the average of the
// source pixels it covers when shrinking (no aliasing in a photograph taken down from 12
// megapixels), and bilinear when growing. Plain CPU work, no SDL: any thread may use its own.

#include <cstdint>
#include <vector>

#include "kiosk/model/color.hpp"

namespace kiosk::render {

class Resampler {
  public:
    // The source is `width` x `height`; the part scaled starts at (sx, sy) and is sw x sh of its
    // pixels (fractions allowed); the result is out_w x out_h. A pixel with alpha shows
    // `ground` through it, so the result is opaque.
    Resampler(int width, int height, float sx, float sy, float sw, float sh, int out_w, int out_h,
              model::Color ground);

    // Row `y` of the source, `channels` bytes a pixel: 3 (R, G, B) or 4 (R, G, B, A). Rows come
    // in order, each once; rows outside the scaled part may be pushed and are ignored.
    void push_row(int y, const std::uint8_t* row, int channels);
    // Whether the rows pushed so far complete the result.
    bool done() const { return next_out_ >= out_h_; }
    // The result as 0xFFRRGGBB pixels, row by row; rows never completed are the ground.
    std::vector<std::uint32_t> take();

  private:
    struct Taps {
        std::vector<int> first;  // per output index: where its taps start
        std::vector<int> source;
        std::vector<float> weight;
        int begin(int i) const { return first[i]; }
        int end(int i) const { return first[i + 1]; }
    };
    static Taps taps(int size, float start, float length, int out);
    void finish_row(int r);

    int width_, out_w_, out_h_;
    model::Color ground_;
    Taps xs_, ys_;
    std::vector<int> last_row_;             // per output row: the last source row it takes
    int next_out_ = 0;                      // the first output row not yet finished
    std::vector<std::vector<float>> open_;  // accumulators of rows next_out_, next_out_+1…
    std::vector<float> line_;               // one source row scaled across
    std::vector<float> rgb_;                // one source row over the ground
    std::vector<std::uint32_t> out_;
};

}  // namespace kiosk::render
