#pragma once
// The systemd notify protocol (sd_notify(3)), spoken directly: datagrams to $NOTIFY_SOCKET.
// READY=1 once the first frame is on screen, STATUS= what is shown, WATCHDOG=1 from the main
// loop, so a loop that hangs is killed and restarted. Outside systemd there is no socket and
// every call returns at once: it costs nothing.

#include <chrono>
#include <optional>
#include <string>

namespace kiosk::app {

class SystemdNotifier {
  public:
    using Time = std::chrono::steady_clock::time_point;

    SystemdNotifier();  // reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID
    ~SystemdNotifier();
    SystemdNotifier(const SystemdNotifier&) = delete;
    SystemdNotifier& operator=(const SystemdNotifier&) = delete;

    bool active() const { return fd_ >= 0; }
    void ready(const std::string& status);
    void status(const std::string& status);  // sent when it differs from the last one
    void stopping();
    // Sends WATCHDOG=1 when half the watchdog's time has passed since the last ping.
    void ping(Time now);
    // When the next ping is due; Time::max() without a watchdog.
    Time next_ping() const;

  private:
    bool send(const std::string& message);
    int fd_ = -1;
    std::string address_;
    std::optional<std::chrono::microseconds> watchdog_;
    Time last_ping_{};
    std::string status_;
};

}  // namespace kiosk::app
