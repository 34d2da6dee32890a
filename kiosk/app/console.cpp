#include "kiosk/app/console.hpp"

#include <linux/kd.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace kiosk::app {

Console::~Console() {
    give_back();
}

bool Console::take() {
    if (taken_) return true;
    int mode = 0;
    if (ioctl(STDIN_FILENO, KDGETMODE, &mode) != 0) return false;  // not a virtual terminal
    // Blanking off (setterm -blank 0 -powerdown 0), cursor hidden: for the text mode shown
    // before and after the kiosk, and for consoles that ignore graphics mode.
    static const char kNoBlank[] = "\033[9;0]\033[14;0]\033[?25l";
    (void)!write(STDIN_FILENO, kNoBlank, sizeof kNoBlank - 1);
    taken_ = ioctl(STDIN_FILENO, KDSETMODE, KD_GRAPHICS) == 0;
    return taken_;
}

void Console::give_back() {
    if (!taken_) return;
    ioctl(STDIN_FILENO, KDSETMODE, KD_TEXT);
    static const char kCursor[] = "\033[?25h";
    (void)!write(STDIN_FILENO, kCursor, sizeof kCursor - 1);
    taken_ = false;
}

}  // namespace kiosk::app
