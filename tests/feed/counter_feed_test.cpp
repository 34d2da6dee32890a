// The feed against a real HTTP server on 127.0.0.1: each case asserts what the screen would show,
// the number and whether it is live, stale or bundled.

#include "kiosk/feed/counter_feed.hpp"

#include <algorithm>
#include <ctime>

#include <catch2/catch.hpp>

#include "feed/feed_fixtures.hpp"
#include "support/http_server.hpp"
#include "support/temp_dir.hpp"

using namespace kiosk;
using feed::Freshness;
using Clock = std::chrono::steady_clock;

namespace {

struct Shown {
    Freshness freshness;
    std::uint64_t value;
    bool operator==(const Shown&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Shown& s) {
    const char* names[] = {"live", "stale", "bundled"};
    return out << names[static_cast<int>(s.freshness)] << " " << s.value;
}

// A feed polled by hand: `poll(feed)` is one request, as the poller's thread would make it.
struct Rig {
    test::HttpServer server;
    test::TempDir state;
    feed::HttpClient client;
    feed::CounterFeed::Lines log;

    feed::CounterFeed make(model::CounterFeedConfig config) {
        return feed::CounterFeed(std::move(config), test::bundled_content(), state.path(), true,
                                 log);
    }
    feed::CounterFeed make(const std::string& path = "/feed.json") {
        return make(test::feed_config(server.url(path)));
    }
    bool poll(feed::CounterFeed& feed) { return feed.poll_once(client, Clock::now(), log); }

