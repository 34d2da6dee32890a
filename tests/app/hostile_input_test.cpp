// What a hostile feed, a careless operator and a broken machine do to the real program: each
// case runs the kiosk as it runs at a venue (headless here) and asserts it keeps a picture,
// keeps its number honest and says what is wrong in one line.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "support/http_server.hpp"
#include "support/kiosk_run.hpp"

using namespace kiosk;
using std::chrono::seconds;

namespace {

std::string feed_config(const std::string& url, const std::string& extra = "") {
    return R"({"counter": {"url": ")" + url + R"(", "pointer": "/total", "interval_s": 1,
               "timeout_s": 2)" +
           extra + "}}";
}

const char* kOneSlide =
    R"({"slides": [{"id": "still", "duration_s": 3600, "en": {"title": "Still"}}]})";

void write_counter_content(test::KioskRun& k) {
    k.dir.write("content/counter.json", R"({"value": 72, "as_of": "2025-10-26",
        "label": {"vi": "quốc gia đã ký", "en": "states have signed"}})");
}

}  // namespace

TEST_CASE("a feed answer holding 1e400 is refused - the kiosk keeps running", "[hostile]") {
    test::HttpServer server;
    server.set_route("/feed.json", 200, R"({"x": 1e400, "total": 81})");
    test::KioskRun k(feed_config(server.url("/feed.json")), kOneSlide);
    write_counter_content(k);
    k.start();
    CHECK(k.says("too large for JSON"));
    server.set_route("/feed.json", 200, R"({"total": 83})");
    CHECK(k.shows("\"value\": 83"));
    INFO(k.said());
    CHECK(k.process().wait(std::chrono::milliseconds(0)) == -1);  // still running
}

TEST_CASE("one wild answer cannot pin the number: 72 - 999999 - 82 82 82", "[hostile]") {
    test::HttpServer server;
    server.set_sequence("/feed.json",
                        {R"({"total": 72})", R"({"total": 999999})", R"({"total": 82})"});
    test::KioskRun k(feed_config(server.url("/feed.json")), kOneSlide);
    write_counter_content(k);
    k.start();
    CHECK(k.shows("\"value\": 999999"));
    CHECK(k.shows("\"value\": 82"));
    INFO(k.said());
    // And what a restart would show is what the screen shows.
    CHECK(test::eventually([&] {
        return test::read_file((k.state() / "counter-cache.json").string()).find("\"value\":82") !=
               std::string::npos;
    }));
}

TEST_CASE("a cache holding a value no feed gives is not shown", "[hostile]") {
    for (
        const char* cache :
        {R"({"value": -1, "fetched_unix": 1761500000, "url": "x", "pointer": "/total"})",
         R"({"value": 100000000000000000, "fetched_unix": 1761500000, "url": "x", "pointer": "/total"})"}) {
        INFO(cache);
        test::HttpServer server;
        server.stop();  // the network is gone: only the cache could speak
        const std::string url = server.url("/feed.json");
        test::KioskRun k(feed_config(url), kOneSlide);
        write_counter_content(k);
        std::string text = cache;
        text.replace(text.find("\"x\""), 3, "\"" + url + "\"");
        k.dir.write("state/counter-cache.json", text);
        chmod(k.state().c_str(), 0700);
        k.start();
        CHECK(k.says("counter-cache.json: corrupt, ignored"));
        CHECK(k.shows("\"value\": 72"));
        CHECK(k.status().find("18446744073709551615") == std::string::npos);
    }
}

