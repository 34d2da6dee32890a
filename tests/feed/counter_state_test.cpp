#include "kiosk/feed/counter_state.hpp"

#include <catch2/catch.hpp>

#include "feed/feed_fixtures.hpp"

using namespace kiosk;
using feed::Freshness;
using std::chrono::seconds;

namespace {
const feed::CounterTracker::Time t0{seconds(1000)};

feed::CounterTracker tracker(std::optional<feed::CachedCounter> cached = std::nullopt) {
    return feed::CounterTracker(test::feed_config("http://x/"), test::bundled_content(), cached);
}
}  // namespace

TEST_CASE("with no feed answer yet - the bundled value and its date show", "[feed]") {
    const auto s = tracker().state(t0);
    CHECK(s.freshness == Freshness::Bundled);
    CHECK(s.value == 72u);
    CHECK(s.as_of_unix == 1761436800);  // 2025-10-26 00:00 UTC
    CHECK(s.label.en == "states have signed");
}

TEST_CASE("a value is live for two intervals - then stale with its fetch time", "[feed]") {
    auto t = tracker();
    feed::CounterTracker::Lines log;
    CHECK(t.on_success(81, 1761500000, t0, log));
    CHECK(t.state(t0 + seconds(59)).freshness == Freshness::Live);
    const auto later = t.state(t0 + seconds(60));
    CHECK(later.freshness == Freshness::Stale);
    CHECK(later.value == 81u);
    CHECK(later.as_of_unix == 1761500000);
    REQUIRE(t.live_until());
    CHECK(*t.live_until() == t0 + seconds(60));
}

TEST_CASE("a cached value starts stale - never live", "[feed]") {
    const auto s = tracker(feed::CachedCounter{80, 1761490000}).state(t0);
    CHECK(s.freshness == Freshness::Stale);
    CHECK(s.value == 80u);
    CHECK(s.as_of_unix == 1761490000);
}

TEST_CASE("one wild answer cannot pin the number: 72 - 999999 - 82 82 82", "[feed]") {
    auto t = tracker();
    feed::CounterTracker::Lines log;
    const auto shown_after = [&](std::uint64_t answer, int poll) {
        t.on_success(answer, 1761500000 + poll, t0 + seconds(30 * poll), log);
        return t.state(t0 + seconds(30 * poll)).value;
    };
    CHECK(shown_after(72, 0) == 72u);
    CHECK(shown_after(999999, 1) == 999999u);  // a rise shows at once
    CHECK(shown_after(82, 2) == 999999u);      // the feed says less: not yet believed
    CHECK(shown_after(82, 3) == 999999u);
    CHECK(shown_after(82, 4) == 82u);  // said three times in a row: the number follows
    CHECK(shown_after(83, 5) == 83u);
    // One line when the lower value first appears, one when it is shown: not one a poll.
    CHECK(log == feed::CounterTracker::Lines{
                     "value 72 -> 999999",
                     "feed says 82, lower than 999999 on screen: shown if it says so 3 times in "
                     "a row",
                     "value 999999 -> 82", "value 82 -> 83"});
}

TEST_CASE("a lower value is only believed when the answers agree in a row", "[feed]") {
    auto t = tracker();
    feed::CounterTracker::Lines log;
    t.on_success(100, 1, t0, log);
    for (std::uint64_t answer : {90, 91, 90, 100, 90, 90})
        t.on_success(answer, 2, t0 + seconds(30), log);
    CHECK(t.state(t0 + seconds(30)).value == 100u);  // never three equal lower answers in a row
    t.on_success(90, 3, t0 + seconds(60), log);
    CHECK(t.state(t0 + seconds(60)).value == 90u);
}

TEST_CASE("with allow_decrease a lower value shows at once", "[feed]") {
    auto config = test::feed_config("http://x/");
    config.allow_decrease = true;
    feed::CounterTracker lenient(config, test::bundled_content(), std::nullopt);
    feed::CounterTracker::Lines log;
    lenient.on_success(81, 1, t0, log);
    CHECK(lenient.on_success(75, 2, t0 + seconds(30), log));
    CHECK(lenient.state(t0 + seconds(30)).value == 75u);
}

TEST_CASE("a failing feed is one log line - not one a poll - and one when it answers again",
          "[feed]") {
    auto t = tracker();
    feed::CounterTracker::Lines log;
    t.on_success(81, 1, t0, log);
    log.clear();
    for (int i = 1; i <= 20; ++i) t.on_failure("http://x/: HTTP 500", t0 + seconds(30 * i), log);
    CHECK(log == feed::CounterTracker::Lines{"http://x/: HTTP 500"});
    log.clear();
    t.on_success(81, 2, t0 + seconds(700), log);
    CHECK(log == feed::CounterTracker::Lines{"feed answers again"});
    CHECK(t.state(t0 + seconds(700)).freshness == Freshness::Live);
}
