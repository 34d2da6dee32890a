// The poller's thread: it asks at once, keeps asking, survives anything a target throws, and
// never makes the caller wait to stop it, whatever the network is doing.

#include "kiosk/feed/url_poller.hpp"

#include <thread>

#include <catch2/catch.hpp>

#include "support/http_server.hpp"

using namespace kiosk;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

// Asks one URL with a long timeout and counts the polls.
class CountingTarget final : public feed::PollTarget {
  public:
    explicit CountingTarget(std::string url, bool throws = false)
        : url_(std::move(url)), throws_(throws) {}
    std::atomic<int> polls{0};
    bool poll(feed::HttpClient& client, const std::atomic<bool>& cancel) override {
        ++polls;
        if (throws_) throw std::runtime_error("a bug in what the answer means");
        feed::HttpRequest request;
        request.url = url_;
        request.timeout = milliseconds(60'000);
        return client.get(request, &cancel).ok;
    }

  private:
    std::string url_;
    bool throws_;
};

bool eventually(const std::function<bool()>& condition) {
    const auto end = Clock::now() + milliseconds(5000);
    while (!condition() && Clock::now() < end) std::this_thread::sleep_for(milliseconds(10));
    return condition();
}

}  // namespace

TEST_CASE("the first poll comes at once - the next after the interval", "[http][poller]") {
    test::HttpServer server;
    server.set_route("/a", 200, "{}");
    auto target = std::make_shared<CountingTarget>(server.url("/a"));
    feed::UrlPoller poller({0.2, 1}, target);
    poller.start();
    REQUIRE(poller.wait_first_poll(milliseconds(3000)));
    CHECK(target->polls == 1);
    CHECK(eventually([&] { return target->polls >= 3; }));
    poller.stop();
    CHECK(poller.wait_ended(milliseconds(3000)));
}

TEST_CASE("stopping never waits for a request in flight", "[http][poller]") {
    test::HttpServer server;
    server.set_silent("/never");
    auto target = std::make_shared<CountingTarget>(server.url("/never"));
    auto poller = std::make_unique<feed::UrlPoller>(feed::PollTiming{30, 300}, target);
    poller->start();
    REQUIRE(eventually([&] { return server.requests().size() == 1; }));
    const auto start = Clock::now();
    poller->stop();
    CHECK(Clock::now() - start < milliseconds(250));  // a join would take seconds
    // The request is cancelled and the thread ends by itself soon after.
    CHECK(poller->wait_ended(milliseconds(3000)));
    poller.reset();
}

TEST_CASE("stopping never waits for a name lookup that hangs", "[http][poller]") {
    auto target = std::make_shared<CountingTarget>("http://hung.invalid/feed.json");
    const feed::Resolver hung = [](const std::string&, milliseconds, const std::atomic<bool>*) {
        std::this_thread::sleep_for(milliseconds(1500));  // ignores cancel, as getaddrinfo does
        return feed::Resolution{{}, "gave up"};
    };
    auto poller = std::make_unique<feed::UrlPoller>(feed::PollTiming{30, 300}, target, hung);
    poller->start();
    REQUIRE(eventually([&] { return target->polls == 1; }));
    const auto start = Clock::now();
    poller->stop();
    CHECK(Clock::now() - start < milliseconds(250));  // a join would take seconds
    CHECK(poller->wait_ended(milliseconds(3000)));    // once the lookup gives up by itself
}

TEST_CASE("a target that throws is a failed poll - the thread goes on", "[http][poller]") {
    auto target = std::make_shared<CountingTarget>("http://127.0.0.1:1/", true);
    feed::UrlPoller poller({0.05, 0.1}, target);
    poller.start();
    CHECK(eventually([&] { return target->polls >= 3; }));
    poller.stop();
    CHECK(poller.wait_ended(milliseconds(3000)));
}
