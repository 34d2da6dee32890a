#include "kiosk/model/config.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"

using namespace kiosk::model;

namespace {

struct Loaded {
    std::optional<Config> config;
    Diagnostics diagnostics;
    std::string first() const { return diagnostics.empty() ? "" : diagnostics[0].to_string(); }
};

Loaded load(std::string_view text) {
    static kiosk::test::TempDir dir;
    Loaded loaded;
    loaded.config = parse_config(dir.write("kiosk.json", text), loaded.diagnostics);
    return loaded;
}

}  // namespace

TEST_CASE("an empty config is valid and every key has its default", "[config]") {
    const auto loaded = load("{}");
    REQUIRE(loaded.config);
    CHECK(loaded.diagnostics.empty());
    CHECK(loaded.config->display.fullscreen);
    CHECK(loaded.config->display.rotation == 0);
    CHECK(loaded.config->slide_duration_s == 12);
    CHECK(loaded.config->transition == Transition::Crossfade);
    CHECK(loaded.config->counter.url.empty());
    CHECK(loaded.config->state_dir.empty());  // the layout's own folder is used
}

TEST_CASE("a config with one key changes only that key", "[config]") {
    const auto loaded = load(R"({"display": {"rotation": 90}})");
    REQUIRE(loaded.config);
    CHECK(loaded.config->display.rotation == 90);
    CHECK(loaded.config->display.fullscreen);
}

TEST_CASE("a relative state_dir is taken from the config file's folder", "[config]") {
    const auto loaded = load(R"({"state_dir": "state"})");
    REQUIRE(loaded.config);
    CHECK(loaded.config->state_dir.filename() == "state");
    CHECK(loaded.config->state_dir.is_absolute());
}

TEST_CASE("a full config is read whole", "[config]") {
    const auto loaded = load(R"({
        "display": {"fullscreen": false, "display": 1, "size": "1080x1920", "rotation": 270},
        "slides": {"duration_s": 8, "transition": "cut", "transition_s": 0},
        "theme": {"background": "#000", "text": "#ffffff", "accent": "#ffd166", "scale": 1.2,
                  "counter_band": "top"},
        "counter": {"url": "https://example.org/feed.json", "pointer": "/result/total",
                    "interval_s": 10, "timeout_s": 2, "headers": {"Authorization": "Bearer x"},
                    "allow_decrease": true}
    })");
    INFO(loaded.first());
    REQUIRE(loaded.config);
    const Config& c = *loaded.config;
    CHECK_FALSE(c.display.fullscreen);
    CHECK(c.display.width == 1080);
    CHECK(c.display.height == 1920);
    CHECK(c.display.rotation == 270);
    CHECK(c.transition == Transition::Cut);
    CHECK(c.theme.background == Color{0, 0, 0});
    CHECK(c.theme.band_position == BandPosition::Top);
    CHECK(c.counter.pointer == "/result/total");
    CHECK(c.counter.headers.at("Authorization") == "Bearer x");
    CHECK(c.counter.connect_timeout_s == 2);  // clipped to the total timeout
    CHECK(c.counter.allow_decrease);
}

TEST_CASE("config mistakes are named at their line and column", "[config]") {
    struct Case {
        const char* text;
        const char* expect;
    };
    const Case cases[] = {
        {"{\"display\": {\"rotation\": 45}}",
         "1:26: error: \"rotation\" in display must be 0, 90, 180 or 270"},
        {"{\"display\": {\"size\": \"big\"}}",
         "1:22: error: \"size\" in display must be WIDTHxHEIGHT"},
        {"{\"theme\": {\"text\": \"white\"}}",
         "1:20: error: \"text\" in theme must be a colour like \"#0b1f3a\", not \"white\""},
        {"{\"slides\": {\"transition\": \"wipe\"}}",
         "1:27: error: \"transition\" in slides must be one of \"crossfade\", \"cut\", not "
         "\"wipe\""},
        {"{\"counter\": {\"url\": \"ftp://x/y\"}}",
         "1:21: error: \"url\" in counter must start with http:// or https://"},
        {"{\"counter\": {\"url\": \"file:///etc/passwd\"}}",
         "1:21: error: \"url\" in counter must start with http:// or https://"},
        {"{\"counter\": {\"pointer\": \"result/total\"}}",
         "1:25: error: \"pointer\" in counter is not a JSON Pointer (RFC 6901): it must be empty "
         "or start with '/'"},
        {"{\"counter\": {\"pointer\": \"/a~2\"}}",
         "1:25: error: \"pointer\" in counter is not a JSON Pointer (RFC 6901): it has '~' not "
         "followed by 0 or 1"},
        {"{\"counter\": {\"interval_s\": 0}}",
         "1:28: error: \"interval_s\" in counter must be between 1 and 86400, not 0"},
        {"{\"counter\": {\"timeout_s\": \"5\"}}",
         "1:27: error: \"timeout_s\" in counter must be a number, not a string"},
        {"{\"counter\": {\"max_bytes\": 1.5}}",
         "1:27: error: \"max_bytes\" in counter must be a whole number"},
        {"{\"counter\": {\"headers\": {\"X-Key\": 5}}}",
         "1:35: error: header \"X-Key\" in counter must be"},
        {"{\"counter\": {\"headers\": {\"X-Key\": \"a\\nb\"}}}",
         "1:35: error: header \"X-Key\" in counter must be"},
        {"{\"counter\": {\"ca_file\": \"no-such-ca.pem\"}}",
         "1:25: error: \"ca_file\" in counter: no such file: "},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto loaded = load(c.text);
        CHECK_FALSE(loaded.config);
        CHECK_THAT(loaded.first(), Catch::Contains(std::string("kiosk.json:") + c.expect));
    }
}

