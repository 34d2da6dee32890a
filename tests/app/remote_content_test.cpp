// Remote content end to end: the real kiosk polls a real server on 127.0.0.1, and what its
// screen shows (status.json) is checked as versions are published, broken, cut off by kill -9,
// and as the network goes away.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <random>

#include "support/http_server.hpp"
#include "support/kiosk_run.hpp"

using namespace kiosk;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

std::string deck(const std::string& prefix, int slides, const std::string& image = "") {
    std::string out = R"({"slides": [)";
    for (int i = 0; i < slides; ++i) {
        out += std::string(i ? "," : "") + R"({"id": ")" + prefix + std::to_string(i) +
               R"(", "duration_s": 3600, )" +
               (i == 0 && !image.empty()
                    ? R"("layout": "text", "image": {"file": ")" + image + R"("}, )"
                    : "") +
               R"("en": {"title": "Slide )" + prefix + std::to_string(i) + R"("}})";
    }
    return out + "]}";
}

std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}
std::string png_header(size_t bytes) {
    std::string b = std::string("\x89PNG\r\n\x1a\n", 8) + be32(13) + "IHDR" + be32(640) +
                    be32(480) + std::string("\x08\x06\x00\x00\x00", 5);
    b.resize(bytes, 'p');
    return b;
}

std::string remote_config(const std::string& url) {
    return R"({"content": {"url": ")" + url + R"(", "interval_s": 1, "timeout_s": 5}})";
}

}  // namespace

TEST_CASE("a published deck is shown - then its next version - with the local one as the floor",
          "[remote][cli]") {
    test::HttpServer server;
    server.set_route("/deck/slides.json", 200, deck("a", 2));
    test::KioskRun k(remote_config(server.url("/deck/slides.json")), deck("local", 1));
    k.start();
    CHECK(k.shows("\"slide\": \"a0\""));
    CHECK_THAT(k.status(),
               Catch::Contains("the remote deck of " + server.url("/deck/slides.json")));
    CHECK(k.says("a new version, 2 slides"));

    server.set_route("/deck/slides.json", 200, deck("b", 3));
    CHECK(k.shows("\"slide\": \"b0\""));

    // A version whose image cannot be fetched: the deck on screen stays entirely.
    server.set_route("/deck/slides.json", 200, deck("c", 2, "missing.png"));
    CHECK(k.says("missing.png: HTTP 404; keeping what is on screen"));
    CHECK_THAT(k.status(), Catch::Contains("\"slide\": \"b0\""));

    // content.url removed: the local folder is the deck again.
    k.dir.write("kiosk.json", "{}");
    CHECK(k.shows("\"slide\": \"local0\""));
    CHECK_THAT(k.status(), Catch::Contains((k.content() / "slides.json").string()));
}

TEST_CASE("after a restart without network the last deck fetched is shown", "[remote][cli]") {
    test::HttpServer server;
    server.set_route("/deck/slides.json", 200, deck("a", 2, "img/hall.png"));
    server.set_route("/deck/img/hall.png", 200, png_header(5000));
    const std::string url = server.url("/deck/slides.json");
    test::KioskRun k(remote_config(url), deck("local", 1));
    k.start();
    REQUIRE(k.shows("\"slide\": \"a0\""));
    k.process().signal(SIGKILL);
    k.process().wait();
    server.stop();
    k.start();
    CHECK(k.shows("\"slide\": \"a0\""));
    CHECK_THAT(k.status(), Catch::Contains("the remote deck of " + url));
}

TEST_CASE("kill -9 while a version downloads or switches in leaves a complete deck",
          "[remote][cli]") {
    test::HttpServer server;
    // A big image trickling in: the kiosk is killed at many moments of its download and switch.
    server.set_route("/deck/slides.json", 200, deck("a", 2));
    const std::string url = server.url("/deck/slides.json");
    test::KioskRun k(remote_config(url), deck("local", 1));
    k.start();
    REQUIRE(k.shows("\"slide\": \"a0\""));
    std::mt19937 random(12345);
    std::vector<std::string> published{"a"};
    for (int round = 0; round < 8; ++round) {
        const std::string prefix(1, static_cast<char>('b' + round));
        server.set_slow_route("/deck/img/photo.png", png_header(120 * 1024), milliseconds(5));
        server.set_route("/deck/slides.json", 200, deck(prefix, 3, "img/photo.png"));
        published.push_back(prefix);
        // The image takes about 0.6 s to arrive: kill somewhere in and around its download and
        // the switch after it.
        std::this_thread::sleep_for(milliseconds(300 + random() % 1500));
        k.process().signal(SIGKILL);
        k.process().wait();
        // Back with the network gone (the server answers nothing but errors): whatever shows
        // is one whole version of those published, and every file its manifest names is there.
        server.set_route("/deck/slides.json", 503, "down");
        server.set_route("/deck/img/photo.png", 503, "down");
        k.start();
        REQUIRE(k.says("first frame"));
        INFO("round " << round << "\n" << k.status());
        CHECK(test::eventually([&] {
            const std::string s = k.status();
            if (s.find("the remote deck of") == std::string::npos) return false;
            for (const auto& p : published)
                if (s.find("\"slide\": \"" + p + "0\"") != std::string::npos) return true;
            return false;
        }));
        const auto current = std::filesystem::read_symlink(k.state() / "content/current");
        const std::string manifest =
            test::read_file((k.state() / "content" / current / "manifest.json").string());
        CHECK_FALSE(manifest.empty());
        if (manifest.find("photo.png") != std::string::npos)
            CHECK(std::filesystem::file_size(k.state() / "content" / current / "img/photo.png") ==
                  120 * 1024);
    }
}
