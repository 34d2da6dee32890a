#include "kiosk/render/display.hpp"

#include <cstdlib>
#include <system_error>

#include "kiosk/render/drm_connectors.hpp"
#include "kiosk/render/x11_link.hpp"

namespace kiosk::render {

namespace {

// How often a real display is looked at for a change of size or a lost monitor.
constexpr std::chrono::seconds kLook{2};

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

bool wayland_reachable() {
    if (!env("WAYLAND_SOCKET").empty()) return true;
    const std::string runtime = env("XDG_RUNTIME_DIR");
    if (runtime.empty()) return false;
    const std::string name = env("WAYLAND_DISPLAY").empty() ? "wayland-0" : env("WAYLAND_DISPLAY");
    std::error_code ec;
    return std::filesystem::exists(name[0] == '/' ? name : runtime + "/" + name, ec);
}

// The drivers to try, best first: the operator's choice (SDL_VIDEODRIVER), else whatever this
// session offers.
std::vector<std::string> candidate_drivers() {
    std::vector<std::string> out;
    const std::string chosen = env("SDL_VIDEODRIVER");
    if (!chosen.empty()) {
        for (size_t at = 0; at <= chosen.size();) {
            const size_t comma = std::min(chosen.find(',', at), chosen.size());
            const std::string name = chosen.substr(at, comma - at);
            if (!name.empty() && name != "offscreen" && name != "dummy") out.push_back(name);
            at = comma + 1;
        }
        return out;
    }
    if (!env("WAYLAND_DISPLAY").empty() && wayland_reachable()) out.push_back("wayland");
    if (!env("DISPLAY").empty()) out.push_back("x11");
    out.push_back("kmsdrm");
    return out;
}

// A cheap look: may this driver answer now? `why` says what is missing when it may not.
bool may_answer(const std::string& driver, std::string& why) {
    if (driver == "x11") {
        const std::string display = env("DISPLAY");
        if (display.empty() || x11::server_listens(display)) return true;
        why = "no X server answers on DISPLAY=" + display;
        return false;
    }
    if (driver == "kmsdrm") {
        if (!drm::has_cards()) {
            why = "no KMS/DRM device (/dev/dri/card*)";
            return false;
        }
        if (!drm::any_connected()) {
            why = "no monitor is connected (or it is switched off)";
            return false;
        }
        return true;
    }
    if (driver == "wayland" && !wayland_reachable()) {
        why = "no Wayland compositor answers";
        return false;
    }
    return true;
}

}  // namespace

bool lacks_gpu() {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/dev/dri", ec))
        if (entry.path().filename().string().rfind("renderD", 0) == 0 ||
            entry.path().filename().string().rfind("card", 0) == 0)
            return false;
    return true;
}

Display::Display(DisplayWish wish, Lines& log, void (*on_x11_lost)(), int headless_width,
                 int headless_height)
    : wish_(wish),
      on_x11_lost_(on_x11_lost),
      offscreen_width_(headless_width),
      offscreen_height_(headless_height) {
    std::string why;
    if (!open_real(log, why)) {
        lost_reason_ = why;
        log.push_back("no display can be opened (" + why +
                      "); running headless and trying again every " +
                      std::to_string(kRetry.count()) + " s");
        open_offscreen(log);
    }
}

Display::~Display() {
    close();
}

void Display::abandon_if_x11() {
    if (driver_ != "x11") return;
    x11::unwatch();
    (void)screen_.release();  // deliberately leaked: the process is ending
    abandoned_ = true;        // and SDL's video is not shut down either (that would close it)
    real_ = false;
    driver_.clear();
}

void Display::close() {
    x11::unwatch();
    screen_.reset();
    if (SDL_GetCurrentVideoDriver() && !abandoned_) SDL_VideoQuit();
    real_ = false;
    driver_.clear();
}

bool Display::open_screen(const std::string& driver, Lines& log, std::string& why) {
    ScreenOptions options;
    const bool offscreen = driver == "offscreen";
    options.fullscreen = wish_.fullscreen && !offscreen;
    options.hidden = offscreen;
    options.display = wish_.display;
    options.rotation = wish_.rotation;
    options.width = wish_.width;
    options.height = wish_.height;
    if (offscreen && wish_.width == 0) {
        // Headless, the picture keeps the size of the last real screen, else a 1080p TV's,
        // turned as the settings turn it. (Offscreen sizes are the upright picture's.)
        const bool turned = wish_.rotation == 90 || wish_.rotation == 270;
        options.width = offscreen_width_ ? offscreen_width_ : turned ? 1080 : 1920;
        options.height = offscreen_height_ ? offscreen_height_ : turned ? 1920 : 1080;
    }
    const bool wants_software = wish_.force_software ||
                                wish_.renderer == model::Renderer::Software ||
                                (wish_.renderer == model::Renderer::Auto && lacks_gpu());
    if (driver == "kmsdrm" && wants_software) {
        // SDL's KMS/DRM driver has no window framebuffer: its software renderer would draw
        // through GL anyway, or not at all. Say so once, and draw with the GPU.
        if (!said_software_ &&
            (wish_.force_software || wish_.renderer == model::Renderer::Software))
            log.push_back(
                "the software renderer cannot draw on KMS/DRM (SDL has no framebuffer there); "
                "using the GPU renderer");
        said_software_ = true;
        options.software = false;
    } else {
        options.software = offscreen || wants_software;
    }
    // Without a framebuffer of its own, Wayland shows software frames through GL only.
    options.framebuffer_without_gl = driver != "wayland";
    screen_ = Screen::open(options, &why);
    return screen_ != nullptr;
}

bool Display::open_real(Lines& log, std::string& why) {
    // Every driver's reason, so the line says all that was tried.
    std::string reasons;
    const auto note = [&](const std::string& reason) {
        reasons += (reasons.empty() ? "" : "; ") + reason;
    };
    for (const std::string& driver : candidate_drivers()) {
        std::string reason;
        if (!may_answer(driver, reason)) {
            note(reason);
            continue;
        }
        if (SDL_VideoInit(driver.c_str()) != 0) {
            note(driver + ": " + SDL_GetError());
            continue;
        }
        if (!open_screen(driver, log, reason)) {
            note(driver + ": " + reason);
            SDL_VideoQuit();
            continue;
        }
        real_ = true;
        driver_ = driver;
        if (driver == "x11") x11::watch(screen_->window(), on_x11_lost_);
        if (driver == "kmsdrm") drm_signature_ = drm::connected_signature();
        offscreen_width_ = screen_->width();
        offscreen_height_ = screen_->height();
        return true;
    }
    why = reasons.empty() ? "no video driver to try" : reasons;
    return false;
}

void Display::open_offscreen(Lines& log) {
    real_ = false;
    driver_.clear();
    std::string why;
    if (SDL_VideoInit("offscreen") != 0) {
        log.push_back(std::string("cannot start SDL offscreen: ") + SDL_GetError());
        return;
    }
    if (!open_screen("offscreen", log, why)) {
        log.push_back("cannot draw offscreen: " + why);
        SDL_VideoQuit();
        return;
    }
    driver_ = "offscreen";
}

Display::Change Display::maintain(Time now, Lines& log) {
    if (!real_) {
        if (now < next_retry_) return Change::None;
        next_retry_ = now + kRetry;
        std::string why;
        bool worth_trying = false;
        for (const std::string& driver : candidate_drivers())
            worth_trying = worth_trying || may_answer(driver, why);
        if (!worth_trying) return Change::None;
        close();
        if (open_real(log, why)) {
            log.push_back("display answers again: " + driver_ + ", " +
                          std::to_string(screen_->width()) + "x" +
                          std::to_string(screen_->height()));
            lost_reason_.clear();
            return Change::Opened;
        }
        if (why != lost_reason_) log.push_back("display still missing (" + why + ")");
        lost_reason_ = why;
        open_offscreen(log);
        return Change::Remade;
    }

    const auto lose = [&](const std::string& why) {
        lost_reason_ = why;
        log.push_back("display lost (" + why + "); running headless and trying again every " +
                      std::to_string(kRetry.count()) + " s");
        close();
        open_offscreen(log);
        next_retry_ = now + kRetry;
        return Change::Lost;
    };
    if (driver_ == "x11" && x11::connection_lost()) return Change::Dead;
    if (now < next_look_) return Change::None;
    next_look_ = now + kLook;
    if (driver_ == "x11" && wish_.fullscreen) {
        const auto size = x11::screen_size(screen_->window());
        if (x11::connection_lost()) return Change::Dead;
        int w = 0, h = 0;
        SDL_GetWindowSize(screen_->window(), &w, &h);
        if (size && (size->width != w || size->height != h)) {
            // SDL keeps the screen size it saw at start: a fresh connection learns the new one.
            log.push_back("the screen is now " + std::to_string(size->width) + "x" +
                          std::to_string(size->height) + "; laying out again");
            close();
            std::string why;
            if (!open_real(log, why)) return lose(why);
            return Change::Remade;
        }
    }
    if (driver_ == "kmsdrm") {
        const std::string signature = drm::connected_signature();
        if (signature.empty()) return lose("no monitor is connected (or it is switched off)");
        if (signature != drm_signature_) {
            // Another monitor, or the same one with other modes: set the mode anew.
            log.push_back("the monitor changed (" + signature + "); opening it again");
            close();
            std::string why;
            if (!open_real(log, why)) return lose(why);
            return Change::Remade;
        }
    }
    return Change::None;
}

Display::Change Display::set_wish(const DisplayWish& wish, Lines& log) {
    if (wish == wish_) return Change::None;
    const auto turned = [](int rotation) { return rotation == 90 || rotation == 270; };
    if (turned(wish.rotation) != turned(wish_.rotation))
        std::swap(offscreen_width_, offscreen_height_);  // the headless picture turns too
    wish_ = wish;
    close();
    std::string why;
    if (open_real(log, why)) return Change::Remade;
    lost_reason_ = why;
    log.push_back("no display can be opened (" + why + "); running headless");
    open_offscreen(log);
    next_retry_ = std::chrono::steady_clock::now() + kRetry;
    return Change::Lost;
}

Display::Change Display::on_event(const SDL_Event& event) {
    if (event.type != SDL_WINDOWEVENT || event.window.event != SDL_WINDOWEVENT_SIZE_CHANGED ||
        !screen_)
        return Change::None;
    const int w = screen_->width(), h = screen_->height();
    screen_->refresh_size();
    return w == screen_->width() && h == screen_->height() ? Change::None : Change::Remade;
}

Display::Time Display::next_check(Time now) const {
    if (!real_) return std::max(now, next_retry_);
    if (driver_ == "x11" || driver_ == "kmsdrm") return std::max(now, next_look_);
    return Time::max();
}

}  // namespace kiosk::render