TEST_CASE("a relative ca_file is found beside the config file", "[config]") {
    kiosk::test::TempDir dir;
    dir.write("venue-ca.pem", "-----BEGIN CERTIFICATE-----\n");
    Diagnostics diagnostics;
    const auto config = parse_config(
        dir.write("kiosk.json", R"({"counter": {"ca_file": "venue-ca.pem"}})"), diagnostics);
    REQUIRE(config);
    CHECK(config->counter.ca_file == (dir.path() / "venue-ca.pem").string());
}

TEST_CASE("config warnings do not stop the config loading", "[config]") {
    const auto loaded = load("{\"theme\": {\"text\": \"#777777\"},\n \"state_dri\": \"x\"}");
    REQUIRE(loaded.config);
    REQUIRE(loaded.diagnostics.size() == 2);
    CHECK_THAT(loaded.diagnostics[0].to_string(),
               Catch::EndsWith("1:20: warning: contrast of \"text\" on \"background\" is 3.7:1, "
                               "below the 7:1 needed for text read across a hall"));
    CHECK_THAT(
        loaded.diagnostics[1].to_string(),
        Catch::EndsWith(
            "2:2: warning: unknown key \"state_dri\" is ignored; did you mean \"state_dir\"?"));
}

TEST_CASE("without HOME the state folder is the user's home - never a shared temporary one",
          "[config]") {
    const char* home = std::getenv("HOME");
    const std::string saved = home ? home : "";
    unsetenv("HOME");
    unsetenv("XDG_STATE_HOME");
    const auto dir = default_state_dir();
    if (!saved.empty()) setenv("HOME", saved.c_str(), 1);
    CHECK(dir.string().rfind("/tmp", 0) != 0);
    CHECK(dir.empty() == (getpwuid(geteuid()) == nullptr));
}

TEST_CASE("a font is a file name in the fonts folder - its key is where a mistake is said",
          "[config]") {
    const auto loaded = load("{\"theme\": {\n  \"font\": \"../../etc/shadow\"}}");
    CHECK_FALSE(loaded.config);
    CHECK_THAT(loaded.first(),
               Catch::Contains("2:11: error: \"font\" in theme must be a file name"));
    const auto fine = load("{\"theme\": {\n  \"bold_font\": \"Other-Bold.ttf\"}}");
    REQUIRE(fine.config);
    CHECK(fine.config->theme.bold_font == "Other-Bold.ttf");
    CHECK(fine.config->font_pos.bold.line == 2);
    CHECK(fine.config->font_pos.bold.column == 16);
}

TEST_CASE("content settings have their defaults - and their mistakes named at line and column",
          "[config]") {
    const auto empty = load("{}");
    REQUIRE(empty.config);
    CHECK(empty.config->content.url.empty());  // the local folder
    CHECK(empty.config->content.interval_s == 60);
    CHECK(empty.config->content.max_bytes == 20u << 20);
    CHECK(empty.config->content.max_total_bytes == 200u << 20);

    struct Case {
        const char* text;
        const char* expect;
    };
    const Case cases[] = {
        {"{\"content\": {\"url\": \"ftp://x/slides.json\"}}",
         "1:21: error: \"url\" in content must start with http:// or https://"},
        {"{\"content\": {\"interval_s\": 0}}",
         "1:28: error: \"interval_s\" in content must be between 1 and 86400, not 0"},
        {"{\"content\": {\"max_bytes\": 1099511627776}}",
         "1:27: error: \"max_bytes\" in content must be a whole number from 64 to 67108864"},
        {"{\"content\": {\"max_total_bytes\": 5}}",
         "1:33: error: \"max_total_bytes\" in content must be a whole number from 1024 to "
         "1073741824"},
        {"{\"content\": {\"headers\": {\"X-Key\": \"a\\nb\"}}}",
         "1:35: error: header \"X-Key\" in content must be"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto loaded = load(c.text);
        CHECK_FALSE(loaded.config);
        CHECK_THAT(loaded.first(), Catch::Contains(std::string("kiosk.json:") + c.expect));
    }
}
