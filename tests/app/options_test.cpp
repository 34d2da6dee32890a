#include "kiosk/app/options.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::app;

TEST_CASE("the fixed command line parses", "[options]") {
    const auto o =
        parse_options({"--config", "c.json", "--content", "dir", "--windowed", "800x600"});
    CHECK(*o.config == "c.json");
    CHECK(*o.content == "dir");
    CHECK(o.windowed);
    CHECK(o.window_size->width == 800);
    CHECK(o.window_size->height == 600);

    const auto shot =
        parse_options({"--screenshot", "out.png", "--slide", "welcome", "--size", "1080x1920"});
    CHECK(*shot.screenshot == "out.png");
    CHECK(*shot.slide == "welcome");
    CHECK(shot.size->height == 1920);

    CHECK(parse_options({"--windowed"}).windowed);
    CHECK_FALSE(parse_options({"--windowed"}).window_size);
    CHECK(parse_options({"--check"}).check);
    CHECK(parse_options({"--help"}).help);
    CHECK(parse_options({"--version"}).version);
}

TEST_CASE("command line mistakes are one clear line", "[options]") {
    CHECK_THROWS_WITH(parse_options({"--bogus"}), "unknown option \"--bogus\" (see --help)");
    CHECK_THROWS_WITH(parse_options({"--config"}), "--config needs a value (see --help)");
    CHECK_THROWS_WITH(parse_options({"--screenshot", "a.png", "--size", "big"}),
                      "--size takes WIDTHxHEIGHT such as 1920x1080, not \"big\"");
    CHECK_THROWS_WITH(parse_options({"--slide", "x"}), "--slide and --size go with --screenshot");
    CHECK_THROWS_WITH(parse_options({"--check", "--screenshot", "a.png"}),
                      "--check, --screenshot and --status go one at a time");
}