TEST_CASE("a feed's secrets reach neither the log nor the cache", "[hostile]") {
    test::HttpServer server;
    server.set_route("/feed.json", 503, "busy");
    const std::string url = "http://reader:pa55word@127.0.0.1:" + std::to_string(server.port()) +
                            "/feed.json?api_key=s3cret";
    test::KioskRun k(feed_config(url), kOneSlide);
    write_counter_content(k);
    k.start();
    CHECK(k.says("HTTP 503"));
    server.set_route("/feed.json", 200, R"({"total": 81})");
    CHECK(k.shows("\"value\": 81"));
    const std::string cache = test::read_file((k.state() / "counter-cache.json").string());
    for (const std::string& text : {k.said(), cache, k.status()}) {
        CHECK(text.find("pa55word") == std::string::npos);
        CHECK(text.find("s3cret") == std::string::npos);
    }
    struct stat st {};
    REQUIRE(stat((k.state() / "counter-cache.json").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(stat(k.state().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
}

TEST_CASE("a feed string cannot forge a log line", "[hostile]") {
    test::HttpServer server;
    server.set_route("/feed.json", 200,
                     R"({"total": "72\nkiosk: counter: now live, showing 999999\u001b[2J"})");
    test::KioskRun k(feed_config(server.url("/feed.json")), kOneSlide);
    write_counter_content(k);
    k.start();
    CHECK(k.says("not a whole number written in digits"));
    const std::string log = k.said();
    CHECK(log.find("\nkiosk: counter: now live, showing 999999") == std::string::npos);
    CHECK(log.find('\x1b') == std::string::npos);
}

TEST_CASE("a quote of nothing but spaces is an error - never a crash", "[hostile]") {
    test::KioskRun k("{}", R"({"slides": [{"id": "q", "layout": "quote", "en": {"body": " "}}]})");
    CHECK(k.run({"--check"}) == 1);
    CHECK_THAT(k.said(), Catch::Contains("is a quote: its \"body\" (the quotation) has no text"));
    CHECK(k.run({"--screenshot", (k.dir.path() / "q.png").string()}) == 0);
    k.start();
    CHECK(k.says("first frame"));
    CHECK(k.says("showing the built-in slide"));
    CHECK(k.process().wait(std::chrono::seconds(1)) == -1);
}

TEST_CASE("a theme font that does not exist still gives a picture - said at its key", "[hostile]") {
    test::KioskRun k("{\"theme\": {\n  \"font\": \"nope.ttf\"}}", kOneSlide);
    CHECK(k.run({"--check"}) == 1);
    CHECK_THAT(k.said(), Catch::Contains("kiosk.json:2:11: error:") &&
                             Catch::Contains("nope.ttf: cannot be opened"));
    k.start();
    CHECK(k.says("first frame"));
    CHECK_THAT(k.said(), Catch::Contains("NotoSans-Regular.ttf is used instead"));
}

TEST_CASE("a huge slides.json written while running is refused unread - the screen stays",
          "[hostile]") {
    test::KioskRun k("{}", kOneSlide);
    k.start();
    REQUIRE(k.says("first frame"));
    // 200 MB (sparse: the size is what the reader sees first).
    const auto file = (k.content() / "slides.json").string();
    const int fd = open(file.c_str(), O_WRONLY | O_TRUNC);
    REQUIRE(fd >= 0);
    REQUIRE(ftruncate(fd, 200 << 20) == 0);
    close(fd);
    CHECK(k.says("files larger than 1048576 bytes are not read"));
    CHECK(k.says("keeping what is on screen"));
    CHECK(k.process().wait(std::chrono::seconds(1)) == -1);
    CHECK_THAT(k.status(), Catch::Contains("\"slide\": \"still\""));
}

TEST_CASE("a FIFO where the cache should be does not hang the start", "[hostile]") {
    test::KioskRun k(feed_config("http://127.0.0.1:1/feed.json"), kOneSlide);
    write_counter_content(k);
    std::filesystem::create_directories(k.state());
    chmod(k.state().c_str(), 0700);
    REQUIRE(mkfifo((k.state() / "counter-cache.json").c_str(), 0600) == 0);
    k.start();
    CHECK(k.says("first frame", seconds(10)));
    CHECK_THAT(k.said(), Catch::Contains("not a regular file"));
}

TEST_CASE("a second kiosk on the same state folder says so and ends", "[hostile]") {
    test::KioskRun k("{}", kOneSlide);
    k.start();
    REQUIRE(k.says("first frame"));
    test::Process second(KIOSK_BINARY, k.args(), (k.dir.path() / "second.txt").string(),
                         {"DISPLAY", "WAYLAND_DISPLAY"});
    CHECK(second.wait() == 1);
    CHECK_THAT(test::read_file((k.dir.path() / "second.txt").string()),
               Catch::Contains("another kiosk (process") && Catch::Contains("is using"));
}

TEST_CASE("signals: SIGHUP reads the files again, SIGPIPE is ignored, SIGUSR1 ends with a line",
          "[hostile]") {
    test::KioskRun k("{}", kOneSlide);
    // Standard error is a pipe whose reader goes away, as a log collector that dies.
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDERR_FILENO);
        close(fds[0]);
        unsetenv("DISPLAY");
        std::vector<std::string> a = k.args();
        std::vector<char*> argv{const_cast<char*>(KIOSK_BINARY)};
        for (auto& s : a) argv.push_back(s.data());
        argv.push_back(nullptr);
        execv(KIOSK_BINARY, argv.data());
        _exit(127);
    }
    close(fds[1]);
    char buffer[256];
    REQUIRE(read(fds[0], buffer, sizeof buffer) > 0);  // it has started and spoken
    close(fds[0]);                                     // nobody listens any more
    kill(pid, SIGHUP);                                 // its answer goes to the dead pipe
    REQUIRE(test::eventually([&] { return k.status().find("still") != std::string::npos; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    int status = 0;
    CHECK(waitpid(pid, &status, WNOHANG) == 0);  // alive after writing into the closed pipe
    kill(pid, SIGUSR1);
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);

    k.start();
    REQUIRE(k.says("first frame"));
    k.process().signal(SIGHUP);
    CHECK(k.says("SIGHUP: reading the files again"));
    CHECK(k.says("reloaded 1 slides"));
    k.process().signal(SIGQUIT);
    CHECK(k.process().wait() == 0);
    CHECK_THAT(k.said(), Catch::Contains("stopping on SIGQUIT"));
}

TEST_CASE("display settings take effect on reload - the headless picture turns", "[hostile]") {
    test::KioskRun k("{}", kOneSlide);
    k.start();
    REQUIRE(k.shows("\"width\": 1920"));
    k.dir.write("kiosk.json", R"({"display": {"rotation": 90}})");
    CHECK(k.shows("\"width\": 1080"));
    CHECK(k.shows("\"height\": 1920"));
}

TEST_CASE("deleting counter.json is said - not a silent loss of the band", "[hostile]") {
    test::KioskRun k("{}", kOneSlide);
    write_counter_content(k);
    k.start();
    REQUIRE(k.shows("\"state\": \"bundled\""));
    std::filesystem::remove(k.content() / "counter.json");
    CHECK(k.says("counter.json is gone"));
    CHECK(k.shows("\"state\": \"\""));
}
