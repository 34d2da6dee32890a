#include "kiosk/model/deck.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"

using namespace kiosk::model;

namespace {

struct Loaded {
    std::optional<Deck> deck;
    Diagnostics diagnostics;
    std::string all() const {
        std::string out;
        for (const auto& d : diagnostics) out += d.to_string() + "\n";
        return out;
    }
};

Loaded load(std::string_view text) {
    static kiosk::test::TempDir dir;
    Loaded loaded;
    loaded.deck = parse_deck(dir.write("slides.json", text), loaded.diagnostics);
    return loaded;
}

}  // namespace

TEST_CASE("a valid deck loads with its defaults", "[deck]") {
    const auto loaded = load(R"({"slides": [
        {"id": "a", "vi": {"title": "Xin chào"}},
        {"id": "b", "layout": "quote", "duration_s": 5, "en": {"body": "x", "attribution": "y"}},
        {"id": "c", "enabled": false, "en": {"title": "hidden"}}
    ]})");
    INFO(loaded.all());
    REQUIRE(loaded.deck);
    CHECK(loaded.diagnostics.empty());
    REQUIRE(loaded.deck->slides.size() == 2);
    CHECK(loaded.deck->slides[0].layout == Layout::Text);
    CHECK_FALSE(loaded.deck->slides[0].duration_s);
    CHECK_FALSE(loaded.deck->slides[0].en);
    CHECK(loaded.deck->slides[1].layout == Layout::Quote);
    CHECK(*loaded.deck->slides[1].duration_s == 5);
    CHECK(loaded.deck->find("c") == nullptr);
}

TEST_CASE("paragraphs split at blank lines - single newlines join", "[deck]") {
    SlideText text{"", "one\ntwo  \n\n  \nthree\n", ""};
    CHECK(text.paragraphs() == std::vector<std::string>{"one two", "three"});
}

TEST_CASE("every deck mistake is reported at its line and column", "[deck]") {
    struct Case {
        const char* text;
        const char* expect;  // the whole FILE-less diagnostic: LINE:COL: severity: message
    };
    const Case cases[] = {
        {"{\"slides\": {}}", "1:12: error: \"slides\" must be an array, not an object"},
        {"{}", "1:1: error: \"slides\" is missing"},
        {"{\"slides\": []}", "1:12: error: no enabled slide"},
        {"{\"slides\": [\n 3]}", "2:2: error: slide 1 must be an object { … }, not a number"},
        {"{\"slides\": [{\"vi\": {\"title\": \"a\"}}]}",
         "1:13: error: \"id\" in slide 1 is missing"},
        {"{\"slides\": [{\"id\": \"A b\", \"en\": {\"title\": \"a\"}}]}",
         "1:20: error: \"id\" \"A b\" may hold only a-z, 0-9, '-' and '_'"},
        {"{\"slides\": [{\"id\": \"a\", \"en\": {\"title\": \"a\"}},\n{\"id\": \"a\", \"en\": "
         "{\"title\": \"b\"}}]}",
         "2:8: error: \"id\" \"a\" is used by an earlier slide"},
        {"{\"slides\": [{\"id\": \"a\"}]}", "1:13: error: slide \"a\" needs \"vi\" or \"en\" text"},
        {"{\"slides\": [{\"id\": \"a\", \"layout\": \"poster\", \"en\": {\"title\": \"a\"}}]}",
         "1:35: error: \"layout\" in slide \"a\" must be one of \"title\", \"text\", \"facts\", "
         "\"quote\", \"counter\", \"image\", \"chart\", not \"poster\""},
        {"{\"slides\": [{\"id\": \"a\", \"duration_s\": 0, \"en\": {\"title\": \"a\"}}]}",
         "1:39: error: \"duration_s\" in slide \"a\" must be between 1 and 3600, not 0"},
        {"{\"slides\": [{\"id\": \"a\", \"duration_s\": \"10\", \"en\": {\"title\": \"a\"}}]}",
         "1:39: error: \"duration_s\" in slide \"a\" must be a number, not a string"},
        {"{\"slides\": [{\"id\": \"a\", \"en\": {}}]}",
         "1:31: error: \"en\" of slide \"a\" needs a \"title\" or a \"body\""},
        {"{\"slides\": [{\"id\": \"a\", \"en\": {\"title\": 5}}]}",
         "1:41: error: \"title\" in \"en\" of slide \"a\" must be a string, not a number"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto loaded = load(c.text);
        INFO(loaded.all());
        CHECK_FALSE(loaded.deck);
        REQUIRE_FALSE(loaded.diagnostics.empty());
        const std::string first = loaded.diagnostics.front().to_string();
        CHECK_THAT(first, Catch::Contains(std::string("slides.json:") + c.expect));
    }
}

TEST_CASE("an unknown key is a warning with a suggestion - and the deck still loads", "[deck]") {
    const auto loaded = load(
        "{\"slides\": [{\"id\": \"a\",\n  \"durations\": 3, \"en\": {\"titel\": \"x\", \"body\": "
        "\"b\"}}]}");
    REQUIRE(loaded.deck);
    REQUIRE(loaded.diagnostics.size() == 2);
    CHECK_THAT(loaded.diagnostics[0].to_string(),
               Catch::EndsWith("slides.json:2:3: warning: unknown key \"durations\" in slide \"a\" "
                               "is ignored; did you mean \"duration_s\"?"));
    CHECK_THAT(loaded.diagnostics[1].to_string(),
               Catch::EndsWith("2:26: warning: unknown key \"titel\" in \"en\" of slide \"a\" is "
                               "ignored; did you mean \"title\"?"));
}

TEST_CASE("a missing or unreadable file is one clear error", "[deck]") {
    Diagnostics diagnostics;
    CHECK_FALSE(parse_deck("/nonexistent/slides.json", diagnostics));
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].to_string() ==
          "/nonexistent/slides.json:1:1: error: cannot be read: No such file or directory");
}

