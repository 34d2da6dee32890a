#include "kiosk/app/sources.hpp"

#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"

using namespace kiosk;

namespace {

app::SourcePaths paths_in(const test::TempDir& dir) {
    app::SourcePaths paths;
    paths.config_file = dir.path() / "kiosk.json";
    paths.content_dir = dir.path();
    paths.fonts_dir = KIOSK_SOURCE_DIR "/fonts";
    return paths;
}

const char* kGood =
    R"({"slides": [{"id": "a", "en": {"title": "A"}}, {"id": "b", "en": {"title": "B"}}]})";

}  // namespace

TEST_CASE("with no files at all the built-in slide and defaults show", "[sources]") {
    test::TempDir dir;
    model::Diagnostics diagnostics;
    const auto s = app::load_sources(paths_in(dir), diagnostics);
    CHECK(s.deck_is_builtin);
    REQUIRE(s.deck.slides.size() == 1);
    CHECK_FALSE(s.counter);
    CHECK(s.config.transition == model::Transition::Crossfade);
    REQUIRE(diagnostics.size() == 1);  // the missing slides.json, said once
    CHECK_THAT(diagnostics[0].to_string(),
               Catch::Contains("slides.json:1:1: error: cannot be read"));
}

TEST_CASE("a broken edit keeps the last good version of that file only", "[sources]") {
    test::TempDir dir;
    const auto paths = paths_in(dir);
    dir.write("slides.json", kGood);
    dir.write("kiosk.json", R"({"slides": {"duration_s": 5}})");
    model::Diagnostics diagnostics;
    const auto good = app::load_sources(paths, diagnostics);
    REQUIRE(good.deck.slides.size() == 2);

    dir.write("slides.json", R"({"slides": [{"id": "a", "en": {"title": "A"}},)");  // cut short
    dir.write("kiosk.json", R"({"slides": {"duration_s": 7}})");
    model::Diagnostics again;
    const auto next = app::merge_sources(app::read_sources(paths, again), paths, &good);
    CHECK(app::read_sources(paths, again).deck == std::nullopt);
    CHECK(next.deck.slides.size() == 2);       // kept
    CHECK(next.config.slide_duration_s == 7);  // the good edit applies
    CHECK(model::has_errors(again));
}

TEST_CASE("a config named on the command line must exist", "[sources]") {
    test::TempDir dir;
    auto paths = paths_in(dir);
    paths.config_required = true;
    dir.write("slides.json", kGood);
    model::Diagnostics diagnostics;
    app::load_sources(paths, diagnostics);
    REQUIRE(diagnostics.size() == 1);
    CHECK_THAT(diagnostics[0].to_string(),
               Catch::Contains("kiosk.json:1:1: error: cannot be read"));
}

TEST_CASE("kiosk --state-dir overrides the config", "[sources]") {
    test::TempDir dir;
    auto paths = paths_in(dir);
    dir.write("slides.json", kGood);
    dir.write("kiosk.json", R"({"state_dir": "/somewhere"})");
    paths.state_dir = dir.path() / "state";
    model::Diagnostics diagnostics;
    CHECK(app::load_sources(paths, diagnostics).config.state_dir == dir.path() / "state");
}
