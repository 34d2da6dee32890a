#include "kiosk/render/screen.hpp"

#include <SDL_image.h>

#include <system_error>

#include "kiosk/state/state_dir.hpp"

namespace kiosk::render {

std::unique_ptr<Screen> Screen::open(const ScreenOptions& options, std::string* error) {
    std::unique_ptr<Screen> screen(new Screen);
    screen->rotation_ = options.rotation;
    int w = options.width, h = options.height;
    Uint32 flags = options.hidden ? SDL_WINDOW_HIDDEN : SDL_WINDOW_SHOWN;
    const int display = std::min(options.display, std::max(0, SDL_GetNumVideoDisplays() - 1));
    if (options.fullscreen && !options.hidden) {
        // On X11, SDL's fullscreen request waits up to 100 ms for a window manager to act, and
        // a kiosk started by xinit has none. So there the window opens borderless over the
        // whole display, and asks for fullscreen only once the first frame is on screen.
        screen->fullscreen_after_first_frame_ = SDL_strcmp(SDL_GetCurrentVideoDriver(), "x11") == 0;
        flags |= screen->fullscreen_after_first_frame_ ? SDL_WINDOW_BORDERLESS
                                                       : SDL_WINDOW_FULLSCREEN_DESKTOP;
        // Fullscreen is the display's own size, whatever display.size says.
        SDL_DisplayMode mode;
        if (SDL_GetDesktopDisplayMode(display, &mode) == 0) {
            w = mode.w;
            h = mode.h;
        }
    }
    if (w == 0 || h == 0) {
        // A windowed preview of a portrait screen is a portrait window.
        const bool turned = options.rotation == 90 || options.rotation == 270;
        w = turned ? 720 : 1280;
        h = turned ? 1280 : 720;
    } else if (options.rotation == 90 || options.rotation == 270) {
        // --size and display.size name the upright picture; the window is the panel.
        if (!options.fullscreen || options.hidden) std::swap(w, h);
    }
    screen->window_ = SDL_CreateWindow("kiosk", SDL_WINDOWPOS_CENTERED_DISPLAY(display),
                                       SDL_WINDOWPOS_CENTERED_DISPLAY(display), w, h, flags);
    if (!screen->window_) {
        if (error) *error = std::string("cannot open a window: ") + SDL_GetError();
        return nullptr;
    }
    if (!options.hidden) SDL_ShowCursor(SDL_DISABLE);
    // Without this hint SDL backs a software window with a GL texture, loading a whole GL
    // stack (llvmpipe where there is no GPU): slower to start and far heavier in memory.
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION,
                options.software && options.framebuffer_without_gl ? "0" : "1");
    const Uint32 renderer_flags = options.software ? SDL_RENDERER_SOFTWARE : 0;
    screen->renderer_ = SDL_CreateRenderer(screen->window_, -1, renderer_flags);
    if (!screen->renderer_ && !options.software)
        screen->renderer_ = SDL_CreateRenderer(screen->window_, -1, SDL_RENDERER_SOFTWARE);
    if (!screen->renderer_) {
        if (error) *error = std::string("cannot draw into the window: ") + SDL_GetError();
        return nullptr;
    }
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(screen->renderer_, &info) == 0) screen->renderer_name_ = info.name;
    if (!screen->refresh_size()) {
        if (error) *error = std::string("cannot make the rotation canvas: ") + SDL_GetError();
        return nullptr;
    }
    return screen;
}

Screen::~Screen() {
    canvas_.reset();
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (window_) SDL_DestroyWindow(window_);
}

bool Screen::refresh_size() {
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer_, &w, &h);
    const bool turned = rotation_ == 90 || rotation_ == 270;
    width_ = turned ? h : w;
    height_ = turned ? w : h;
    canvas_.reset();
    if (rotation_ == 0) return true;
    canvas_.reset(SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                    width_, height_));
    return canvas_ != nullptr;
}

void Screen::begin_frame() {
    if (canvas_) SDL_SetRenderTarget(renderer_, canvas_.get());
}

void Screen::present() {
    if (canvas_) {
        SDL_SetRenderTarget(renderer_, nullptr);
        int w = 0, h = 0;
        SDL_GetRendererOutputSize(renderer_, &w, &h);
        // The canvas is turned about its centre, which is the window's centre.
        const SDL_Rect where{(w - width_) / 2, (h - height_) / 2, width_, height_};
        SDL_RenderCopyEx(renderer_, canvas_.get(), nullptr, &where, rotation_, nullptr,
                         SDL_FLIP_NONE);
    }
    SDL_RenderPresent(renderer_);
}

void Screen::finish_opening() {
    if (!fullscreen_after_first_frame_) return;
    fullscreen_after_first_frame_ = false;
    SDL_SetWindowFullscreen(window_, SDL_WINDOW_FULLSCREEN_DESKTOP);
}

std::vector<Uint32> Screen::read_pixels() const {
    std::vector<Uint32> pixels(static_cast<size_t>(width_) * height_);
    // The canvas is still the target after drawing a rotated frame, so this reads it upright.
    SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ARGB8888, pixels.data(), width_ * 4);
    return pixels;
}

bool Screen::save_png(const std::filesystem::path& file, std::string* error) const {
    const auto png = encode_png(read_pixels(), width_, height_, error);
    if (!png) return false;
    const auto dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    return state::write_file_atomically(dir, file.filename(), *png, false, error, 0644);
}

std::optional<std::string> encode_png(std::vector<Uint32> pixels, int width, int height,
                                      std::string* error) {
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormatFrom(pixels.data(), width, height, 32,
                                                              width * 4, SDL_PIXELFORMAT_ARGB8888);
    if (!surface) {
        if (error) *error = SDL_GetError();
        return std::nullopt;
    }
    // SDL_image writes through an SDL_RWops; this one grows a string.
    std::string out;
    SDL_RWops* rw = SDL_AllocRW();
    if (!rw) {
        SDL_FreeSurface(surface);
        if (error) *error = SDL_GetError();
        return std::nullopt;
    }
    rw->hidden.unknown.data1 = &out;
    rw->write = [](SDL_RWops* ctx, const void* data, size_t size, size_t count) -> size_t {
        static_cast<std::string*>(ctx->hidden.unknown.data1)
            ->append(static_cast<const char*>(data), size * count);
        return count;
    };
    rw->size = [](SDL_RWops* ctx) -> Sint64 {
        return static_cast<Sint64>(static_cast<std::string*>(ctx->hidden.unknown.data1)->size());
    };
    rw->seek = [](SDL_RWops* ctx, Sint64, int) -> Sint64 {
        return static_cast<Sint64>(static_cast<std::string*>(ctx->hidden.unknown.data1)->size());
    };
    rw->read = [](SDL_RWops*, void*, size_t, size_t) -> size_t { return 0; };
    rw->close = [](SDL_RWops* ctx) -> int {
        SDL_FreeRW(ctx);
        return 0;
    };
    const bool saved = IMG_SavePNG_RW(surface, rw, 1) == 0;
    SDL_FreeSurface(surface);
    if (!saved) {
        if (error) *error = std::string("cannot encode PNG: ") + IMG_GetError();
        return std::nullopt;
    }
    return out;
}

}  // namespace kiosk::render
