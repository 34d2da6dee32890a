#pragma once
// Turns a slide's picture file into the pixels it is drawn with: decoded, checked against what
// its header promised, and scaled to exactly the pixels it covers on screen. JPEG is decoded by
// libjpeg-turbo a row at a time, scaled in the DCT to the nearest eighth above the size needed,
// so a 12-megapixel photograph never stands whole in memory; PNG and WebP by SDL2_image.
// Slow, blocking CPU and disk work for a worker thread (or --check); no renderer involved.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/model/color.hpp"
#include "kiosk/scene/display_list.hpp"

namespace kiosk::render {

// One picture as one slide draws it.
struct PictureRequest {
    std::filesystem::path path;
    std::string file;           // as the slide names it, for messages
    int width = 0, height = 0;  // what the header said when the deck was read
    scene::Rect source;         // the part of the picture shown, in its pixels
    int out_width = 0, out_height = 0;
    model::Color ground;  // what shows through a picture's transparent parts
    friend bool operator==(const PictureRequest&, const PictureRequest&) = default;
};

// The request for an image item of a display list drawn over `ground`.
PictureRequest picture_request(const scene::ImageItem& item, model::Color ground);

struct Picture {
    int width = 0, height = 0;
    std::vector<std::uint32_t> pixels;  // 0xFFRRGGBB, row by row: opaque
};

// The picture, or nullopt with `why` set ("is a JPEG cut short: Premature end of JPEG file",
// "is 4000x3000 pixels now, not the 800x600 its slide was laid out for", the header's own
// refusals: too large, too many pixels a side, not an image).
std::optional<Picture> decode_picture(const PictureRequest& request, std::string* why);

}  // namespace kiosk::render
