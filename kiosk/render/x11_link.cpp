#include "kiosk/render/x11_link.hpp"

#include <SDL_syswm.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>

namespace kiosk::render::x11 {

namespace {

// Xlib's types, as far as this file needs them.
struct XDisplay;
using XIOErrorHandler = int (*)(XDisplay*);
using XIOErrorExitHandler = void (*)(XDisplay*, void*);
using SetIOErrorHandler = XIOErrorHandler (*)(XIOErrorHandler);
using SetIOErrorExitHandler = void (*)(XDisplay*, XIOErrorExitHandler, void*);
using DefaultRootWindow = unsigned long (*)(XDisplay*);
using GetGeometry = int (*)(XDisplay*, unsigned long, unsigned long*, int*, int*, unsigned*,
                            unsigned*, unsigned*, unsigned*);

struct Library {
    void* handle = nullptr;
    SetIOErrorHandler set_io_error_handler = nullptr;
    SetIOErrorExitHandler set_io_error_exit_handler = nullptr;
    DefaultRootWindow default_root_window = nullptr;
    GetGeometry get_geometry = nullptr;
};

Library& library() {
    static Library lib = [] {
        Library l;
        // RTLD_NOLOAD: the copy SDL loaded, or nothing.
        l.handle = dlopen("libX11.so.6", RTLD_NOW | RTLD_NOLOAD);
        if (!l.handle) return l;
        l.set_io_error_handler =
            reinterpret_cast<SetIOErrorHandler>(dlsym(l.handle, "XSetIOErrorHandler"));
        l.set_io_error_exit_handler =
            reinterpret_cast<SetIOErrorExitHandler>(dlsym(l.handle, "XSetIOErrorExitHandler"));
        l.default_root_window =
            reinterpret_cast<DefaultRootWindow>(dlsym(l.handle, "XDefaultRootWindow"));
        l.get_geometry = reinterpret_cast<GetGeometry>(dlsym(l.handle, "XGetGeometry"));
        return l;
    }();
    return lib;
}

std::atomic<bool> lost{false};
XDisplay* watched = nullptr;
void (*lost_callback)() = nullptr;

// Xlib calls this, for any connection, when it breaks; if it returns, Xlib ends the process,
// unless that connection has the exit handler below. So the first thing is the callback, which
// starts the kiosk afresh and does not return.
int on_io_error(XDisplay*) {
    lost = true;
    if (lost_callback) lost_callback();
    return 0;
}

void on_io_error_exit(XDisplay*, void*) {
    lost = true;  // and return: the connection is marked dead, later calls on it do nothing
}

XDisplay* display_of(SDL_Window* window) {
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!window || !SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_X11)
        return nullptr;
    return reinterpret_cast<XDisplay*>(info.info.x11.display);
}

bool connect_within(int fd, const sockaddr* address, socklen_t length) {
    if (connect(fd, address, length) == 0) return true;
    if (errno != EINPROGRESS) return false;
    pollfd p{fd, POLLOUT, 0};
    int error = 0;
    socklen_t size = sizeof error;
    return poll(&p, 1, 300) == 1 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 &&
           error == 0;
}

}  // namespace

bool watch(SDL_Window* window, void (*on_lost)()) {
    Library& lib = library();
    XDisplay* display = display_of(window);
    if (!display || !lib.set_io_error_handler || !lib.set_io_error_exit_handler) return false;
    lost = false;
    watched = display;
    lost_callback = on_lost;
    lib.set_io_error_handler(on_io_error);
    lib.set_io_error_exit_handler(display, on_io_error_exit, nullptr);
    return true;
}

bool connection_lost() {
    return watched && lost;
}

void unwatch() {
    watched = nullptr;
}

std::optional<Size> screen_size(SDL_Window* window) {
    Library& lib = library();
    XDisplay* display = display_of(window);
    if (!display || lost || !lib.default_root_window || !lib.get_geometry) return std::nullopt;
    unsigned long root = 0;
    int x = 0, y = 0;
    unsigned w = 0, h = 0, border = 0, depth = 0;
    if (!lib.get_geometry(display, lib.default_root_window(display), &root, &x, &y, &w, &h, &border,
                          &depth) ||
        lost)
        return std::nullopt;
    return Size{static_cast<int>(w), static_cast<int>(h)};
}

bool server_listens(const std::string& display) {
    const size_t colon = display.rfind(':');
    if (colon == std::string::npos) return false;
    const std::string host = display.substr(0, colon);
    const int number = std::atoi(display.c_str() + colon + 1);
    bool answered = false;
    if (host.empty() || host == "unix") {
        // Linux X servers listen on an abstract socket and on a file; either will do.
        for (const bool abstract : {true, false}) {
            const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
            if (fd < 0) return false;
            sockaddr_un address{};
            address.sun_family = AF_UNIX;
            const std::string path = "/tmp/.X11-unix/X" + std::to_string(number);
            std::memcpy(address.sun_path + (abstract ? 1 : 0), path.c_str(), path.size());
            const socklen_t length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) +
                                                            path.size() + (abstract ? 1 : 0));
            answered = connect_within(fd, reinterpret_cast<sockaddr*>(&address), length);
            close(fd);
            if (answered) return true;
        }
        return false;
    }
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICHOST;  // a name would need a lookup: leave that to Xlib
    addrinfo* list = nullptr;
    if (getaddrinfo(host.c_str(), std::to_string(6000 + number).c_str(), &hints, &list) != 0)
        return true;  // cannot tell cheaply: let SDL try
    for (const addrinfo* a = list; a && !answered; a = a->ai_next) {
        const int fd = socket(a->ai_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (fd < 0) continue;
        answered = connect_within(fd, a->ai_addr, a->ai_addrlen);
        close(fd);
    }
    freeaddrinfo(list);
    return answered;
}

}  // namespace kiosk::render::x11
