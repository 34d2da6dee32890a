#include "kiosk/scene/picture_fit.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::scene {

PictureFit fit_picture(int width, int height, const Rect& box, model::ImageFit fit) {
    // Whole pixels, so that the picture is scaled once, to exactly the pixels it covers.
    const float x0 = std::round(box.x), y0 = std::round(box.y);
    const float bw = std::round(box.right()) - x0, bh = std::round(box.bottom()) - y0;
    PictureFit out;
    if (width <= 0 || height <= 0 || bw <= 0 || bh <= 0) return out;
    const float w = static_cast<float>(width), h = static_cast<float>(height);
    if (fit == model::ImageFit::Cover) {
        const float scale = std::max(bw / w, bh / h);
        const float sw = std::min(w, bw / scale), sh = std::min(h, bh / scale);
        out.shown = {x0, y0, bw, bh};
        out.source = {(w - sw) / 2, (h - sh) / 2, sw, sh};
    } else {
        const float scale = std::min(bw / w, bh / h);
        const float sw = std::max(1.0f, std::round(w * scale)),
                    sh = std::max(1.0f, std::round(h * scale));
        out.shown = {x0 + std::floor((bw - sw) / 2), y0 + std::floor((bh - sh) / 2), sw, sh};
        out.source = {0, 0, w, h};
    }
    return out;
}

}  // namespace kiosk::scene
