#pragma once
// The screen the kiosk draws on, which may be missing at start, go away (a TV switched off, an
// HDMI cable pulled, the X server gone) and come back, perhaps at another size. While no real
// display answers, an offscreen screen stands in, so the picture goes on (to screen.png) and
// nothing else in the program needs to know. The real display is tried again every kRetry,
// and only after a cheap look (is an X server listening, is a monitor connected) says it may
// answer. Main thread only: SDL video lives there.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/model/config.hpp"
#include "kiosk/render/screen.hpp"

namespace kiosk::render {

// What the settings and the command line ask of the display.
struct DisplayWish {
    bool fullscreen = true;
    int display = 0;
    int width = 0, height = 0;  // 0: the display's own size
    int rotation = 0;
    model::Renderer renderer = model::Renderer::Auto;
    bool force_software = false;  // --software

    friend bool operator==(const DisplayWish&, const DisplayWish&) = default;
};

class Display {
  public:
    using Time = std::chrono::steady_clock::time_point;
    using Lines = std::vector<std::string>;
    static constexpr std::chrono::seconds kRetry{3};

    enum class Change {
        None,
        Opened,  // a real display answers (again)
        Lost,    // the real display went away: offscreen now
        Remade,  // the screen was made anew (another size, other settings)
        Dead,    // the X server went away: its connection cannot be closed, only left by
                 // starting the process afresh (see app/restart.hpp)
    };

    // Opens the real display, or offscreen where none answers (with one line in `log`).
    // `on_x11_lost` is called, on any thread, the moment an X server goes away (see x11_link):
    // it may start the program afresh and not return.
    // `headless_width` and `headless_height`, when set, size the picture while no display
    // answers (the size of the screen a fresh start last showed on).
    Display(DisplayWish wish, Lines& log, void (*on_x11_lost)() = nullptr, int headless_width = 0,
            int headless_height = 0);
    ~Display();
    Display(const Display&) = delete;
    Display& operator=(const Display&) = delete;

    // Notices a display that went away, came back or changed size; retries the real display
    // while offscreen. After any change but None, textures made for the old screen are gone.
    Change maintain(Time now, Lines& log);
    // New settings: the screen is made anew when they differ.
    Change set_wish(const DisplayWish& wish, Lines& log);
    // An SDL window event (a window manager resized the window): Remade when the size changed.
    Change on_event(const SDL_Event& event);

    // For the end of the program: lets go of an X11 screen without a word to the server.
    // SDL's teardown waits for the server to answer, forever if it is going away at the same
    // moment; the process's exit closes the connection anyway. Other drivers close properly
    // (KMS/DRM must give the display and the console back).
    void abandon_if_x11();

    Screen* screen() { return screen_.get(); }  // null only when not even offscreen works
    bool real() const { return real_; }
    const std::string& driver() const { return driver_; }
    // SDL_WaitEvent truly sleeps on this driver (X11, Wayland); elsewhere it polls.
    bool events_wake() const { return driver_ == "x11" || driver_ == "wayland"; }
    // When maintain() next has something to look at.
    Time next_check(Time now) const;

  private:
    bool open_real(Lines& log, std::string& why);
    void open_offscreen(Lines& log);
    void close();
    bool open_screen(const std::string& driver, Lines& log, std::string& why);

    DisplayWish wish_;
    void (*on_x11_lost_)() = nullptr;
    std::unique_ptr<Screen> screen_;
    bool real_ = false;
    std::string driver_;
    std::string lost_reason_;  // why no real display answers, as last said
    std::string drm_signature_;
    bool said_software_ = false;
    bool abandoned_ = false;
    Time next_retry_{};
    Time next_look_{};
    int offscreen_width_ = 0, offscreen_height_ = 0;  // the last real screen's upright size
};

// True when this machine shows no GPU device (/dev/dri): a VM, a server, Xvfb. There a GL
// renderer is Mesa's llvmpipe, which costs ~70 MiB more than SDL's software renderer and draws
// these slides no faster.
bool lacks_gpu();

}  // namespace kiosk::render
