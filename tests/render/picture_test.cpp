// Pictures from files, decoded and scaled as the renderer draws them, then drawn for real
// through SDL's software renderer and read back: where the scene put them, filling or kept
// whole as their fit says, and refused with a reason when the file lies or is broken.

#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>

#include "kiosk/render/painter.hpp"
#include "kiosk/render/picture_decoder.hpp"
#include "kiosk/render/picture_loader.hpp"
#include "kiosk/render/resample.hpp"
#include "kiosk/scene/picture_fit.hpp"
#include "support/images.hpp"
#include "support/offscreen.hpp"
#include "support/temp_dir.hpp"

using namespace kiosk;

namespace {

constexpr std::uint32_t kRed = 0xE02020, kBlue = 0x2040E0;
const model::Color kGround{11, 31, 58};

scene::ImageItem item(const std::filesystem::path& path, int w, int h, scene::Rect box,
                      model::ImageFit fit) {
    scene::ImageItem i;
    i.rect = box;
    i.path = path;
    i.file = path.filename().string();
    i.fit = fit;
    i.width = w;
    i.height = h;
    i.shown = scene::fit_picture(w, h, box, fit).shown;
    return i;
}

// The list with one picture, decoded on this thread, drawn over the ground; the pixels.
std::vector<Uint32> draw_with(const scene::ImageItem& picture, int w, int h) {
    auto screen = test::offscreen_screen(w, h);
    scene::DisplayList list;
    list.width = w;
    list.height = h;
    list.background = kGround;
    list.images.push_back(picture);
    std::string why;
    const auto decoded = render::decode_picture(render::picture_request(picture, kGround), &why);
    INFO(why);
    REQUIRE(decoded);
    const auto prepared = render::prepare(screen->renderer(), list,
                                          [&](const scene::ImageItem&) { return &*decoded; });
    screen->begin_frame();
    render::clear(screen->renderer(), kGround);
    render::draw(screen->renderer(), prepared);
    return screen->read_pixels();
}

bool near(Uint32 pixel, std::uint32_t rgb, int slack = 12) {
    for (int shift : {0, 8, 16})
        if (std::abs(static_cast<int>((pixel >> shift) & 0xFF) -
                     static_cast<int>((rgb >> shift) & 0xFF)) > slack)
            return false;
    return true;
}

std::uint32_t rgb_of(model::Color c) {
    return (c.r << 16) | (c.g << 8) | c.b;
}

}  // namespace

TEST_CASE("a picture lands where the scene put it - cover fills its rect", "[picture]") {
    test::TempDir dir;
    for (const char* name : {"wide.png", "wide.jpg"}) {
        INFO(name);
        const auto file = dir.path() / name;
        REQUIRE(test::write_picture(file, 400, 200, kRed, kBlue));
        // A square box: cover crops the sides, so both halves meet in the middle of the box.
        const scene::Rect box{100, 60, 300, 300};
        const auto pixels = draw_with(item(file, 400, 200, box, model::ImageFit::Cover), 640, 480);
        const auto at = [&](int x, int y) { return pixels[static_cast<size_t>(y) * 640 + x]; };
        CHECK(near(at(105, 65), kRed));
        CHECK(near(at(394, 354), kBlue));
        CHECK(near(at(105, 354), kRed));
        CHECK(near(at(394, 65), kBlue));
        // Nothing outside the box.
        CHECK(near(at(99, 200), rgb_of(kGround), 0));
        CHECK(near(at(400, 200), rgb_of(kGround), 0));
        CHECK(near(at(250, 59), rgb_of(kGround), 0));
        CHECK(near(at(250, 360), rgb_of(kGround), 0));
    }
}

