#include "kiosk/model/image_header.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "kiosk/model/small_file.hpp"

namespace kiosk::model {

namespace {

std::uint32_t be16(std::string_view b, size_t at) {
    return (static_cast<std::uint8_t>(b[at]) << 8) | static_cast<std::uint8_t>(b[at + 1]);
}
std::uint32_t be32(std::string_view b, size_t at) {
    return (be16(b, at) << 16) | be16(b, at + 2);
}
std::uint32_t le16(std::string_view b, size_t at) {
    return static_cast<std::uint8_t>(b[at]) | (static_cast<std::uint8_t>(b[at + 1]) << 8);
}
std::uint32_t le24(std::string_view b, size_t at) {
    return le16(b, at) | (static_cast<std::uint8_t>(b[at + 2]) << 16);
}

std::optional<ImageHeader> png(std::string_view b, std::string* why) {
    // Signature, then the IHDR chunk: length, "IHDR", width, height.
    if (b.size() < 24 || b.substr(12, 4) != "IHDR") {
        if (why) *why = "is a PNG without its header";
        return std::nullopt;
    }
    const std::uint32_t w = be32(b, 16), h = be32(b, 20);
    if (w == 0 || h == 0 || w > 0x7FFFFFFF || h > 0x7FFFFFFF) {
        if (why) *why = "is a PNG with no size";
        return std::nullopt;
    }
    return ImageHeader{ImageHeader::Format::Png, static_cast<int>(w), static_cast<int>(h)};
}

std::optional<ImageHeader> jpeg(std::string_view b, std::string* why) {
    // Segments follow the SOI marker; the frame header (SOF0…SOF15 but DHT, JPG and DAC) holds
    // height then width. Entropy-coded data starts at SOS: no size before it, no size at all.
    for (size_t at = 2; at + 4 <= b.size();) {
        if (static_cast<std::uint8_t>(b[at]) != 0xFF) break;
        const std::uint8_t marker = static_cast<std::uint8_t>(b[at + 1]);
        if (marker == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            at += 2;
            continue;
        }
        const std::uint32_t length = be16(b, at + 2);
        if (length < 2) break;
        const bool frame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame) {
            if (at + 9 > b.size()) break;
            const std::uint32_t h = be16(b, at + 5), w = be16(b, at + 7);
            if (w == 0 || h == 0) break;
            return ImageHeader{ImageHeader::Format::Jpeg, static_cast<int>(w), static_cast<int>(h)};
        }
        if (marker == 0xDA || marker == 0xD9) break;
        at += 2 + length;
    }
    if (why) *why = "is a JPEG whose size cannot be found in its first 256 KiB";
    return std::nullopt;
}

std::optional<ImageHeader> webp(std::string_view b, std::string* why) {
    if (b.size() >= 30) {
        const std::string_view chunk = b.substr(12, 4);
        // A lossy frame's 14-bit sides may be 0, which no decoder draws.
        const int w = static_cast<int>(le16(b, 26) & 0x3FFF),
                  h = static_cast<int>(le16(b, 28) & 0x3FFF);
        if (chunk == "VP8 " && static_cast<std::uint8_t>(b[23]) == 0x9D &&
            static_cast<std::uint8_t>(b[24]) == 0x01 && static_cast<std::uint8_t>(b[25]) == 0x2A &&
            w > 0 && h > 0)
            return ImageHeader{ImageHeader::Format::WebP, w, h};
        if (chunk == "VP8L" && static_cast<std::uint8_t>(b[20]) == 0x2F) {
            const std::uint32_t bits = le16(b, 21) | (le16(b, 23) << 16);
            return ImageHeader{ImageHeader::Format::WebP, static_cast<int>((bits & 0x3FFF) + 1),
                               static_cast<int>(((bits >> 14) & 0x3FFF) + 1)};
        }
        if (chunk == "VP8X")
            return ImageHeader{ImageHeader::Format::WebP, static_cast<int>(le24(b, 24) + 1),
                               static_cast<int>(le24(b, 27) + 1)};
    }
    if (why) *why = "is a WebP image without a size";
    return std::nullopt;
}

}  // namespace

std::optional<ImageHeader> read_image_header(std::string_view b, std::string* why) {
    if (b.size() >= 8 && b.substr(0, 8) == "\x89PNG\r\n\x1a\n") return png(b, why);
    if (b.size() >= 3 && static_cast<std::uint8_t>(b[0]) == 0xFF &&
        static_cast<std::uint8_t>(b[1]) == 0xD8 && static_cast<std::uint8_t>(b[2]) == 0xFF)
        return jpeg(b, why);
    if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") return webp(b, why);
    if (why) *why = "is not a PNG, JPEG or WebP image";
    return std::nullopt;
}

std::optional<ImageHeader> check_image_file(const std::string& path, std::string* why) {
    const auto fail = [&](const std::string& what) -> std::optional<ImageHeader> {
        if (why) *why = what;
        return std::nullopt;
    };
    std::uint64_t size = 0;
    std::string bytes;
    std::string problem;
    const int fd = open_regular_file(path, size, problem);
    if (fd < 0) return fail(problem);
    if (size > kImageMaxBytes) {
        problem =
            "is " + std::to_string(size >> 20) + " MiB; images larger than 20 MiB are not shown";
    } else {
        bytes.resize(std::min<size_t>(kImageProbeBytes, static_cast<size_t>(size)));
        const ssize_t n = read(fd, bytes.data(), bytes.size());
        bytes.resize(n > 0 ? static_cast<size_t>(n) : 0);
    }
    close(fd);
    if (!problem.empty()) return fail(problem);
    auto header = read_image_header(bytes, why);
    if (header && (header->width > kImageMaxSide || header->height > kImageMaxSide))
        return fail("is " + std::to_string(header->width) + "x" + std::to_string(header->height) +
                    " pixels; images of more than 8192 pixels a side are not shown");
    return header;
}

}  // namespace kiosk::model
