#pragma once
// What SDL 2.26 does not do for an X11 screen. When the X server goes away, Xlib's default is
// to end the process, and SDL keeps that default; and SDL keeps the screen size it saw at
// start when xrandr (or a TV renegotiating its mode) changes it. This reaches the libX11 that
// SDL loaded, without linking it: on a machine without X nothing is loaded at all.
// Main thread only.

#include <SDL.h>

#include <optional>
#include <string>

namespace kiosk::render::x11 {

// Starts watching the X connections: from now on a lost server calls `on_lost` (which may
// replace the process with exec and not return), then sets connection_lost(), instead of
// ending the process. SDL holds two connections (one only to wake its event loop from other
// threads), and either may be the first to notice, on any thread: `on_lost` must be safe to
// call from any thread. False when libX11's handlers cannot be reached (libX11 older than 1.7).
bool watch(SDL_Window* window, void (*on_lost)());
bool connection_lost();
// Forgets the connection (before SDL closes it).
void unwatch();

struct Size {
    int width = 0, height = 0;
};
// The X screen's size now, as the server says, for the screen `window` is on.
std::optional<Size> screen_size(SDL_Window* window);

// Whether an X server seems to listen for `display` (a DISPLAY value such as ":0"): a cheap
// look before SDL is asked to connect.
bool server_listens(const std::string& display);

}  // namespace kiosk::render::x11
