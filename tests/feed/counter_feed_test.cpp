// The feed against a real HTTP server on 127.0.0.1: each case asserts what the screen would show,
// the number and whether it is live, stale or bundled.

#include "kiosk/feed/counter_feed.hpp"

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

struct Rig {
    test::HttpServer server;
    test::TempDir state;
    feed::CounterFeed::Lines log;

    feed::CounterFeed make(model::CounterFeedConfig config) {
        return feed::CounterFeed(std::move(config), test::bundled_content(), state.path(), log);
    }
    feed::CounterFeed make(const std::string& path = "/feed.json") {
        return make(test::feed_config(server.url(path)));
    }

    static Shown shown(const feed::CounterFeed& feed) {
        const auto s = feed.state(Clock::now());
        return {s.freshness, s.value};
    }
    // The screen after one poll of an answer with this status and body.
    Shown after_answer(int status, const std::string& body) {
        server.set_route("/feed.json", status, body);
        auto feed = make();
        feed.poll(Clock::now(), log);
        return shown(feed);
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
    const auto cache = feed::load_counter_cache(rig.state.path(), rig.server.url("/feed.json"),
                                                "/result/signatories/total", nullptr);
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
    const auto start = Clock::now();
    feed.poll(start, rig.log);
    rig.server.set_route("/feed.json", 500, "down");
    feed.poll(Clock::now(), rig.log);
    CHECK(Rig::shown(feed) == Shown{Freshness::Live, 81});
    const auto s = feed.state(Clock::now() + std::chrono::seconds(61));
    CHECK(Shown{s.freshness, s.value} == Shown{Freshness::Stale, 81});
}

TEST_CASE("a server that accepts and never answers costs one timeout - then the bundled value",
          "[feed][http]") {
    Rig rig;
    rig.server.set_silent("/feed.json");
    auto config = test::feed_config(rig.server.url("/feed.json"));
    config.timeout_s = 0.5;
    auto feed = rig.make(config);
    const auto start = Clock::now();
    feed.poll(start, rig.log);
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    CHECK(took.count() >= 450);
    CHECK(took.count() < 3000);
    CHECK(Rig::shown(feed) == Shown{Freshness::Bundled, 72});
    CHECK_THAT(rig.logged(), Catch::Contains("no answer within 500 ms"));
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
        feed.poll(Clock::now(), rig.log);
        CHECK(Rig::shown(feed) == Shown{Freshness::Bundled, 72});
        CHECK_THAT(rig.logged(), Catch::Contains("answer larger than 1024 KiB"));
    }
    // Under the cap, the same answer is fine.
    rig.server.set_route("/small.json", 200, test::feed_body("81") + std::string(1000, ' '));
    auto feed = rig.make("/small.json");
    feed.poll(Clock::now(), rig.log);
    CHECK(Rig::shown(feed) == Shown{Freshness::Live, 81});
}

TEST_CASE("redirects are followed over http only - a few at most", "[feed][http]") {
    Rig rig;
    rig.server.set_route("/feed.json", 200, test::feed_body("81"));
    rig.server.set_route("/moved", 302, "", {{"Location", rig.server.url("/feed.json")}});
    auto moved = rig.make("/moved");
    moved.poll(Clock::now(), rig.log);
    CHECK(Rig::shown(moved) == Shown{Freshness::Live, 81});

    test::TempDir secret;
    const std::string file = secret.write("counter.json", test::feed_body("999"));
    rig.server.set_route("/to-file", 302, "", {{"Location", "file://" + file}});
    auto to_file = rig.make("/to-file");
    to_file.poll(Clock::now(), rig.log);
    CHECK(Rig::shown(to_file) == Shown{Freshness::Bundled, 72});
    CHECK_THAT(rig.logged(), Catch::Contains("only http and https"));

    for (int i = 0; i < 5; ++i)
        rig.server.set_route("/hop" + std::to_string(i), 302, "",
                             {{"Location", rig.server.url("/hop" + std::to_string(i + 1))}});
    rig.server.set_route("/hop5", 200, test::feed_body("81"));
    auto far = rig.make("/hop0");
    far.poll(Clock::now(), rig.log);
    CHECK(Rig::shown(far) == Shown{Freshness::Bundled, 72});
}

