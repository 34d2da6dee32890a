#include "kiosk/app/check.hpp"

#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"

using namespace kiosk;

namespace {

struct CheckRun {
    int status;
    std::string output;
};

CheckRun check(const app::SourcePaths& paths) {
    test::TempDir out_dir;
    const auto file = out_dir.path() / "out.txt";
    std::FILE* out = std::fopen(file.c_str(), "w");
    const int status = app::run_check(paths, out);
    std::fclose(out);
    std::ifstream in(file);
    return {status,
            std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())};
}

app::SourcePaths bundled() {
    app::SourcePaths paths;
    paths.config_file = KIOSK_SOURCE_DIR "/config/kiosk.json";
    paths.content_dir = KIOSK_SOURCE_DIR "/content";
    paths.fonts_dir = KIOSK_SOURCE_DIR "/fonts";
    return paths;
}

}  // namespace

TEST_CASE("the bundled content passes --check cleanly", "[check]") {
    const auto run = check(bundled());
    INFO(run.output);
    CHECK(run.status == 0);
    CHECK_THAT(run.output, Catch::Contains("are clean"));
}

TEST_CASE("kiosk --check reports every problem - one line each - and fails on errors", "[check]") {
    test::TempDir dir;
    auto paths = bundled();
    paths.content_dir = dir.path();
    paths.config_file = dir.write("kiosk.json", "{\"theme\": {\"scale\": 1.5},\n \"slidez\": {}}");
    std::string long_body;
    for (int i = 0; i < 40; ++i) long_body += "Công ước Hà Nội về chống tội phạm mạng. ";
    dir.write("slides.json",
              "{\"slides\": [\n  {\"id\": \"long\", \"en\": {\"body\": \"" + long_body +
                  "\"}},\n  {\"id\": \"symbol\", \"en\": {\"title\": "
                  "\"a\xF4\x8F\xBF\xBD\xE2\x80\x8D\xF4\x8F\xBF\xBC\xF4\x8F\xBF\xBD\"}}]}");
    dir.write("counter.json", R"({"value": "72", "as_of": "2025-10-26", "label": {"en": "x"}})");
    const auto run = check(paths);
    INFO(run.output);
    CHECK(run.status == 1);
    CHECK_THAT(run.output, Catch::Contains("kiosk.json:2:2: warning: unknown key \"slidez\" is "
                                           "ignored; did you mean \"slides\"?"));
    CHECK_THAT(run.output, Catch::Contains("slides.json:2:3: warning: slide \"long\": en body is "
                                           "too long and is cut at 1280x720"));
    CHECK_THAT(
        run.output,
        Catch::Contains(
            "slides.json:3:3: warning: slide \"symbol\": en title: no font has U+10FFFD U+10FFFC; "
            "they show as boxes"));
    CHECK_THAT(
        run.output,
        Catch::Contains("counter.json:1:11: error: \"value\" must be a number, not a string"));
    // One line a problem, each naming its file.
    std::istringstream lines(run.output);
    for (std::string line; std::getline(lines, line);)
        CHECK_THAT(line, Catch::Matches(".+\\.json:[0-9]+:[0-9]+: (error|warning): .+"));
}

TEST_CASE("kiosk --check says what the audience would see - one line each - at its slide",
          "[check]") {
    test::TempDir dir;
    auto paths = bundled();
    paths.content_dir = dir.path();
    const std::string sentence =
        "Bộ trưởng Bộ Công an Lương Tam Quang ký Công ước thay mặt Việt Nam. ";
    std::string dense, title, crowded;
    for (int i = 0; i < 9; ++i) dense += sentence;
    for (int i = 0; i < 4; ++i) title += sentence;  // within the 300 characters a title may have
    for (int i = 0; i < 40; ++i) crowded += sentence;
    std::string word;
    while (word.size() < 160) word += "Cybercrime";
    dir.write("slides.json",
              "{\"slides\": [\n  {\"id\": \"dense\", \"vi\": {\"title\": \"Dày\", "
              "\"body\": \"" +
                  dense +
                  "\"}},\n  {\"id\": \"word\", \"en\": "
                  "{\"body\": \"" +
                  word +
                  "\"}},\n  {\"id\": \"crowded\", \"vi\": "
                  "{\"title\": \"" +
                  title + "\", \"body\": \"" + crowded + "\"}}]}");
    const auto run = check(paths);
    INFO(run.output);
    CHECK(run.status == 0);  // warnings: the kiosk still shows something
    CHECK_THAT(run.output, Catch::Contains("slides.json:2:3: warning: slide \"dense\": vi body is "
                                           "shrunk to the minimum size, 40 px, at 1080x1920"));
    CHECK_THAT(run.output, Catch::Contains("slides.json:3:3: warning: slide \"word\": en body has "
                                           "a word too long for its line, cut mid-word at "
                                           "1280x720"));
    CHECK_THAT(run.output,
               Catch::Contains("slides.json:4:3: warning: slide \"crowded\": vi body is "
                               "too long and is cut at 1920x1080"));
    CHECK_THAT(run.output, Catch::Contains("slides.json:4:3: warning: slide \"crowded\": vi title "
                                           "would not be larger than its body (40 px) at "
                                           "1920x1080"));
    std::istringstream lines(run.output);
    for (std::string line; std::getline(lines, line);)
        CHECK_THAT(line, Catch::Matches(".+\\.json:[0-9]+:[0-9]+: (error|warning): .+"));
}

TEST_CASE("kiosk --check: a slide with nothing to show is an error at its position", "[check]") {
    test::TempDir dir;
    auto paths = bundled();
    paths.content_dir = dir.path();
    dir.write("slides.json",
              "{\"slides\": [\n  {\"id\": \"blank\", \"en\": {\"title\": \"  \"}}]}");
    const auto run = check(paths);
    INFO(run.output);
    CHECK(run.status == 1);
    CHECK_THAT(run.output, Catch::Contains("slides.json:2:25: error: \"en\" of slide \"blank\" has "
                                           "no text: its \"title\" and \"body\" are empty"));
}
