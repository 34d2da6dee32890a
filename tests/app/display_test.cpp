// The display that comes back, for real: the kiosk starts while its X server is not running,
// the server starts, the picture must appear on it; the screen changes size, the layout must
// follow; the server dies and returns, the picture must return with it. The screen is read back
// from the X server and compared with `kiosk --screenshot` of the same slide.

#include <catch2/catch.hpp>

#include "support/picture.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/x_server.hpp"

using namespace kiosk;
using std::chrono::seconds;

namespace {

struct Rig {
    test::TempDir dir;
    std::string content = (dir.path() / "content").string();
    std::string config = dir.write("kiosk.json", R"({"slides": {"transition": "cut"}})");
    std::filesystem::path state = dir.path() / "state";
    Rig() {
        dir.write("content/slides.json",
                  R"({"slides": [{"id": "still", "layout": "title", "duration_s": 3600,
                      "vi": {"title": "Công ước Hà Nội"}, "en": {"title": "The Hanoi Convention"}}]})");
    }
    // What the slide looks like at this size, as --screenshot draws it.
    test::Picture expected(int width, int height) {
        const std::string png =
            (dir.path() / ("expected-" + std::to_string(width) + ".png")).string();
        test::Process shot(KIOSK_BINARY,
                           {"--config", config, "--content", content, "--screenshot", png, "--size",
                            std::to_string(width) + "x" + std::to_string(height)},
                           (dir.path() / "shot.txt").string());
        REQUIRE(shot.wait() == 0);
        auto picture = test::load_png(png);
        REQUIRE(picture);
        return *picture;
    }
    std::string status() const { return test::read_file((state / "status.json").string()); }
};

// Whether the X server shows exactly `want` (the whole screen: the kiosk is fullscreen).
bool shows(const test::XServer& x, const test::Picture& want) {
    test::Picture seen;
    seen.rgb = x.pixels(seen.width, seen.height);
    return !seen.rgb.empty() && test::differing_pixels(seen, want) == 0;
}

}  // namespace

TEST_CASE("the picture comes back by itself when the X server starts - and follows its size",
          "[display][cli]") {
    Rig rig;
    const auto full = rig.expected(1920, 1080);
    const auto small = rig.expected(1280, 720);
    const int number = test::free_display_number();
    const std::string display = std::string(1, ':') += std::to_string(number);
    setenv("DISPLAY", display.c_str(), 1);
    test::Process kiosk(
        KIOSK_BINARY,
        {"--config", rig.config, "--content", rig.content, "--state-dir", rig.state.string()},
        (rig.dir.path() / "out.txt").string(), {"SDL_VIDEODRIVER", "WAYLAND_DISPLAY"});
    unsetenv("DISPLAY");
    const auto said = [&] { return test::read_file((rig.dir.path() / "out.txt").string()); };
    REQUIRE(test::eventually([&] {
        return rig.status().find("\"screen\": \"waiting for a display\"") != std::string::npos;
    }));
    INFO(said());

    // The TV comes on: within one retry the kiosk is on it, fullscreen, showing the slide.
    auto x = std::make_unique<test::XServer>(number, 1920, 1080);
    const auto on = std::chrono::steady_clock::now();
    CHECK(test::eventually([&] { return shows(*x, full); }, seconds(10)));
    CHECK(std::chrono::steady_clock::now() - on < seconds(10));
    CHECK_THAT(rig.status(), Catch::Contains("\"driver\": \"x11\""));

    // A mode change (a TV renegotiating, xrandr): a fresh layout at the new size.
    REQUIRE(x->resize(1280, 720));
    CHECK(test::eventually([&] { return shows(*x, small); }, seconds(10)));

    // The server dies: the kiosk carries on headless, and is back when the server is.
    x.reset();
    CHECK(test::eventually(
        [&] { return rig.status().find("waiting for a display") != std::string::npos; },
        seconds(10)));
    x = std::make_unique<test::XServer>(number, 1920, 1080);
    CHECK(test::eventually([&] { return shows(*x, full); }, seconds(10)));
    INFO(said());
    // One line when it went, one when it came back: not one a retry.
    const std::string log = said();
    size_t answers = 0;
    for (size_t at = log.find("display answers again"); at != std::string::npos;
         at = log.find("display answers again", at + 1))
        ++answers;
    CHECK(answers == 2);
    CHECK(log.find("display still missing") == std::string::npos);
    kiosk.signal(SIGTERM);
    CHECK(kiosk.wait() == 0);
}
