// Slides with pictures and QR codes, drawn by the real program as an operator runs it, and
// read back as a person (or a phone) would: a picture that cannot be shown leaves its slide
// without it and one line, a caption reads over any picture, a QR code scans.

#include <catch2/catch.hpp>

#include <map>

#include "kiosk/model/color.hpp"
#include "support/images.hpp"
#include "support/kiosk_run.hpp"
#include "support/picture.hpp"

using namespace kiosk;

namespace {

constexpr std::uint32_t kGround = 0x0b1f3a;  // the default theme's background

std::string slide_with_image(const std::string& id, const std::string& file,
                             const std::string& layout = "text", const std::string& extra = "") {
    return R"({"id": ")" + id + R"(", "layout": ")" + layout + R"(", "image": {"file": ")" + file +
           R"("}, "vi": {"title": "Hội trường", "body": "Lễ mở ký tại Hà Nội"},
             "en": {"title": "The hall", "body": "The signing ceremony in Hanoi"})" +
           extra + "}";
}

struct Shot {
    int status = -1;
    std::string said;
    std::optional<test::Picture> picture;
};

Shot screenshot(test::KioskRun& k, const std::string& slide, const std::string& size) {
    const std::string png = (k.dir.path() / (slide + "-" + size + ".png")).string();
    Shot shot;
    shot.status = k.run({"--screenshot", png, "--slide", slide, "--size", size});
    shot.said = k.said();
    shot.picture = test::load_png(png);
    return shot;
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

model::Color color(std::uint32_t rgb) {
    return {static_cast<std::uint8_t>(rgb >> 16), static_cast<std::uint8_t>(rgb >> 8),
            static_cast<std::uint8_t>(rgb)};
}

}  // namespace

TEST_CASE("a picture that cannot be shown leaves its slide without it - and one line",
          "[cli][picture]") {
    test::KioskRun k("{}", R"({"slides": [)" + slide_with_image("cut", "cut.jpg") + "," +
                               slide_with_image("huge", "huge.png") + "," +
                               slide_with_image("missing", "missing.png") + "," +
                               slide_with_image("good", "good.png") + "]}");
    REQUIRE(test::write_picture(k.content() / "cut.jpg", 1600, 1200, 0xE02020, 0xE02020));
    test::truncate_file(k.content() / "cut.jpg", 0.4);
    test::write_png_header(k.content() / "huge.png", 100000, 100000);
    REQUIRE(test::write_picture(k.content() / "good.png", 1600, 1200, 0xE02020, 0xE02020));
    // The picture's column: the right of the content area on a wide screen.
    const auto red_in_column = [](const test::Picture& p) {
        int red = 0;
        for (int y = 200; y < 800; y += 10)
            for (int x = 1300; x < 1700; x += 10)
                red += p.rgb[static_cast<size_t>(y) * p.width + x] == 0xE02020;
        return red;
    };
    const auto good = screenshot(k, "good", "1920x1080");
    REQUIRE(good.status == 0);
    REQUIRE(good.picture);
    CHECK(red_in_column(*good.picture) > 1000);
    for (const std::string id : {"cut", "huge", "missing"}) {
        INFO(id);
        const auto shot = screenshot(k, id, "1920x1080");
        INFO(shot.said);
        REQUIRE(shot.status == 0);
        REQUIRE(shot.picture);
        CHECK(red_in_column(*shot.picture) == 0);
        // Laid out without the picture: the text takes the whole width (ink at the right).
        const std::string file = id == "cut"    ? "cut.jpg"
                                 : id == "huge" ? "huge.png"
                                                : "missing.png";
        CHECK(count(shot.said, "\"" + file + "\"") == 1);
    }
    const auto cut = screenshot(k, "cut", "1920x1080");
    CHECK_THAT(cut.said, Catch::Contains("image \"cut.jpg\" does not decode as a JPEG"));
    CHECK_THAT(cut.said, Catch::Contains("the slide shows without it"));
}

TEST_CASE("a caption reads at 7:1 over a white picture and over a black one", "[cli][picture]") {
    test::KioskRun k("{}", R"({"slides": [)" + slide_with_image("white", "white.png", "image") +
                               "," + slide_with_image("black", "black.png", "image") + "]}");
    REQUIRE(test::write_picture(k.content() / "white.png", 1600, 900, 0xFFFFFF, 0xFFFFFF));
    REQUIRE(test::write_picture(k.content() / "black.png", 1600, 900, 0x000000, 0x000000));
    for (const std::string id : {"white", "black"}) {
        INFO(id);
        const auto shot = screenshot(k, id, "1920x1080");
        REQUIRE(shot.status == 0);
        REQUIRE(shot.picture);
        const auto& p = *shot.picture;
        // The picture shows above the caption, the scrim under it: the left edge, row by row,
        // turns from the picture to the scrim.
        const std::uint32_t picture = id == "white" ? 0xFFFFFF : 0x000000;
        CHECK(p.rgb[static_cast<size_t>(100) * p.width + 5] == picture);
        std::uint32_t scrim = picture;
        int scrim_top = 0;
        for (int y = 100; y < 880 && scrim == picture; ++y) {
            scrim = p.rgb[static_cast<size_t>(y) * p.width + 5];
            scrim_top = y;
        }
        REQUIRE(scrim != picture);
        // Each colour of ink on the scrim, in its solid strokes, against the scrim.
        std::map<std::uint32_t, int> inks;
        for (int y = scrim_top; y < 880; ++y)
            for (int x = 96; x < 1824; ++x) ++inks[p.rgb[static_cast<size_t>(y) * p.width + x]];
        int checked = 0;
        for (const auto& [ink, n] : inks) {
            if (n < 400 || ink == scrim) continue;  // anti-aliased edges are few of each
            INFO(std::hex << ink << " on " << scrim);
            CHECK(model::contrast_ratio(color(ink), color(scrim)) >= 7.0);
            ++checked;
        }
        CHECK(checked >= 3);  // titles, Vietnamese and English text
    }
}

TEST_CASE("a QR code on a slide scans to its URL exactly - landscape and portrait", "[cli][qr]") {
    REQUIRE(std::filesystem::exists("/usr/bin/zbarimg"));  // Debian's zbar-tools: a failure
    const std::string url =
        "https://www.unodc.org/unodc/en/cybercrime/convention/home.html?x=Ha%20Noi";
    test::KioskRun k("{}", R"({"slides": [{"id": "qr", "qr": ")" + url + R"(",
        "vi": {"title": "Đọc thêm", "body": "Quét mã để đọc toàn văn Công ước"},
        "en": {"title": "Read more", "body": "Scan the code to read the Convention"}}]})");
    for (const std::string size : {"1920x1080", "1080x1920"}) {
        INFO(size);
        const std::string png = (k.dir.path() / ("qr-" + size + ".png")).string();
        REQUIRE(k.run({"--screenshot", png, "--slide", "qr", "--size", size}) == 0);
        const std::string out = (k.dir.path() / "zbar.txt").string();
        // Only what it decoded: zbarimg's complaints about a missing D-Bus go elsewhere.
        test::Process zbar("/bin/sh",
                           {"-c", "exec /usr/bin/zbarimg --raw -q \"$0\" 2>/dev/null", png}, out);
        CHECK(zbar.wait() == 0);
        CHECK(test::read_file(out) == url + "\n");
    }
}
