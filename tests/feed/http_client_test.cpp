// The HTTP client against real servers on 127.0.0.1: deadlines that hold whatever the network
// does, secrets that stay with their origin, and errors that say what happened.

#include "kiosk/feed/http_client.hpp"

#include <thread>

#include <catch2/catch.hpp>

#include "support/http_server.hpp"

using namespace kiosk;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

feed::HttpRequest request_for(const std::string& url) {
    feed::HttpRequest r;
    r.url = url;
    r.timeout = milliseconds(2000);
    r.connect_timeout = milliseconds(1000);
    return r;
}

milliseconds since(Clock::time_point t) {
    return std::chrono::duration_cast<milliseconds>(Clock::now() - t);
}

// A name server that never answers, as a hung DNS looks from here: the lookup blocks for far
// longer than any request may take.
feed::Resolution hung_lookup(const std::string&) {
    std::this_thread::sleep_for(std::chrono::seconds(5));
    return {};
}

}  // namespace

TEST_CASE("a host name is looked up and asked", "[http]") {
    test::HttpServer server;
    server.set_route("/a.json", 200, "{}");
    feed::HttpClient client;
    const auto r =
        client.get(request_for("http://localhost:" + std::to_string(server.port()) + "/a.json"));
    INFO(r.error);
    CHECK(r.ok);
    CHECK(r.body == "{}");
}

TEST_CASE("a name lookup that hangs costs the request's timeout - not the resolver's", "[http]") {
    feed::HttpClient client(
        [](const std::string& host, milliseconds timeout, const std::atomic<bool>* cancel) {
            return feed::resolve_with_deadline(host, timeout, cancel, hung_lookup);
        });
    auto request = request_for("http://feed.invalid/status.json");
    request.timeout = milliseconds(500);
    const auto start = Clock::now();
    const auto r = client.get(request);
    CHECK(since(start) < milliseconds(1000));
    CHECK_FALSE(r.ok);
    CHECK(r.error ==
          "http://feed.invalid/status.json: looking up feed.invalid took longer than "
          "500 ms");
}

TEST_CASE("lookups that never end are bounded in number - later ones fail at once", "[http]") {
    std::vector<std::thread> callers;
    for (int i = 0; i < feed::kMaxLookups + 2; ++i)
        callers.emplace_back([] {
            feed::resolve_with_deadline("hung.invalid", milliseconds(50), nullptr, hung_lookup);
        });
    for (auto& t : callers) t.join();
    CHECK(feed::lookups_running() == feed::kMaxLookups);
    const auto start = Clock::now();
    const auto r =
        feed::resolve_with_deadline("next.invalid", milliseconds(2000), nullptr, hung_lookup);
    CHECK(since(start) < milliseconds(100));
    CHECK_THAT(r.error, Catch::Contains("earlier lookups are still not answered"));
    // Once the hung lookups give up by themselves, lookups are possible again.
    const auto end = Clock::now() + std::chrono::seconds(10);
    while (feed::lookups_running() > 0 && Clock::now() < end)
        std::this_thread::sleep_for(milliseconds(50));
    CHECK(feed::lookups_running() == 0);
}

TEST_CASE("configured headers go to the configured origin only", "[http]") {
    test::HttpServer home, elsewhere;
    elsewhere.set_route("/feed.json", 200, "72");
    home.set_route("/feed.json", 200, "72");
    home.set_route("/same", 302, "", {{"Location", home.url("/feed.json")}});
    home.set_route("/away", 302, "", {{"Location", elsewhere.url("/feed.json")}});
    feed::HttpClient client;
    auto request = request_for(home.url("/same"));
    request.headers["X-Api-Key"] = "s3cret";
    request.etag = "\"v1\"";
    CHECK(client.get(request).ok);
    CHECK(home.requests().back().headers.at("x-api-key") == "s3cret");

    request.url = home.url("/away");
    const auto r = client.get(request);
    CHECK(r.ok);
    CHECK(r.final_url == elsewhere.url("/feed.json"));
    REQUIRE(elsewhere.requests().size() == 1);
    CHECK(elsewhere.requests().back().headers.count("x-api-key") == 0);
    CHECK(elsewhere.requests().back().headers.count("if-none-match") == 0);
}

TEST_CASE("redirects and a silent server share one deadline", "[http]") {
    test::HttpServer server;
    server.set_route("/one", 302, "", {{"Location", server.url("/two")}});
    server.set_route("/two", 302, "", {{"Location", server.url("/never")}});
    server.set_silent("/never");
    feed::HttpClient client;
    auto request = request_for(server.url("/one"));
    request.timeout = milliseconds(600);
    const auto start = Clock::now();
    const auto r = client.get(request);
    CHECK(since(start) < milliseconds(1500));
    CHECK_THAT(r.error, Catch::Contains("no complete answer within 600 ms"));
}

TEST_CASE("errors say what happened - a refused connection is not a timeout", "[http]") {
    test::HttpServer server;
    const std::string url = server.url("/feed.json");
    server.stop();
    feed::HttpClient client;
    const auto refused = client.get(request_for(url));
    CHECK_FALSE(refused.ok);
    CHECK_THAT(refused.error, Catch::StartsWith(url + ": cannot connect ("));

    test::HttpServer big;
    big.set_route("/long-line", 200, "72", {{"X-Junk", std::string(200 * 1024, 'x')}});
    test::HttpServer::Headers many;
    for (int i = 0; i < 100; ++i)
        many.emplace_back("X-Junk-" + std::to_string(i), std::string(1000, 'y'));
    big.set_route("/many", 200, "72", many);
    CHECK_THAT(client.get(request_for(big.url("/long-line"))).error,
               Catch::Contains("header line longer than curl accepts"));
    CHECK_THAT(client.get(request_for(big.url("/many"))).error,
               Catch::Contains("answer headers larger than 64 KiB"));
}

TEST_CASE("a URL's secrets never reach an error message", "[http]") {
    test::HttpServer server;
    server.set_route("/feed.json", 503, "busy");
    const std::string url = "http://reader:pa55word@127.0.0.1:" + std::to_string(server.port()) +
                            "/feed.json?api_key=s3cret&region=asia";
    feed::HttpClient client;
    const auto r = client.get(request_for(url));
    CHECK(r.error == "http://127.0.0.1:" + std::to_string(server.port()) +
                         "/feed.json?api_key=…&region=…: HTTP 503");
}
