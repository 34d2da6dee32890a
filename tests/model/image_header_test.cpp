#include "kiosk/model/image_header.hpp"

#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"

using namespace kiosk::model;

namespace {

std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}

// The first bytes of a PNG of this size: signature, then the IHDR chunk.
std::string png(std::uint32_t w, std::uint32_t h) {
    return std::string("\x89PNG\r\n\x1a\n", 8) + be32(13) + "IHDR" + be32(w) + be32(h) +
           std::string("\x08\x06\x00\x00\x00", 5);
}

// A JPEG's start: SOI, an APP0 segment, then a baseline frame header.
std::string jpeg(std::uint16_t w, std::uint16_t h) {
    std::string b("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20);
    b += std::string("\xFF\xC0\x00\x11\x08", 5);
    b += static_cast<char>(h >> 8);
    b += static_cast<char>(h);
    b += static_cast<char>(w >> 8);
    b += static_cast<char>(w);
    b += std::string("\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 10);
    return b;
}

}  // namespace

TEST_CASE("an image's size is read from its first bytes", "[image]") {
    const auto p = read_image_header(png(4000, 3000), nullptr);
    REQUIRE(p);
    CHECK(p->format == ImageHeader::Format::Png);
    CHECK(p->width == 4000);
    CHECK(p->height == 3000);
    const auto j = read_image_header(jpeg(4032, 3024), nullptr);
    REQUIRE(j);
    CHECK(j->format == ImageHeader::Format::Jpeg);
    CHECK(j->width == 4032);
    CHECK(j->height == 3024);
}

TEST_CASE("what is not an image, or says no size, is named", "[image]") {
    std::string why;
    CHECK_FALSE(read_image_header("GIF89a...", &why));
    CHECK(why == "is not a PNG, JPEG or WebP image");
    CHECK_FALSE(read_image_header(png(0, 10), &why));
    CHECK(why == "is a PNG with no size");
    CHECK_FALSE(read_image_header(std::string("\xFF\xD8\xFF\xDA\x00\x02", 6), &why));
    CHECK_THAT(why, Catch::Contains("JPEG whose size cannot be found"));
    CHECK_FALSE(read_image_header(png(10, 10).substr(0, 20), &why));  // cut short
    // A lossy WebP frame's 14-bit sides may be 0.
    std::string webp("RIFF\x16\x00\x00\x00WEBPVP8 \x0a\x00\x00\x00\x00\x00\x00\x9d\x01\x2a", 26);
    CHECK(read_image_header(webp + std::string("\x03\x00\x02\x00", 4), nullptr));
    CHECK_FALSE(read_image_header(webp + std::string("\x00\x40\x02\x00", 4), &why));
    CHECK(why == "is a WebP image without a size");
}

TEST_CASE("an image file is checked against its limits before it is decoded", "[image]") {
    kiosk::test::TempDir dir;
    std::string why;
    CHECK(check_image_file(dir.write("ok.png", png(1920, 1080) + std::string(1000, '\0')), &why));
    CHECK_FALSE(check_image_file(dir.write("huge.png", png(100000, 100000)), &why));
    CHECK(why == "is 100000x100000 pixels; images of more than 8192 pixels a side are not shown");
    CHECK_FALSE(check_image_file((dir.path() / "missing.jpg").string(), &why));
    CHECK_THAT(why, Catch::StartsWith("cannot be read: No such file"));
    const std::string big = dir.write("big.jpg", jpeg(100, 100) + std::string(21 << 20, '\0'));
    CHECK_FALSE(check_image_file(big, &why));
    CHECK(why == "is 21 MiB; images larger than 20 MiB are not shown");
}
