// The notify protocol against a socket the test owns, as systemd would listen: first the
// notifier alone, then the real kiosk program under it.

#include "kiosk/app/systemd_notify.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace kiosk;
using std::chrono::milliseconds;

namespace {

// A datagram socket at `path`, as systemd's notify socket is.
class NotifySocket {
  public:
    explicit NotifySocket(const std::string& path) {
        fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::snprintf(address.sun_path, sizeof address.sun_path, "%s", path.c_str());
        REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    }
    ~NotifySocket() { close(fd_); }
    // The next message, or "" when none comes within `timeout`.
    std::string next(milliseconds timeout = milliseconds(10000)) {
        pollfd p{fd_, POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(timeout.count())) != 1) return "";
        char buffer[4096];
        const ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
        return n > 0 ? std::string(buffer, static_cast<size_t>(n)) : "";
    }

  private:
    int fd_ = -1;
};

}  // namespace

TEST_CASE("outside systemd the notifier does nothing", "[notify]") {
    unsetenv("NOTIFY_SOCKET");
    app::SystemdNotifier notifier;
    CHECK_FALSE(notifier.active());
    CHECK(notifier.next_ping() == app::SystemdNotifier::Time::max());
    notifier.ready("x");  // no socket, no effect, no error
}

TEST_CASE("READY, STATUS and watchdog pings reach the socket", "[notify]") {
    test::TempDir dir;
    const std::string path = (dir.path() / "notify").string();
    NotifySocket socket(path);
    setenv("NOTIFY_SOCKET", path.c_str(), 1);
    setenv("WATCHDOG_USEC", "2000000", 1);
    unsetenv("WATCHDOG_PID");
    app::SystemdNotifier notifier;
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    REQUIRE(notifier.active());
    notifier.ready("showing \"welcome\"");
    CHECK(socket.next() == "READY=1\nSTATUS=showing \"welcome\"");
    notifier.status("showing \"welcome\"");  // unchanged: not sent again
    notifier.status("showing \"cost\"");
    CHECK(socket.next() == "STATUS=showing \"cost\"");
    const auto now = app::SystemdNotifier::Time::clock::now();
    notifier.ping(now);
    CHECK(socket.next() == "WATCHDOG=1");
    CHECK(notifier.next_ping() == now + std::chrono::seconds(1));  // half the watchdog's time
    notifier.ping(now + milliseconds(500));
    CHECK(socket.next(milliseconds(100)).empty());
    notifier.ping(now + milliseconds(1000));
    CHECK(socket.next() == "WATCHDOG=1");
}

TEST_CASE("the running kiosk says READY after its first frame - then pings while idle",
          "[notify][cli]") {
    test::TempDir dir;
    const std::string path = (dir.path() / "notify").string();
    NotifySocket socket(path);
    dir.write("content/slides.json",
              R"({"slides": [{"id": "still", "duration_s": 3600, "en": {"title": "Still"}}]})");
    setenv("NOTIFY_SOCKET", path.c_str(), 1);
    setenv("WATCHDOG_USEC", "400000", 1);
    test::Process kiosk(KIOSK_BINARY,
                        {"--content", (dir.path() / "content").string(), "--state-dir",
                         (dir.path() / "state").string()},
                        (dir.path() / "out.txt").string(), {"DISPLAY", "WAYLAND_DISPLAY"});
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    std::string ready;
    for (int i = 0; i < 10 && ready.rfind("READY=1", 0) != 0; ++i) ready = socket.next();
    INFO(test::read_file((dir.path() / "out.txt").string()));
    CHECK_THAT(ready,
               Catch::StartsWith("READY=1\nSTATUS=waiting for a display; showing \"still\""));
    CHECK_THAT(test::read_file((dir.path() / "out.txt").string()), Catch::Contains("first frame"));
    // A static slide draws nothing, yet the loop keeps pinging: four pings in about a second.
    int pings = 0;
    const auto start = std::chrono::steady_clock::now();
    while (pings < 4 && std::chrono::steady_clock::now() - start < std::chrono::seconds(5))
        pings += socket.next(milliseconds(1000)) == "WATCHDOG=1";
    CHECK(pings == 4);
    kiosk.signal(SIGTERM);
    CHECK(kiosk.wait() == 0);
}
