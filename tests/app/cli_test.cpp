// The real program, run as an operator runs it.

#include <SDL_image.h>

#include <cstring>

#include <catch2/catch.hpp>

#include "support/http_server.hpp"
#include "support/picture.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace kiosk;

namespace {

struct Run {
    int status;
    std::string output;
};

Run run(const std::vector<std::string>& args, const test::TempDir& dir) {
    const std::string out = (dir.path() / "output.txt").string();
    test::Process kiosk(KIOSK_BINARY, args, out);
    const int status = kiosk.wait();
    return {status, test::read_file(out)};
}

}  // namespace

TEST_CASE("kiosk --version and --help answer and exit 0", "[cli]") {
    test::TempDir dir;
    const auto version = run({"--version"}, dir);
    CHECK(version.status == 0);
    CHECK_THAT(version.output, Catch::StartsWith("kiosk "));
    const auto help = run({"--help"}, dir);
    CHECK(help.status == 0);
    CHECK_THAT(help.output, Catch::Contains("--screenshot OUT.png"));
}

TEST_CASE("a wrong option is one line and exit 2", "[cli]") {
    test::TempDir dir;
    const auto r = run({"--fullscreen"}, dir);
    CHECK(r.status == 2);
    CHECK(r.output == "kiosk: unknown option \"--fullscreen\" (see --help)\n");
}

TEST_CASE("kiosk --screenshot writes the slide as a PNG of the asked size", "[cli]") {
    test::TempDir dir;
    const std::string png = (dir.path() / "shot.png").string();
    const auto r = run({"--screenshot", png, "--size", "1080x1920", "--state-dir",
                        (dir.path() / "state").string()},
                       dir);
    INFO(r.output);
    REQUIRE(r.status == 0);
    SDL_Surface* image = IMG_Load(png.c_str());
    REQUIRE(image);
    CHECK(image->w == 1080);
    CHECK(image->h == 1920);
    SDL_FreeSurface(image);
}

TEST_CASE("the counter slide shows its number without the band - every other slide has it",
          "[cli]") {
    test::TempDir dir;
    // The bottom edge of the picture, under the safe area: the band's strip runs there, in the
    // theme's band colour, on every slide that has the band.
    const auto bottom_edge = [&](const std::string& slide) {
        const std::string png = (dir.path() / slide).string() + ".png";
        const auto r = run({"--screenshot", png, "--slide", slide, "--size", "1920x1080",
                            "--state-dir", (dir.path() / "state").string()},
                           dir);
        INFO(r.output);
        REQUIRE(r.status == 0);
        const auto picture = test::load_png(png);
        REQUIRE(picture);
        return picture->rgb[static_cast<size_t>(picture->height - 5) * picture->width + 5];
    };
    constexpr std::uint32_t kBand = 0x07152b, kBackground = 0x0b1f3a;  // config/kiosk.json
    CHECK(bottom_edge("welcome") == kBand);
    CHECK(bottom_edge("signed-so-far") == kBackground);
}

TEST_CASE("kiosk --screenshot of a slide that does not exist says so", "[cli]") {
    test::TempDir dir;
    const auto r = run({"--screenshot", (dir.path() / "x.png").string(), "--slide", "nope"}, dir);
    CHECK(r.status == 1);
    CHECK_THAT(r.output, Catch::Contains("no slide with id \"nope\""));
}

TEST_CASE("with no display it runs headless - writes the screen - and stops on SIGTERM", "[cli]") {
    test::TempDir dir;
    const std::string out = (dir.path() / "output.txt").string();
    const auto state = dir.path() / "state";
    test::Process kiosk(KIOSK_BINARY, {"--state-dir", state.string()}, out,
                        {"DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"});
    REQUIRE(test::eventually([&] { return std::filesystem::exists(state / "screen.png"); }));
    kiosk.signal(SIGTERM);
    CHECK(kiosk.wait() == 0);
    const std::string said = test::read_file(out);
    INFO(said);
    CHECK_THAT(said, Catch::Contains("running headless"));
    SDL_Surface* image = IMG_Load((state / "screen.png").c_str());
    REQUIRE(image);
    CHECK(image->w == 1920);
    SDL_FreeSurface(image);
}

TEST_CASE("kiosk --screenshot waits for the feed and shows its number", "[cli][http]") {
    test::TempDir dir;
    test::HttpServer server;
    server.set_route("/count.json", 200, R"({"result": {"total": 1234}})");
    server.set_silent("/never.json");
    // Takes a screenshot of the counter slide with the counter pointed at `url`; its config and
    // state folder are named after the picture.
    const auto shot = [&](const std::string& name, const std::string& url) {
        const std::string config =
            dir.write(name + ".json", R"({"counter": {"url": ")" + url +
                                          R"(", "pointer": "/result/total", "timeout_s": 1}})");
        const std::string png = (dir.path() / name).string() + ".png";
        const auto r = run({"--config", config, "--state-dir", (dir.path() / name).string(),
                            "--screenshot", png, "--slide", "signed-so-far", "--size", "640x360"},
                           dir);
        INFO(r.output);
        CHECK(r.status == 0);
        return png;
    };

    const auto live = shot("live", server.url("/count.json"));
    CHECK(server.requests().size() == 1);
    // A screenshot reads the running kiosk's state folder but leaves it as it was.
    CHECK_FALSE(std::filesystem::exists(dir.path() / "live" / "counter-cache.json"));
    const auto bundled = shot("bundled", "");
    CHECK(test::differing_pixels(live, bundled) > 100);

    // A feed that never answers holds the picture back by its timeout only, then the bundled
    // value shows.
    const auto silent = shot("silent", server.url("/never.json"));
    CHECK(test::differing_pixels(silent, bundled) == 0);
}

TEST_CASE("headless - each new slide is written once its crossfade has ended", "[cli]") {
    test::TempDir dir;
    dir.write("content/slides.json", R"({"slides": [
        {"id": "one", "duration_s": 1, "en": {"title": "First slide"}},
        {"id": "two", "duration_s": 30, "en": {"title": "Second slide"}}]})");
    const std::string config = dir.write("kiosk.json", R"({"slides": {"transition_s": 0.3}})");
    const auto content = (dir.path() / "content").string();
    const auto state = dir.path() / "state";
    const std::string second = (dir.path() / "two.png").string();
    REQUIRE(run({"--config", config, "--content", content, "--state-dir", state.string(),
                 "--screenshot", second, "--slide", "two"},
                dir)
                .status == 0);

    const std::string out = (dir.path() / "output.txt").string();
    test::Process kiosk(KIOSK_BINARY,
                        {"--config", config, "--content", content, "--state-dir", state.string()},
                        out, {"DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"});
    // The second slide as the screen ends up showing it: exactly the picture of that slide, with
    // nothing of the first one left over from the crossfade.
    const auto shown = (state / "screen.png").string();
    CHECK(test::eventually([&] { return test::differing_pixels(shown, second) == 0; },
                           std::chrono::seconds(10)));
    kiosk.signal(SIGTERM);
    CHECK(kiosk.wait() == 0);
}