TEST_CASE("text that is not UTF-8 is pointed at", "[deck]") {
    const auto loaded = load("{\"slides\": [{\"id\": \"a\",\n \"en\": {\"title\": \"caf\xE9\"}}]}");
    REQUIRE_FALSE(loaded.deck);
    CHECK_THAT(loaded.diagnostics[0].to_string(),
               Catch::EndsWith("2:22: error: not valid UTF-8 (save the file as UTF-8)"));
}

TEST_CASE("the built-in deck is there when nothing else is", "[deck]") {
    const Deck deck = builtin_deck();
    REQUIRE(deck.slides.size() == 1);
    CHECK(deck.slides[0].vi);
    CHECK(deck.slides[0].en);
}

TEST_CASE("a slide with nothing to show is an error - not a blank screen", "[deck]") {
    struct Case {
        const char* text;
        const char* says;
    };
    const Case cases[] = {
        {R"({"slides": [{"id": "q", "layout": "quote", "en": {"body": " "}}]})",
         "is a quote: its \"body\" (the quotation) has no text"},
        {R"({"slides": [{"id": "q", "layout": "quote", "en": {"title": "Said"}}]})",
         "is a quote: its \"body\" (the quotation) has no text"},
        {R"({"slides": [{"id": "e", "vi": {"title": "", "body": "\n\n  "}}]})",
         "\"vi\" of slide \"e\" has no text"},
        {R"({"slides": [{"id": "e", "en": {"title": " ", "attribution": "x"}}]})",
         "\"en\" of slide \"e\" has no text"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto loaded = load(c.text);
        INFO(loaded.all());
        CHECK_FALSE(loaded.deck);
        CHECK_THAT(loaded.all(), Catch::Contains(c.says));
    }
}

TEST_CASE("a deck and its strings have written limits", "[deck]") {
    std::string many = R"({"slides": [)";
    for (int i = 0; i < 201; ++i)
        many += std::string(i ? "," : "") + R"({"id": "s)" + std::to_string(i) +
                R"(", "en": {"title": "x"}})";
    const auto too_many = load(many + "]}");
    CHECK_FALSE(too_many.deck);
    CHECK_THAT(too_many.all(), Catch::Contains("holds 201 slides; at most 200 are read"));

    const std::string title(301, 'x');
    const auto too_long = load(R"({"slides": [{"id": "a", "en": {"title": ")" + title + "\"}}]}");
    CHECK_FALSE(too_long.deck);
    CHECK_THAT(too_long.all(), Catch::Contains("1:41: error: \"title\" in \"en\" of slide \"a\" is "
                                               "301 characters long; at most 300 are read"));
}

TEST_CASE("a file too large to be a deck is refused unread", "[deck]") {
    kiosk::test::TempDir dir;
    const std::string big = dir.write("slides.json", "[" + std::string(2 << 20, ' ') + "]");
    Diagnostics diagnostics;
    CHECK_FALSE(parse_deck(big, diagnostics));
    REQUIRE(diagnostics.size() == 1);
    CHECK_THAT(diagnostics[0].to_string(),
               Catch::EndsWith("1:1: error: is 2097154 bytes; files larger than 1048576 bytes "
                               "are not read"));
}

