#pragma once
// A real X server (Xvfb) for tests, started on a display number of its own, whose screen is
// read back pixel by pixel and whose size is changed through RandR, as xrandr does. The
// connection that changes the size stays open: Xvfb drops a mode when its client leaves.

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::test {

class XServer {
  public:
    XServer(int number, int width, int height);  // waits until it accepts connections
    ~XServer();                                  // kills it
    XServer(const XServer&) = delete;
    XServer& operator=(const XServer&) = delete;

    // Not ":" + …: GCC 12 warns falsely (-Wrestrict) on that operator+.
    std::string display() const { return std::string(1, ':') += std::to_string(number_); }
    bool running() const { return pid_ > 0; }
    // The root window as 0x00RRGGBB pixels, row by row; empty when it cannot be read.
    std::vector<std::uint32_t> pixels(int& width, int& height) const;
    // Sets the screen to width x height (no larger than it started).
    bool resize(int width, int height);
    void stop();

  private:
    int number_;
    int pid_ = -1;
    void* control_ = nullptr;  // Display*, kept open while a mode it made is in use
};

// A display number no X server uses now.
int free_display_number();

}  // namespace kiosk::test
