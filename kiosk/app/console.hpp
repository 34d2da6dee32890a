#pragma once
// The text console (a Linux virtual terminal) under a KMS/DRM picture. Taken, it is switched to
// graphics mode, so neither kernel messages nor a blinking cursor show through the slides, and
// its blanking and power-down timers are turned off, so the screen never goes dark by itself.
// Given back (and at the end of the program) it is a text console again. Only standard input
// is looked at: under systemd that is the unit's TTYPath.

namespace kiosk::app {

class Console {
  public:
    Console() = default;
    ~Console();  // gives the console back
    Console(const Console&) = delete;
    Console& operator=(const Console&) = delete;

    // True when standard input is a virtual terminal and it is now in graphics mode.
    bool take();
    void give_back();

  private:
    bool taken_ = false;
};

}  // namespace kiosk::app