TEST_CASE("an unchanged feed answers 304 and the number stays live", "[feed][http]") {
    Rig rig;
    rig.server.set_route("/feed.json", 200, test::feed_body("81"), {{"ETag", "\"v81\""}});
    auto feed = rig.make();
    feed.poll(Clock::now(), rig.log);
    feed.poll(Clock::now(), rig.log);
    feed.poll(Clock::now(), rig.log);
    CHECK(rig.server.answered(200) == 1);
    CHECK(rig.server.answered(304) == 2);
    CHECK(rig.server.requests().back().headers.at("if-none-match") == "\"v81\"");
    CHECK(Rig::shown(feed) == Shown{Freshness::Live, 81});

    // A new version is fetched in full.
    rig.server.set_route("/feed.json", 200, test::feed_body("83"), {{"ETag", "\"v83\""}});
    CHECK(feed.poll(Clock::now(), rig.log));
    CHECK(Rig::shown(feed) == Shown{Freshness::Live, 83});
}

TEST_CASE("Last-Modified is sent back as If-Modified-Since", "[feed][http]") {
    Rig rig;
    rig.server.set_route("/feed.json", 200, test::feed_body("81"),
                         {{"Last-Modified", "Sun, 26 Oct 2025 10:00:00 GMT"}});
    auto feed = rig.make();
    feed.poll(Clock::now(), rig.log);
    feed.poll(Clock::now(), rig.log);
    CHECK(rig.server.requests().back().headers.at("if-modified-since") ==
          "Sun, 26 Oct 2025 10:00:00 GMT");
}

TEST_CASE("configured headers reach the feed", "[feed][http]") {
    Rig rig;
    rig.server.set_route("/feed.json", 200, test::feed_body("81"));
    auto config = test::feed_config(rig.server.url("/feed.json"));
    config.headers["Authorization"] = "Bearer s3cret";
    auto feed = rig.make(config);
    feed.poll(Clock::now(), rig.log);
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
        first_run.poll(Clock::now(), rig.log);
        REQUIRE(Rig::shown(first_run) == Shown{Freshness::Live, 81});
    }
    rig.server.stop();
    auto second_run = rig.make(test::feed_config(url));
    CHECK(Rig::shown(second_run) == Shown{Freshness::Stale, 81});
    second_run.poll(Clock::now(), rig.log);
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
    feed.poll(Clock::now(), rig.log);
    CHECK(Rig::shown(feed) == Shown{Freshness::Live, 81});
    CHECK(feed::load_counter_cache(rig.state.path(), rig.server.url("/feed.json"),
                                   "/result/signatories/total", nullptr));
}

TEST_CASE("a value that falls is not shown - unless the config allows it", "[feed][http]") {
    Rig rig;
    rig.server.set_route("/feed.json", 200, test::feed_body("81"));
    auto config = test::feed_config(rig.server.url("/feed.json"));
    auto strict = rig.make(config);
    strict.poll(Clock::now(), rig.log);
    rig.server.set_route("/feed.json", 200, test::feed_body("12"));
    CHECK_FALSE(strict.poll(Clock::now(), rig.log));
    CHECK(Rig::shown(strict).value == 81u);
    CHECK_THAT(rig.logged(), Catch::Contains("lower than 81"));
    // What a restart would show is what the screen showed.
    CHECK(feed::load_counter_cache(rig.state.path(), config.url, config.pointer, nullptr)->value ==
          81u);

    config.allow_decrease = true;
    auto lenient = rig.make(config);
    lenient.poll(Clock::now(), rig.log);
    CHECK(Rig::shown(lenient) == Shown{Freshness::Live, 12});
}

TEST_CASE("failures back off: each one doubles the wait", "[feed][http]") {
    Rig rig;
    rig.server.set_route("/feed.json", 500, "down");
    auto feed = rig.make();
    CHECK(feed.next_delay(0.5) == std::chrono::seconds(30));
    feed.poll(Clock::now(), rig.log);
    feed.poll(Clock::now(), rig.log);
    CHECK(feed.next_delay(0.5) == std::chrono::seconds(120));
    CHECK(rig.log.size() == 1);  // one line for the streak
    rig.server.set_route("/feed.json", 200, test::feed_body("81"));
    feed.poll(Clock::now(), rig.log);
    CHECK(feed.next_delay(0.5) == std::chrono::seconds(30));
}

TEST_CASE("without a url nothing is asked and the bundled value shows", "[feed][http]") {
    Rig rig;
    auto feed = rig.make(model::CounterFeedConfig{});
    feed.poll(Clock::now(), rig.log);
    CHECK(Rig::shown(feed) == Shown{Freshness::Bundled, 72});
    CHECK(rig.server.requests().empty());
}
