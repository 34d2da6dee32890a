#pragma once
// What an image file says about itself in its first bytes (PNG, JPEG, WebP): its format and
// size, read before anything is decoded, so a file that claims 100000x100000 pixels is refused
// without allocating a byte for it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::model {

struct ImageHeader {
    enum class Format { Png, Jpeg, WebP };
    Format format = Format::Png;
    int width = 0, height = 0;
};

// The header from the first bytes of a file (a few hundred bytes are enough for PNG and WebP;
// JPEG's size may stand after large metadata, so give it up to kImageProbeBytes). nullopt with
// `why` set when the bytes are not one of the three formats or say no size.
std::optional<ImageHeader> read_image_header(std::string_view bytes, std::string* why);

inline constexpr size_t kImageProbeBytes = 256 * 1024;
// What a slide's image may be: larger files or sides are refused before decoding.
inline constexpr std::uint64_t kImageMaxBytes = 20ull << 20;
inline constexpr int kImageMaxSide = 8192;

// Reads the header of the file at `path` and checks it against the limits above. nullopt with
// `why` set ("is 21 MiB; images larger than 20 MiB are not shown", "is 100000x100000 pixels;
// …", "is not a PNG, JPEG or WebP image", "cannot be read: …").
std::optional<ImageHeader> check_image_file(const std::string& path, std::string* why);

}  // namespace kiosk::model
