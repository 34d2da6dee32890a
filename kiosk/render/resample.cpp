#include "kiosk/render/resample.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::render {

Resampler::Taps Resampler::taps(int size, float start, float length, int out) {
    Taps t;
    const float scale = static_cast<float>(out) / length;  // output pixels a source pixel
    for (int i = 0; i < out; ++i) {
        t.first.push_back(static_cast<int>(t.source.size()));
        const size_t from = t.source.size();
        if (scale < 1) {
            // Shrinking: the source span this pixel covers, each source pixel weighed by how
            // much of it lies inside.
            const float a = start + static_cast<float>(i) / scale;
            const float b = start + static_cast<float>(i + 1) / scale;
            for (int s = static_cast<int>(std::floor(a)); s < static_cast<int>(std::ceil(b)); ++s) {
                const float w =
                    std::min(b, static_cast<float>(s + 1)) - std::max(a, static_cast<float>(s));
                if (w <= 0) continue;
                t.source.push_back(std::clamp(s, 0, size - 1));
                t.weight.push_back(w);
            }
        } else {
            const float c = start + (static_cast<float>(i) + 0.5f) / scale - 0.5f;
            const int s = static_cast<int>(std::floor(c));
            const float f = c - static_cast<float>(s);
            t.source.push_back(std::clamp(s, 0, size - 1));
            t.weight.push_back(1 - f);
            t.source.push_back(std::clamp(s + 1, 0, size - 1));
            t.weight.push_back(f);
        }
        float sum = 0;
        for (size_t k = from; k < t.weight.size(); ++k) sum += t.weight[k];
        for (size_t k = from; k < t.weight.size(); ++k) t.weight[k] /= sum > 0 ? sum : 1;
    }
    t.first.push_back(static_cast<int>(t.source.size()));
    return t;
}

Resampler::Resampler(int width, int height, float sx, float sy, float sw, float sh, int out_w,
                     int out_h, model::Color ground)
    : width_(width),
      out_w_(std::max(0, out_w)),
      out_h_(std::max(0, out_h)),
      ground_(ground),
      xs_(taps(width, sx, std::max(sw, 1e-3f), out_w_)),
      ys_(taps(height, sy, std::max(sh, 1e-3f), out_h_)),
      line_(static_cast<size_t>(out_w_) * 3),
      rgb_(static_cast<size_t>(width) * 3),
      out_(static_cast<size_t>(out_w_) * out_h_,
           0xFF000000u | (ground.r << 16) | (ground.g << 8) | ground.b) {
    for (int r = 0; r < out_h_; ++r) {
        int last = 0;
        for (int k = ys_.begin(r); k < ys_.end(r); ++k) last = std::max(last, ys_.source[k]);
        last_row_.push_back(last);
    }
}

void Resampler::push_row(int y, const std::uint8_t* row, int channels) {
    if (next_out_ >= out_h_) return;
    // Only rows some open or coming output row takes are worth scaling across.
    bool wanted = false;
    for (int r = next_out_; r < out_h_ && !wanted; ++r) {
        if (ys_.source[ys_.begin(r)] > y) break;
        for (int k = ys_.begin(r); k < ys_.end(r); ++k) wanted = wanted || ys_.source[k] == y;
    }
    if (wanted) {
        const float gr = ground_.r, gg = ground_.g, gb = ground_.b;
        for (int x = 0; x < width_; ++x) {
            const std::uint8_t* p = row + static_cast<size_t>(x) * channels;
            float r = p[0], g = p[1], b = p[2];
            if (channels == 4 && p[3] != 255) {
                const float a = p[3] / 255.0f;
                r = r * a + gr * (1 - a);
                g = g * a + gg * (1 - a);
                b = b * a + gb * (1 - a);
            }
            rgb_[x * 3] = r;
            rgb_[x * 3 + 1] = g;
            rgb_[x * 3 + 2] = b;
        }
        for (int x = 0; x < out_w_; ++x) {
            float r = 0, g = 0, b = 0;
            for (int k = xs_.begin(x); k < xs_.end(x); ++k) {
                const float w = xs_.weight[k];
                const float* s = &rgb_[static_cast<size_t>(xs_.source[k]) * 3];
                r += w * s[0];
                g += w * s[1];
                b += w * s[2];
            }
            line_[x * 3] = r;
            line_[x * 3 + 1] = g;
            line_[x * 3 + 2] = b;
        }
        for (int r = next_out_; r < out_h_; ++r) {
            if (ys_.source[ys_.begin(r)] > y) break;
            const size_t slot = static_cast<size_t>(r - next_out_);
            if (slot >= open_.size()) open_.emplace_back(static_cast<size_t>(out_w_) * 3, 0.0f);
            for (int k = ys_.begin(r); k < ys_.end(r); ++k) {
                if (ys_.source[k] != y) continue;
                const float w = ys_.weight[k];
                float* acc = open_[slot].data();
                for (size_t i = 0; i < line_.size(); ++i) acc[i] += w * line_[i];
            }
        }
    }
    // Rows whose last source row has come are finished (clamped taps may name a row twice).
    while (next_out_ < out_h_ && last_row_[next_out_] <= y) {
        finish_row(next_out_);
        if (!open_.empty()) open_.erase(open_.begin());
        ++next_out_;
    }
}

void Resampler::finish_row(int r) {
    if (open_.empty()) return;
    const std::vector<float>& acc = open_.front();
    std::uint32_t* dst = &out_[static_cast<size_t>(r) * out_w_];
    const auto byte = [](float v) {
        return static_cast<std::uint32_t>(std::clamp(static_cast<int>(v + 0.5f), 0, 255));
    };
    for (int x = 0; x < out_w_; ++x)
        dst[x] = 0xFF000000u | (byte(acc[x * 3]) << 16) | (byte(acc[x * 3 + 1]) << 8) |
                 byte(acc[x * 3 + 2]);
}

std::vector<std::uint32_t> Resampler::take() {
    return std::move(out_);
}

}  // namespace kiosk::render
