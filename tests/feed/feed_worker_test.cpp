// The worker thread: what it hands to the screen, and that it never holds the screen up.

#include "kiosk/feed/feed_worker.hpp"

#include <catch2/catch.hpp>

#include "feed/feed_fixtures.hpp"
#include "support/http_server.hpp"
#include "support/temp_dir.hpp"

using namespace kiosk;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

// What the app's mailbox would hold: the newest state, and every log line.
struct Inbox {
    std::mutex mutex;
    std::vector<feed::CounterState> states;
    std::vector<std::string> lines;
    feed::FeedWorker::Publish publish() {
        return [this](const feed::CounterState& s, const feed::CounterTracker::Lines& log) {
            std::lock_guard lock(mutex);
            states.push_back(s);
            lines.insert(lines.end(), log.begin(), log.end());
        };
    }
    feed::CounterState last() {
        std::lock_guard lock(mutex);
        return states.back();
    }
};

}  // namespace

TEST_CASE("the worker shows the bundled value at once - then the feed's once it answers",
          "[feed][http]") {
    test::HttpServer server;
    test::TempDir state;
    server.set_route("/feed.json", 200, test::feed_body("81"));
    Inbox inbox;
    feed::FeedWorker worker(test::feed_config(server.url("/feed.json")), test::bundled_content(),
                            state.path(), inbox.publish());
    worker.start();
    {
        std::lock_guard lock(inbox.mutex);
        REQUIRE_FALSE(inbox.states.empty());
        CHECK(inbox.states.front().freshness == feed::Freshness::Bundled);
        CHECK(inbox.states.front().value == 72u);
    }
    REQUIRE(worker.wait_first_attempt(milliseconds(3000)));
    CHECK(inbox.last().freshness == feed::Freshness::Live);
    CHECK(inbox.last().value == 81u);
}

TEST_CASE("without a url the worker starts no thread and is done at once", "[feed][http]") {
    test::TempDir state;
    Inbox inbox;
    feed::FeedWorker worker(model::CounterFeedConfig{}, test::bundled_content(), state.path(),
                            inbox.publish());
    worker.start();
    CHECK(worker.wait_first_attempt(milliseconds(0)));
    CHECK(inbox.last().value == 72u);
}

TEST_CASE("stopping the worker cancels a request in flight", "[feed][http]") {
    test::HttpServer server;
    test::TempDir state;
    server.set_silent("/feed.json");
    auto config = test::feed_config(server.url("/feed.json"));
    config.timeout_s = 60;
    Inbox inbox;
    auto worker = std::make_unique<feed::FeedWorker>(config, test::bundled_content(), state.path(),
                                                     inbox.publish());
    worker->start();
    CHECK_FALSE(worker->wait_first_attempt(milliseconds(300)));  // the server is silent
    const auto start = Clock::now();
    worker.reset();
    CHECK(Clock::now() - start < milliseconds(2000));
    CHECK(inbox.last().freshness == feed::Freshness::Bundled);
    CHECK(inbox.lines.empty());  // a cancel on the way out is not the feed's failure
}

TEST_CASE("the worker turns live into stale by itself when the feed goes quiet", "[feed][http]") {
    test::HttpServer server;
    test::TempDir state;
    server.set_route("/feed.json", 200, test::feed_body("81"));
    auto config = test::feed_config(server.url("/feed.json"));
    config.interval_s = 0.25;  // below what the config file allows, to keep the test short
    config.max_backoff_s = 60;
    Inbox inbox;
    feed::FeedWorker worker(config, test::bundled_content(), state.path(), inbox.publish());
    worker.start();
    REQUIRE(worker.wait_first_attempt(milliseconds(3000)));
    REQUIRE(inbox.last().freshness == feed::Freshness::Live);
    server.stop();
    // Two intervals after the last answer the worker publishes stale, with no poll needed.
    const auto deadline = Clock::now() + milliseconds(5000);
    while (inbox.last().freshness != feed::Freshness::Stale && Clock::now() < deadline)
        std::this_thread::sleep_for(milliseconds(20));
    CHECK(inbox.last().freshness == feed::Freshness::Stale);
    CHECK(inbox.last().value == 81u);
}