TEST_CASE("a FIFO where the deck should be is an error - not a hang", "[deck]") {
    kiosk::test::TempDir dir;
    const auto fifo = (dir.path() / "slides.json").string();
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    Diagnostics diagnostics;
    CHECK_FALSE(parse_deck(fifo, diagnostics));
    REQUIRE(diagnostics.size() == 1);
    CHECK_THAT(diagnostics[0].to_string(), Catch::EndsWith("1:1: error: is not a regular file"));
}

TEST_CASE("a file of a thousand mistakes says the first fifty and counts the rest", "[deck]") {
    std::string text = R"({"slides": [{"id": "a", "en": {"title": "x"})";
    for (int i = 0; i < 1000; ++i) text += ", \"unknown" + std::to_string(i) + "\": 1";
    const auto loaded = load(text + "}]}");
    REQUIRE(loaded.deck);
    REQUIRE(loaded.diagnostics.size() == 51);
    CHECK_THAT(loaded.diagnostics.back().message,
               Catch::Equals("and 950 more problems in this file"));
}

TEST_CASE("images - charts and QR codes are read with their limits", "[deck]") {
    kiosk::test::TempDir dir;
    std::string header(
        "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x07\x80\x00\x00\x04\x38"
        "\x08\x06\x00\x00\x00",
        29);
    dir.write("photos/hall.png", header);
    const std::string file = dir.write("slides.json", R"({"slides": [
        {"id": "hall", "layout": "image", "image": {"file": "photos/hall.png", "fit": "contain"},
         "en": {"title": "The main hall"}},
        {"id": "regions", "layout": "chart", "qr": "https://www.unodc.org/cybercrime",
         "en": {"title": "Signatories by region"},
         "bars": [{"vi": "Châu Phi", "en": "Africa", "value": 21}, {"en": "Asia-Pacific", "value": 19}]}
    ]})");
    Diagnostics diagnostics;
    const auto deck = parse_deck(file, diagnostics);
    INFO((diagnostics.empty() ? "" : diagnostics[0].to_string()));
    REQUIRE(deck);
    CHECK(diagnostics.empty());
    const auto& hall = deck->slides[0];
    REQUIRE(hall.image);
    CHECK(hall.image->fit == ImageFit::Contain);
    REQUIRE(hall.image->header);
    CHECK(hall.image->header->width == 1920);
    CHECK(hall.image->path == dir.path() / "photos/hall.png");
    CHECK(deck->image_files() == std::vector<std::string>{"photos/hall.png"});
    const auto& regions = deck->slides[1];
    CHECK(regions.layout == Layout::Chart);
    REQUIRE(regions.bars.size() == 2);
    CHECK(regions.bars[0].label.vi == "Châu Phi");
    CHECK(regions.bars[1].value == 19);
    CHECK(regions.qr == "https://www.unodc.org/cybercrime");
}

TEST_CASE("an image that cannot be shown is said at its reference - the slide stays", "[deck]") {
    kiosk::test::TempDir dir;
    const std::string file = dir.write("slides.json", R"json({"slides": [
        {"id": "a", "layout": "text", "image": {"file": "gone.jpg"}, "en": {"title": "A"}},
        {"id": "b", "layout": "image", "image": {"file": "../../etc/passwd.png"}},
        {"id": "c", "layout": "image", "image": {"file": "gone.png"}},
        {"id": "d", "layout": "chart", "en": {"title": "No bars"}},
        {"id": "e", "qr": "javascript:alert(1)", "en": {"title": "E"}}
    ]})json");
    Diagnostics diagnostics;
    parse_deck(file, diagnostics);
    std::string all;
    for (const auto& d : diagnostics) all += d.to_string() + "\n";
    INFO(all);
    CHECK_THAT(all, Catch::Contains("2:57: warning: image \"gone.jpg\" cannot be read: No such "
                                    "file or directory; the slide shows without it"));
    CHECK_THAT(all, Catch::Contains("3:58: error: \"file\" \"../../etc/passwd.png\" must name"));
    CHECK_THAT(all, Catch::Contains("slide \"c\" has nothing to show without its image and is "
                                    "left out"));
    CHECK_THAT(all, Catch::Contains("slide \"d\" is a chart: it needs \"bars\""));
    CHECK_THAT(all, Catch::Contains("\"qr\" must be an http:// or https:// address"));
}
