#include "kiosk/scene/type_scale.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::scene {

namespace {

// The body at 1080 lines and theme.scale 1: the size the bundled story was written for.
constexpr float kBody1080 = 52;

}  // namespace

float TypeScale::size(int step) const {
    // Rounded down, so that no screen's text is larger for its size than another's and what
    // fits one screen fits every screen of its shape (the hair against float error aside).
    const float exact = base * std::pow(kRatio, static_cast<float>(step - kBody));
    return std::max(min, std::floor(exact + 1e-3f));
}

std::vector<float> TypeScale::down_from(float from) const {
    std::vector<float> out{std::max(min, from)};
    for (int step = kDisplay; out.back() > min; --step)
        if (size(step) < out.back()) out.push_back(size(step));
    return out;
}

TypeScale make_type_scale(const model::Theme& theme, float unit, float min_text) {
    TypeScale s;
    s.min = std::ceil(min_text - 1e-3f);
    s.base = kBody1080 * unit * static_cast<float>(theme.scale);
    return s;
}

text::TextBlock fit_on_scale(const std::vector<std::string>& paragraphs, text::TextStyle style,
                             const std::vector<float>& sizes, float width, float height) {
    for (float size : sizes) {
        text::TextBlock block = text::layout_paragraphs(paragraphs, style, size, width);
        if (!block.split_word && block.height <= height) {
            block.shrunk = size < sizes.front();
            return block;
        }
    }
    style.size_px = style.min_size_px = sizes.back();
    text::TextBlock block = text::fit_paragraphs(paragraphs, style, width, std::max(height, 0.0f));
    block.shrunk = sizes.size() > 1;
    return block;
}

}  // namespace kiosk::scene
