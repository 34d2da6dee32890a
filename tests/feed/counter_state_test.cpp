#include "kiosk/feed/counter_state.hpp"

#include <catch2/catch.hpp>

#include "feed/feed_fixtures.hpp"

using namespace kiosk;
using feed::Freshness;
using std::chrono::seconds;

namespace {
const feed::CounterTracker::Time t0{seconds(1000)};
}

TEST_CASE("with no feed answer yet - the bundled value and its date show", "[feed]") {
    feed::CounterTracker tracker(test::feed_config("http://x/"), test::bundled_content(),
                                 std::nullopt);
    const auto s = tracker.state(t0);
    CHECK(s.freshness == Freshness::Bundled);
    CHECK(s.value == 72u);
    CHECK(s.as_of_unix == 1761436800);  // 2025-10-26 00:00 UTC
    CHECK(s.label.en == "states have signed");
}

TEST_CASE("a value is live for two intervals - then stale with its fetch time", "[feed]") {
    feed::CounterTracker tracker(test::feed_config("http://x/"), test::bundled_content(),
                                 std::nullopt);
    feed::CounterTracker::Lines log;
    CHECK(tracker.on_success(81, 1761500000, t0, log));
    CHECK(tracker.state(t0 + seconds(59)).freshness == Freshness::Live);
    const auto later = tracker.state(t0 + seconds(60));
    CHECK(later.freshness == Freshness::Stale);
    CHECK(later.value == 81u);
    CHECK(later.as_of_unix == 1761500000);
    REQUIRE(tracker.live_until());
    CHECK(*tracker.live_until() == t0 + seconds(60));
}

TEST_CASE("a cached value starts stale - never live", "[feed]") {
    feed::CounterTracker tracker(
        test::feed_config("http://x/"), test::bundled_content(),
        feed::CachedCounter{80, 1761490000, "http://x/", "/result/signatories/total"});
    const auto s = tracker.state(t0);
    CHECK(s.freshness == Freshness::Stale);
    CHECK(s.value == 80u);
    CHECK(s.as_of_unix == 1761490000);
}

TEST_CASE("a falling value is ignored and logged unless the config allows it", "[feed]") {
    feed::CounterTracker::Lines log;
    feed::CounterTracker strict(test::feed_config("http://x/"), test::bundled_content(),
                                std::nullopt);
    strict.on_success(81, 1, t0, log);
    log.clear();
    CHECK_FALSE(strict.on_success(75, 2, t0 + seconds(30), log));
    CHECK(strict.state(t0 + seconds(30)).value == 81u);
    REQUIRE(log.size() == 1);
    CHECK_THAT(log[0], Catch::Contains("lower than 81") && Catch::Contains("ignored"));

    auto config = test::feed_config("http://x/");
    config.allow_decrease = true;
    feed::CounterTracker lenient(config, test::bundled_content(), std::nullopt);
    lenient.on_success(81, 1, t0, log);
    CHECK(lenient.on_success(75, 2, t0 + seconds(30), log));
    CHECK(lenient.state(t0 + seconds(30)).value == 75u);
}

TEST_CASE("a failing feed is one log line - not one a poll - and one when it answers again",
          "[feed]") {
    feed::CounterTracker tracker(test::feed_config("http://x/"), test::bundled_content(),
                                 std::nullopt);
    feed::CounterTracker::Lines log;
    tracker.on_success(81, 1, t0, log);
    log.clear();
    for (int i = 1; i <= 20; ++i)
        tracker.on_failure("http://x/: HTTP 500", t0 + seconds(30 * i), log);
    // The failure itself, and the change to stale when two intervals passed.
    REQUIRE(log.size() == 2);
    CHECK(log[0] == "http://x/: HTTP 500");
    CHECK(log[1] == "now stale, showing 81");
    log.clear();
    tracker.on_success(81, 2, t0 + seconds(700), log);
    CHECK(log == feed::CounterTracker::Lines{"feed answers again", "now live, showing 81"});
}