TEST_CASE("contain keeps the picture's aspect - whole, centred in its rect", "[picture]") {
    test::TempDir dir;
    const auto file = dir.path() / "wide.png";
    REQUIRE(test::write_picture(file, 400, 200, kRed, kBlue));
    const scene::Rect box{100, 60, 300, 300};
    const auto pixels = draw_with(item(file, 400, 200, box, model::ImageFit::Contain), 640, 480);
    const auto at = [&](int x, int y) { return pixels[static_cast<size_t>(y) * 640 + x]; };
    // 300 x 150, centred: rows 135 to 285.
    int top = -1, bottom = -1;
    for (int y = 60; y < 360; ++y)
        if (!near(at(250, y), rgb_of(kGround), 0)) {
            if (top < 0) top = y;
            bottom = y;
        }
    CHECK(top == 135);
    CHECK(bottom == 284);
    CHECK(near(at(101, 210), kRed));
    CHECK(near(at(398, 210), kBlue));
    CHECK(near(at(250, 100), rgb_of(kGround), 0));  // the ground shows above and below
}

TEST_CASE("shrinking averages - a picture of fine stripes turns an even grey", "[picture]") {
    // One-pixel black and white columns taken down to a sixth: every pixel is their mean.
    std::vector<std::uint8_t> row(600 * 3);
    for (int x = 0; x < 600; ++x)
        for (int c = 0; c < 3; ++c) row[x * 3 + c] = x % 2 ? 255 : 0;
    render::Resampler r(600, 60, 0, 0, 600, 60, 100, 10, {0, 0, 0});
    for (int y = 0; y < 60; ++y) r.push_row(y, row.data(), 3);
    REQUIRE(r.done());
    for (Uint32 p : r.take()) CHECK(near(p, 0x808080, 1));
}

TEST_CASE("a broken or lying picture is refused with its reason", "[picture]") {
    test::TempDir dir;
    const auto request = [&](const std::filesystem::path& file, int w, int h) {
        return render::picture_request(item(file, w, h, {0, 0, 200, 200}, model::ImageFit::Cover),
                                       kGround);
    };
    std::string why;
    const auto cut = dir.path() / "cut.jpg";
    REQUIRE(test::write_picture(cut, 800, 600, kRed, kBlue));
    test::truncate_file(cut, 0.5);
    CHECK_FALSE(render::decode_picture(request(cut, 800, 600), &why));
    CHECK_THAT(why, Catch::Contains("does not decode as a JPEG"));

    const auto garbled = dir.path() / "garbled.jpg";
    REQUIRE(test::write_picture(garbled, 800, 600, kRed, kBlue));
    {
        std::fstream f(garbled, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(std::filesystem::file_size(garbled) / 2));
        const std::string junk(2000, '\xA5');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    CHECK_FALSE(render::decode_picture(request(garbled, 800, 600), &why));
    CHECK_THAT(why, Catch::Contains("does not decode as a JPEG"));

    const auto huge = dir.path() / "huge.png";
    test::write_png_header(huge, 100000, 100000);
    CHECK_FALSE(render::decode_picture(request(huge, 100000, 100000), &why));
    CHECK_THAT(why, Catch::Contains("100000x100000 pixels"));

    CHECK_FALSE(render::decode_picture(request(dir.path() / "missing.png", 10, 10), &why));
    CHECK_THAT(why, Catch::Contains("cannot be read"));

    // A file that is not what its slide was laid out for (replaced since).
    const auto other = dir.path() / "other.png";
    REQUIRE(test::write_picture(other, 300, 100, kRed, kBlue));
    CHECK_FALSE(render::decode_picture(request(other, 800, 600), &why));
    CHECK_THAT(why, Catch::Contains("300x100"));
}

TEST_CASE("the loader decodes on its worker what is wanted - and hands it over once", "[picture]") {
    test::TempDir dir;
    const auto file = dir.path() / "a.png";
    REQUIRE(test::write_picture(file, 64, 64, kRed, kRed));
    std::atomic<int> ready{0};
    render::PictureLoader loader([&] { ++ready; });
    const auto r = render::picture_request(
        item(file, 64, 64, {0, 0, 32, 32}, model::ImageFit::Cover), kGround);
    CHECK_FALSE(loader.take(r));
    loader.want({r});
    REQUIRE(loader.wait_all(10'000));
    CHECK(ready == 1);
    const auto result = loader.take(r);
    REQUIRE(result);
    REQUIRE(result->picture);
    CHECK(result->picture->width == 32);
    CHECK(near(result->picture->pixels[0], kRed));
    CHECK_FALSE(loader.take(r));  // once
}
