#pragma once
// The window and its renderer: fullscreen on a display, a preview window, or offscreen for
// screenshots. A portrait TV is served by drawing upright into a canvas of the turned size and
// turning the canvas onto the window, so scenes never know about rotation.
// Create, draw and destroy on the main thread (SDL video must live there).

#include <SDL.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/render/painter.hpp"

namespace kiosk::render {

struct ScreenOptions {
    bool fullscreen = true;
    int display = 0;
    int width = 0, height = 0;  // 0: the display's size (fullscreen) or 1280x720
    int rotation = 0;           // clockwise degrees: 0, 90, 180, 270
    bool software = false;      // SDL's software renderer rather than the GPU's
    bool hidden = false;        // no visible window: offscreen screenshots
    // Keep software frames out of GL (X11, offscreen); Wayland has no other way to show them.
    bool framebuffer_without_gl = true;
};

class Screen {
  public:
    // nullptr with `error` set when no window or renderer can be had.
    static std::unique_ptr<Screen> open(const ScreenOptions& options, std::string* error);
    ~Screen();

    SDL_Renderer* renderer() const { return renderer_; }
    SDL_Window* window() const { return window_; }
    // The upright size scenes are laid out for.
    int width() const { return width_; }
    int height() const { return height_; }
    const char* renderer_name() const { return renderer_name_.c_str(); }
    // Whether what was drawn stays in place after a present, so a frame may draw only what
    // changed: SDL's software renderer draws into the window's own pixels (or the rotation
    // canvas), and nothing else touches them. A GPU renderer's back buffer is undefined after a
    // present.
    bool keeps_pixels() const { return renderer_name_ == "software"; }

    // Brackets the drawing of one frame. capture() may be called in between, after drawing.
    void begin_frame();
    void present();
    // Does what open() left for after the first frame so that frame came sooner: on X11, the
    // fullscreen request, which may wait 100 ms for a window manager.
    void finish_opening();

    // The upright picture as 0xAARRGGBB pixels, row by row.
    std::vector<Uint32> read_pixels() const;
    // Writes the upright picture as PNG, through a temporary file and a rename, so a reader
    // never sees half a file.
    bool save_png(const std::filesystem::path& file, std::string* error) const;

    // The window's size changed (a monitor was swapped): re-derive the layout size.
    bool refresh_size();

  private:
    Screen() = default;
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    TexturePtr canvas_;  // only when rotated
    int rotation_ = 0;
    int width_ = 0, height_ = 0;
    bool fullscreen_after_first_frame_ = false;
    std::string renderer_name_;
};

// ARGB8888 pixels (as read_pixels gives them) encoded as PNG, in memory: the caller decides
// where (and on which thread) the file is written.
std::optional<std::string> encode_png(std::vector<Uint32> pixels, int width, int height,
                                      std::string* error);

}  // namespace kiosk::render
