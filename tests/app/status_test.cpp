#include "kiosk/app/status.hpp"

#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"

using namespace kiosk;

namespace {
app::Status sample() {
    app::Status s;
    s.screen = "showing";
    s.slide = "welcome";
    s.driver = "kmsdrm";
    s.width = 1920;
    s.height = 1080;
    s.renderer = "opengles2";
    s.counter = "live";
    s.counter_value = 81;
    s.counter_as_of = 1761500000;
    s.content = "/etc/kiosk/content/slides.json";
    s.content_since = 1761400000;
    s.errors = {"slides.json:3:9: error: \"title\" must be a string\nforged"};
    s.started = 1761300000;
    s.pid = 812;
    s.version = "0.2.0";
    return s;
}
}  // namespace

TEST_CASE("status.json says everything an operator checks - and reads back", "[status]") {
    const std::string json = app::status_json(sample());
    const auto back = app::parse_status(json);
    REQUIRE(back);
    CHECK(*back == sample());
    CHECK_THAT(json, Catch::Contains("\"driver\": \"kmsdrm\""));
}

TEST_CASE("kiosk --status prints it for a person - one line a fact", "[status]") {
    test::TempDir dir;
    dir.write("status.json", app::status_json(sample()));
    char* text = nullptr;
    size_t size = 0;
    FILE* out = open_memstream(&text, &size);
    CHECK(app::print_status(dir.path(), out, 1761300000 + 3 * 3600 + 12 * 60) == 0);
    std::fclose(out);
    const std::string printed(text, size);
    std::free(text);
    CHECK_THAT(printed, Catch::Contains("kiosk 0.2.0, process 812, up 3 h 12 min"));
    CHECK_THAT(printed,
               Catch::Contains("screen:  showing \"welcome\" on kmsdrm 1920x1080, opengles2"));
    CHECK_THAT(printed, Catch::Contains("counter: live, showing 81"));
    CHECK_THAT(printed, Catch::Contains("content: /etc/kiosk/content/slides.json"));
    // An error holding a newline stays one line.
    CHECK_THAT(printed, Catch::Contains("must be a string\\nforged"));
}

TEST_CASE("kiosk --status without a running kiosk says where it looked", "[status]") {
    test::TempDir dir;
    char* text = nullptr;
    size_t size = 0;
    FILE* out = open_memstream(&text, &size);
    CHECK(app::print_status(dir.path(), out, 0) == 1);
    std::fclose(out);
    const std::string printed(text, size);
    std::free(text);
    CHECK_THAT(printed, Catch::Contains("status.json cannot be read"));
}
