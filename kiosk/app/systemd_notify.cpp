#include "kiosk/app/systemd_notify.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>

namespace kiosk::app {

SystemdNotifier::SystemdNotifier() {
    const char* socket_path = std::getenv("NOTIFY_SOCKET");
    if (!socket_path || (socket_path[0] != '/' && socket_path[0] != '@') ||
        std::strlen(socket_path) >= sizeof(sockaddr_un::sun_path))
        return;
    address_ = socket_path;
    fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    const char* usec = std::getenv("WATCHDOG_USEC");
    const char* pid = std::getenv("WATCHDOG_PID");
    // The watchdog is ours unless systemd named another process.
    if (usec && (!pid || std::strtol(pid, nullptr, 10) == getpid())) {
        const long long value = std::strtoll(usec, nullptr, 10);
        if (value > 0) watchdog_ = std::chrono::microseconds(value);
    }
}

SystemdNotifier::~SystemdNotifier() {
    if (fd_ >= 0) close(fd_);
}

bool SystemdNotifier::send(const std::string& message) {
    if (fd_ < 0) return false;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, address_.c_str(), address_.size());
    if (address.sun_path[0] == '@') address.sun_path[0] = '\0';  // an abstract socket
    const socklen_t length =
        static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + address_.size());
    return sendto(fd_, message.data(), message.size(), MSG_NOSIGNAL,
                  reinterpret_cast<const sockaddr*>(&address), length) >= 0;
}

void SystemdNotifier::ready(const std::string& status) {
    status_ = status;
    send("READY=1\nSTATUS=" + status);
}

void SystemdNotifier::status(const std::string& status) {
    if (status == status_) return;
    status_ = status;
    send("STATUS=" + status);
}

void SystemdNotifier::stopping() {
    send("STOPPING=1");
}

void SystemdNotifier::ping(Time now) {
    if (!watchdog_ || now < next_ping()) return;
    if (send("WATCHDOG=1")) last_ping_ = now;
}

SystemdNotifier::Time SystemdNotifier::next_ping() const {
    if (!watchdog_ || fd_ < 0) return Time::max();
    return last_ping_ + *watchdog_ / 2;
}

}  // namespace kiosk::app
