// Remote content against a real HTTP server on 127.0.0.1: a deck is fetched whole, checked
// whole and switched in whole, or the one on screen stays entirely.

#include "kiosk/feed/content_feed.hpp"

#include <catch2/catch.hpp>

#include "kiosk/state/deck_store.hpp"
#include "support/http_server.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace kiosk;

namespace {

std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}

// A PNG's signature and header (what the kiosk reads before decoding), and some bytes after.
std::string png(std::uint32_t w, std::uint32_t h, size_t bytes = 2000) {
    std::string b = std::string("\x89PNG\r\n\x1a\n", 8) + be32(13) + "IHDR" + be32(w) + be32(h) +
                    std::string("\x08\x06\x00\x00\x00", 5);
    b.resize(bytes, 'p');
    return b;
}

std::string deck_naming(const std::string& title, const std::string& image) {
    return R"({"slides": [{"id": "hall", "layout": "image", "image": {"file": ")" + image +
           R"("}, "en": {"title": ")" + title + R"("}},
              {"id": "text", "en": {"title": "Text"}}]})";
}

struct Rig {
    test::HttpServer server;
    test::TempDir state;
    feed::HttpClient client;
    feed::ContentFeed::Lines log;
    model::ContentConfig config, feed_config;
    std::unique_ptr<feed::ContentFeed> feed;

    Rig() {
        config.url = server.url("/venue/slides.json");
        config.timeout_s = 2;
    }
    // One poll of one feed (a new one when the settings changed), as its poller would make it;
    // whether a new version was switched in.
    bool poll(bool* good = nullptr) {
        if (!feed || feed_config != config) {
            feed = std::make_unique<feed::ContentFeed>(config, state.path());
            feed_config = config;
        }
        bool switched = false;
        const bool answered = feed->poll_once(client, log, switched);
        if (good) *good = answered;
        return switched;
    }
    std::optional<state::DeckStore::Generation> current() const {
        return state::DeckStore(state.path()).current();
    }
    std::string shown(const std::string& file) const {
        const auto c = current();
        return c ? test::read_file((c->dir / file).string()) : "";
    }
    std::string logged() const {
        std::string all;
        for (const auto& l : log) all += l + "\n";
        return all;
    }
};

}  // namespace

TEST_CASE("a deck with its images is fetched whole - then replaced whole", "[content][http]") {
    Rig rig;
    rig.server.set_route("/venue/slides.json", 200, deck_naming("Main hall", "img/hall.png"));
    rig.server.set_route("/venue/img/hall.png", 200, png(1920, 1080));
    REQUIRE(rig.poll());
    INFO(rig.logged());
    CHECK_THAT(rig.shown("slides.json"), Catch::Contains("Main hall"));
    CHECK(rig.shown("img/hall.png") == png(1920, 1080));
    CHECK_FALSE(std::filesystem::exists(rig.current()->dir / "counter.json"));  // it had none
    const auto first = rig.current()->dir;

    rig.server.set_route("/venue/slides.json", 200, deck_naming("Press room", "img/press.png"));
    rig.server.set_route("/venue/img/press.png", 200, png(1280, 720));
    rig.server.set_route("/venue/counter.json", 200,
                         R"({"value": 80, "as_of": "2025-10-27", "label": {"en": "signed"}})");
    REQUIRE(rig.poll());
    CHECK_THAT(rig.shown("slides.json"), Catch::Contains("Press room"));
    CHECK(rig.shown("img/press.png") == png(1280, 720));
    CHECK_THAT(rig.shown("counter.json"), Catch::Contains("\"value\": 80"));
    CHECK_FALSE(std::filesystem::exists(rig.current()->dir / "img/hall.png"));
    // The previous version stays until the next switch: the screen may still draw from it.
    CHECK(std::filesystem::exists(first / "img/hall.png"));
    CHECK_THAT(rig.logged(), Catch::Contains("a new version, 2 slides and 1 image ("));
}

TEST_CASE("a new version whose image is missing leaves the old deck entirely", "[content][http]") {
    Rig rig;
    rig.server.set_route("/venue/slides.json", 200, deck_naming("Main hall", "hall.png"));
    rig.server.set_route("/venue/hall.png", 200, png(1920, 1080));
    REQUIRE(rig.poll());
    rig.server.set_route("/venue/slides.json", 200, deck_naming("Press room", "press.png"));
    bool good = true;
    CHECK_FALSE(rig.poll(&good));
    CHECK_FALSE(good);
    CHECK_THAT(rig.shown("slides.json"), Catch::Contains("Main hall"));
    CHECK(rig.shown("hall.png") == png(1920, 1080));
    CHECK_THAT(rig.logged(), Catch::Contains(rig.server.url("/venue/press.png") + ": HTTP 404") &&
                                 Catch::Contains("keeping what is on screen"));
    // Nothing half-fetched is left behind.
    int folders = 0;
    for (const auto& e : std::filesystem::directory_iterator(rig.state.path() / "content"))
        folders += e.path().filename().string().rfind("gen-", 0) == 0;
    CHECK(folders == 1);
}

