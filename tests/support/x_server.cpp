#include "support/x_server.hpp"

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xrandr.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <thread>

namespace kiosk::test {

namespace {

// Xlib must not end the test program when a server the test killed goes away.
int ignore_io_error(Display*) {
    return 0;
}

}  // namespace

int free_display_number() {
    for (int n = 70 + getpid() % 100;; ++n)
        if (!std::filesystem::exists("/tmp/.X11-unix/X" + std::to_string(n)) &&
            !std::filesystem::exists("/tmp/.X" + std::to_string(n) + "-lock"))
            return n;
}

XServer::XServer(int number, int width, int height) : number_(number) {
    const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
    pid_ = fork();
    if (pid_ == 0) {
        const std::string display = std::string(1, ':') += std::to_string(number);
        execlp("Xvfb", "Xvfb", display.c_str(), "-screen", "0", screen.c_str(), "-nolisten", "tcp",
               "-noreset", static_cast<char*>(nullptr));
        _exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
        if (Display* d = XOpenDisplay(display().c_str())) {
            XCloseDisplay(d);
            return;
        }
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    pid_ = -1;
    throw std::runtime_error("Xvfb did not start (is the xvfb package installed?)");
}

XServer::~XServer() {
    stop();
}

void XServer::stop() {
    if (control_) {
        XSetIOErrorHandler(ignore_io_error);
        XCloseDisplay(static_cast<Display*>(control_));
        control_ = nullptr;
    }
    if (pid_ > 0) {
        kill(pid_, SIGTERM);
        waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }
}

std::vector<std::uint32_t> XServer::pixels(int& width, int& height) const {
    std::vector<std::uint32_t> out;
    Display* d = XOpenDisplay(display().c_str());
    if (!d) return out;
    const Window root = DefaultRootWindow(d);
    XWindowAttributes attributes;
    XGetWindowAttributes(d, root, &attributes);
    width = attributes.width;
    height = attributes.height;
    if (XImage* image = XGetImage(d, root, 0, 0, static_cast<unsigned>(width),
                                  static_cast<unsigned>(height), AllPlanes, ZPixmap)) {
        out.resize(static_cast<size_t>(width) * height);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                out[static_cast<size_t>(y) * width + x] =
                    static_cast<std::uint32_t>(XGetPixel(image, x, y)) & 0xFFFFFF;
        XDestroyImage(image);
    }
    XCloseDisplay(d);
    return out;
}

bool XServer::resize(int width, int height) {
    if (!control_) control_ = XOpenDisplay(display().c_str());
    Display* d = static_cast<Display*>(control_);
    if (!d) return false;
    const Window root = DefaultRootWindow(d);
    XRRScreenResources* res = XRRGetScreenResources(d, root);
    if (!res || res->noutput < 1 || res->ncrtc < 1) return false;
    const std::string name = std::to_string(width) + "x" + std::to_string(height);
    RRMode mode = 0;
    for (int i = 0; i < res->nmode; ++i)
        if (name == res->modes[i].name) mode = res->modes[i].id;
    if (!mode) {
        XRRModeInfo* info = XRRAllocModeInfo(name.c_str(), static_cast<int>(name.size()));
        info->width = static_cast<unsigned>(width);
        info->height = static_cast<unsigned>(height);
        info->hTotal = static_cast<unsigned>(width + 160);
        info->vTotal = static_cast<unsigned>(height + 45);
        info->dotClock = 60ul * info->hTotal * info->vTotal;
        mode = XRRCreateMode(d, root, info);
        XRRFreeModeInfo(info);
        XRRAddOutputMode(d, res->outputs[0], mode);
    }
    // As xrandr does: the output off, the screen to its new size, the output on in the mode.
    XRRSetCrtcConfig(d, res, res->crtcs[0], CurrentTime, 0, 0, None, RR_Rotate_0, nullptr, 0);
    XRRSetScreenSize(d, root, width, height, width * 254 / 960, height * 254 / 960);
    RROutput output = res->outputs[0];
    const Status status =
        XRRSetCrtcConfig(d, res, res->crtcs[0], CurrentTime, 0, 0, mode, RR_Rotate_0, &output, 1);
    XSync(d, False);
    XRRFreeScreenResources(res);
    return status == RRSetConfigSuccess;
}

}  // namespace kiosk::test
