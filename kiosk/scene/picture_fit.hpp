#pragma once
// Where a picture of a given size lands in a box, by its fit: what the scene puts in an
// ImageItem's `shown`, and what the renderer scales the picture to.

#include "kiosk/model/deck.hpp"
#include "kiosk/scene/display_list.hpp"

namespace kiosk::scene {

struct PictureFit {
    Rect shown;   // on screen, whole pixels, inside the box (rounded)
    Rect source;  // the part of the picture shown, in the picture's pixels
};

// `cover`: the picture scaled to fill the box, its overflow cropped equally on both sides.
// `contain`: scaled to fit inside the box, centred, and shown whole.
PictureFit fit_picture(int width, int height, const Rect& box, model::ImageFit fit);

}  // namespace kiosk::scene