    static Shown shown(const feed::CounterFeed& feed, Clock::time_point at = Clock::now()) {
        const auto s = feed.report(at).state;
        return {s.freshness, s.value};
    }
    // The screen after one poll of an answer with this status and body.
    Shown after_answer(int status, const std::string& body) {
        server.set_route("/feed.json", status, body);
        auto feed = make();
        poll(feed);
        return shown(feed);
    }
    std::optional<feed::CachedCounter> cache(const model::CounterFeedConfig& config) const {
        return feed::load_counter_cache(state.path(), {config.url, config.pointer},
                                        std::time(nullptr), nullptr);
    }
    std::string logged() const {
        std::string all;
        for (const auto& line : log) all += line + "\n";
        return all;
    }
};

}  // namespace

TEST_CASE("a good answer shows live - and is kept for a restart", "[feed][http]") {
    Rig rig;
    CHECK(rig.after_answer(200, test::feed_body("81")) == Shown{Freshness::Live, 81});
    const auto cache = rig.cache(test::feed_config(rig.server.url("/feed.json")));
    REQUIRE(cache);
    CHECK(cache->value == 81u);
}

TEST_CASE("answers that hold no usable number leave the bundled value", "[feed][http]") {
    struct Case {
        int status;
        std::string body, logged;
    };
    const Case cases[] = {
        {404, R"({"error": "not found"})", "HTTP 404"},
        {500, "oops", "HTTP 500"},
        {200, "{\"result\": ", "answer is not JSON"},
        {200, R"({"result": {"signatures": 81}})",
         "answer has nothing at /result/signatories/total"},
        {200, test::feed_body(R"("eighty-one")"), "not a whole number written in digits"},
        {200, test::feed_body("{\"n\": 81}"), "is an object, not a number"},
        {200, test::feed_body("-81"), "negative"},
        {200, test::feed_body("81.5"), "not a whole number"},
        {200, test::feed_body("99999999999999999999"), "implausibly large"},
        {200, R"({"x": 1e400, "result": {"signatories": {"total": 81}}})", "too large for JSON"},
        {200, std::string(5000, '[') + std::string(5000, ']'), "nests deeper than 64"},
    };
    for (const auto& c : cases) {
        INFO(c.status << " " << c.body);
        Rig rig;
        CHECK(rig.after_answer(c.status, c.body) == Shown{Freshness::Bundled, 72});
        CHECK_THAT(rig.logged(),
                   Catch::Contains(c.logged) && Catch::Contains(rig.server.url("/feed.json")));
        CHECK_FALSE(std::filesystem::exists(feed::counter_cache_file(rig.state.path())));
    }
}

TEST_CASE("after a good answer - a bad one keeps the number - live until two intervals pass",
          "[feed][http]") {
    Rig rig;
    rig.server.set_route("/feed.json", 200, test::feed_body("81"));
    auto config = test::feed_config(rig.server.url("/feed.json"));
    auto feed = rig.make(config);
    rig.poll(feed);
    rig.server.set_route("/feed.json", 500, "down");
    rig.poll(feed);
    CHECK(Rig::shown(feed) == Shown{Freshness::Live, 81});
    CHECK(Rig::shown(feed, Clock::now() + std::chrono::seconds(61)) == Shown{Freshness::Stale, 81});
}

TEST_CASE("a server that accepts and never answers costs one timeout - then the bundled value",
          "[feed][http]") {
    Rig rig;
    rig.server.set_silent("/feed.json");
    auto config = test::feed_config(rig.server.url("/feed.json"));
    config.timeout_s = 0.5;
    auto feed = rig.make(config);
    const auto start = Clock::now();
    rig.poll(feed);
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    CHECK(took.count() >= 450);
    CHECK(took.count() < 3000);
    CHECK(Rig::shown(feed) == Shown{Freshness::Bundled, 72});
    CHECK_THAT(rig.logged(), Catch::Contains("no complete answer within 500 ms"));
}

TEST_CASE("an answer larger than the cap is an error - declared or not", "[feed][http]") {
    const std::string huge = test::feed_body("81") + std::string(2 << 20, ' ');
    Rig rig;
    rig.server.set_route("/sized.json", 200, huge);
    rig.server.set_unsized_route("/unsized.json", huge);
    for (const char* path : {"/sized.json", "/unsized.json"}) {
        INFO(path);
        rig.log.clear();
        auto feed = rig.make(path);
        rig.poll(feed);
        CHECK(Rig::shown(feed) == Shown{Freshness::Bundled, 72});
        CHECK_THAT(rig.logged(), Catch::Contains("answer larger than 1024 KiB"));
    }
    // Under the cap, the same answer is fine.
    rig.server.set_route("/small.json", 200, test::feed_body("81") + std::string(1000, ' '));
    auto feed = rig.make("/small.json");
    rig.poll(feed);
    CHECK(Rig::shown(feed) == Shown{Freshness::Live, 81});
}

TEST_CASE("redirects are followed over http only - a few at most", "[feed][http]") {
    Rig rig;
    rig.server.set_route("/feed.json", 200, test::feed_body("81"));
    rig.server.set_route("/moved", 302, "", {{"Location", rig.server.url("/feed.json")}});
    auto moved = rig.make("/moved");
    rig.poll(moved);
    CHECK(Rig::shown(moved) == Shown{Freshness::Live, 81});

    test::TempDir secret;
    const std::string file = secret.write("counter.json", test::feed_body("999"));
    rig.server.set_route("/to-file", 302, "", {{"Location", "file://" + file}});
    auto to_file = rig.make("/to-file");
    rig.poll(to_file);
    CHECK(Rig::shown(to_file) == Shown{Freshness::Bundled, 72});
    CHECK_THAT(rig.logged(), Catch::Contains("only http and https"));

    for (int i = 0; i < 5; ++i)
        rig.server.set_route("/hop" + std::to_string(i), 302, "",
                             {{"Location", rig.server.url("/hop" + std::to_string(i + 1))}});
    rig.server.set_route("/hop5", 200, test::feed_body("81"));
    auto far = rig.make("/hop0");
    rig.poll(far);
    CHECK(Rig::shown(far) == Shown{Freshness::Bundled, 72});
}

TEST_CASE("an unchanged feed answers 304 and the number stays live", "[feed][http]") {
    Rig rig;
    rig.server.set_route("/feed.json", 200, test::feed_body("81"), {{"ETag", "\"v81\""}});
    auto feed = rig.make();
    rig.poll(feed);
    rig.poll(feed);
    rig.poll(feed);
    CHECK(rig.server.answered(200) == 1);
    CHECK(rig.server.answered(304) == 2);
    CHECK(rig.server.requests().back().headers.at("if-none-match") == "\"v81\"");
    CHECK(Rig::shown(feed) == Shown{Freshness::Live, 81});

    // A new version is fetched in full.
    rig.server.set_route("/feed.json", 200, test::feed_body("83"), {{"ETag", "\"v83\""}});
    CHECK(rig.poll(feed));
    CHECK(Rig::shown(feed) == Shown{Freshness::Live, 83});
}

TEST_CASE("Last-Modified is sent back as If-Modified-Since", "[feed][http]") {
    Rig rig;
    rig.server.set_route("/feed.json", 200, test::feed_body("81"),
                         {{"Last-Modified", "Sun, 26 Oct 2025 10:00:00 GMT"}});
    auto feed = rig.make();
    rig.poll(feed);
    rig.poll(feed);
    CHECK(rig.server.requests().back().headers.at("if-modified-since") ==
          "Sun, 26 Oct 2025 10:00:00 GMT");
}

TEST_CASE("configured headers reach the feed", "[feed][http]") {
    Rig rig;
    rig.server.set_route("/feed.json", 200, test::feed_body("81"));
    auto config = test::feed_config(rig.server.url("/feed.json"));
    config.headers["Authorization"] = "Bearer s3cret";
    auto feed = rig.make(config);
    rig.poll(feed);
    const auto request = rig.server.requests().back();
    CHECK(request.headers.at("authorization") == "Bearer s3cret");
    CHECK_THAT(request.headers.at("user-agent"), Catch::StartsWith("kiosk/"));
}

TEST_CASE("after a restart with the feed gone - the cached number shows as stale", "[feed][http]") {
    Rig rig;
    rig.server.set_route("/feed.json", 200, test::feed_body("81"));
    const std::string url = rig.server.url("/feed.json");
    {
        auto first_run = rig.make();
        rig.poll(first_run);
        REQUIRE(Rig::shown(first_run) == Shown{Freshness::Live, 81});
    }
    rig.server.stop();
    auto second_run = rig.make(test::feed_config(url));
    CHECK(Rig::shown(second_run) == Shown{Freshness::Stale, 81});
    rig.poll(second_run);
    CHECK(Rig::shown(second_run) == Shown{Freshness::Stale, 81});
    CHECK_THAT(rig.logged(), Catch::Contains(url));

    // The same cache does not speak for another feed.
    auto other = rig.make(test::feed_config(url + "?other"));
    CHECK(Rig::shown(other) == Shown{Freshness::Bundled, 72});
}

TEST_CASE("a corrupt cache is ignored with a log line - and replaced by the next answer",
          "[feed][http]") {
    Rig rig;
    rig.state.write("counter-cache.json", "{\"value\": 8");
    rig.server.set_route("/feed.json", 200, test::feed_body("81"));
    auto feed = rig.make();
    CHECK(Rig::shown(feed) == Shown{Freshness::Bundled, 72});
    CHECK_THAT(rig.logged(), Catch::Contains("counter-cache.json: corrupt, ignored"));
    rig.poll(feed);
    CHECK(Rig::shown(feed) == Shown{Freshness::Live, 81});
    CHECK(rig.cache(test::feed_config(rig.server.url("/feed.json"))));
}

TEST_CASE("a value that falls shows once the feed repeats it - the cache follows the screen",
          "[feed][http]") {
    Rig rig;
    rig.server.set_route("/feed.json", 200, test::feed_body("81"));
    auto config = test::feed_config(rig.server.url("/feed.json"));
    auto strict = rig.make(config);
    rig.poll(strict);
    rig.server.set_route("/feed.json", 200, test::feed_body("12"));
    CHECK(rig.poll(strict));  // a good answer, though not yet believed
    CHECK(Rig::shown(strict).value == 81u);
    CHECK_THAT(rig.logged(), Catch::Contains("lower than 81"));
    // What a restart would show is what the screen showed.
    CHECK(rig.cache(config)->value == 81u);
    rig.poll(strict);
    rig.poll(strict);
    CHECK(Rig::shown(strict) == Shown{Freshness::Live, 12});
    CHECK(rig.cache(config)->value == 12u);

    config.allow_decrease = true;
    rig.server.set_route("/feed.json", 200, test::feed_body("81"));
    auto lenient = rig.make(config);
    rig.poll(lenient);
    rig.server.set_route("/feed.json", 200, test::feed_body("11"));
    rig.poll(lenient);
    CHECK(Rig::shown(lenient) == Shown{Freshness::Live, 11});
}

TEST_CASE("a read-only feed never writes the cache", "[feed][http]") {
    Rig rig;
    rig.server.set_route("/feed.json", 200, test::feed_body("81"));
    feed::CounterFeed feed(test::feed_config(rig.server.url("/feed.json")), test::bundled_content(),
                           rig.state.path(), false, rig.log);
    rig.poll(feed);
    CHECK(Rig::shown(feed) == Shown{Freshness::Live, 81});
    CHECK_FALSE(std::filesystem::exists(feed::counter_cache_file(rig.state.path())));
}

TEST_CASE("a cache folder that cannot be written is said once - not once a poll", "[feed][http]") {
    Rig rig;
    const auto blocked = rig.state.path() / "blocked";
    rig.state.write("blocked", "a file where the state folder should be");
    feed::CounterFeed feed(test::feed_config(rig.server.url("/feed.json")), test::bundled_content(),
                           blocked, true, rig.log);
    for (int i = 0; i < 5; ++i) {
        rig.server.set_route("/feed.json", 200, test::feed_body(std::to_string(81 + i)));
        rig.poll(feed);
    }
    CHECK(Rig::shown(feed).value == 85u);
    CHECK(std::count_if(rig.log.begin(), rig.log.end(), [](const std::string& line) {
              return line.find("cannot keep the value") != std::string::npos;
          }) == 1);
}

TEST_CASE("without a url nothing is asked and the bundled value shows", "[feed][http]") {
    Rig rig;
    auto feed = rig.make(model::CounterFeedConfig{});
    rig.poll(feed);
    CHECK(Rig::shown(feed) == Shown{Freshness::Bundled, 72});
    CHECK(rig.server.requests().empty());
}
