// The real program, run as an operator runs it.

#include <SDL_image.h>

#include <catch2/catch.hpp>

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