TEST_CASE("an unchanged deck costs a 304 a file and is not switched again", "[content][http]") {
    Rig rig;
    rig.server.set_route("/venue/slides.json", 200, deck_naming("Main hall", "hall.png"),
                         {{"ETag", "\"s1\""}});
    rig.server.set_route("/venue/hall.png", 200, png(1920, 1080), {{"ETag", "\"i1\""}});
    REQUIRE(rig.poll());
    const auto dir = rig.current()->dir;
    bool good = false;
    CHECK_FALSE(rig.poll(&good));
    CHECK(good);
    CHECK(rig.current()->dir == dir);
    CHECK(rig.server.answered(304) >= 2);  // slides.json and the image
    CHECK(rig.log.size() == 1);            // the first version's line only
    // A changed image alone is a new version; the unchanged slides.json is not fetched again.
    rig.server.set_route("/venue/hall.png", 200, png(1920, 1200), {{"ETag", "\"i2\""}});
    CHECK(rig.poll());
    CHECK(rig.shown("hall.png") == png(1920, 1200));
}

TEST_CASE("a deck over the size cap is refused - said once", "[content][http]") {
    Rig rig;
    rig.config.max_total_bytes = 100 * 1024;
    rig.server.set_route("/venue/slides.json", 200, deck_naming("Big", "big.png"));
    rig.server.set_route("/venue/big.png", 200, png(4000, 3000, 200 * 1024));
    CHECK_FALSE(rig.poll());
    CHECK_FALSE(rig.poll());
    CHECK_FALSE(rig.current());
    CHECK(rig.log.size() == 1);
    CHECK_THAT(rig.logged(), Catch::Contains("(content.max_total_bytes)"));
    rig.config.max_bytes = 64 * 1024;  // and one file over the per-file cap
    rig.config.max_total_bytes = 1 << 30;
    rig.log.clear();
    CHECK_FALSE(rig.poll());
    CHECK_THAT(rig.logged(), Catch::Contains("(content.max_bytes)"));
}

TEST_CASE("a slides.json with a mistake is said at the URL's line and column", "[content][http]") {
    Rig rig;
    rig.server.set_route("/venue/slides.json", 200,
                         "{\"slides\": [\n  {\"id\": \"a\" \"en\": {}}]}");
    CHECK_FALSE(rig.poll());
    CHECK_THAT(rig.logged(), Catch::StartsWith(rig.server.url("/venue/slides.json") +
                                               ":2:14: error: expected ',' or '}'"));
}

TEST_CASE("an image whose header claims 100000x100000 is fetched but never shown",
          "[content][http]") {
    Rig rig;
    rig.server.set_route("/venue/slides.json", 200,
                         R"({"slides": [{"id": "t", "layout": "text", "image": {"file": "huge.png"},
                             "en": {"title": "Text beside a picture"}}]})");
    rig.server.set_route("/venue/huge.png", 200, png(100000, 100000));
    REQUIRE(rig.poll());
    CHECK_THAT(rig.logged(), Catch::Contains(rig.server.url("/venue/slides.json") + ":1:") &&
                                 Catch::Contains("100000x100000 pixels") &&
                                 Catch::Contains("the slide shows without it"));
}

TEST_CASE("a deck kept from another URL is not this URL's", "[content][http]") {
    Rig rig;
    rig.server.set_route("/venue/slides.json", 200, deck_naming("Main hall", "hall.png"));
    rig.server.set_route("/venue/hall.png", 200, png(1920, 1080));
    REQUIRE(rig.poll());
    const std::string source = rig.current()->manifest.source;
    rig.config.url = rig.server.url("/other/slides.json");
    rig.server.set_route("/other/slides.json", 200,
                         R"({"slides": [{"id": "o", "en": {"title": "Other"}}]})");
    REQUIRE(rig.poll());
    CHECK(rig.current()->manifest.source != source);
    CHECK_THAT(rig.shown("slides.json"), Catch::Contains("Other"));
}
