#include "kiosk/app/kiosk_app.hpp"

#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "kiosk/app/file_watcher.hpp"
#include "kiosk/app/mailbox.hpp"
#include "kiosk/app/stage.hpp"
#include "kiosk/feed/feed_worker.hpp"

namespace kiosk::app {

namespace {

// Set while the program loads, before main: "first frame … after start" counts SDL's start-up,
// the window and the fonts, as a person watching the screen would.
const auto process_start = std::chrono::steady_clock::now();

constexpr std::int64_t kCountUpMs = 1000;
constexpr std::int64_t kFrameMs = 16;  // ~60 fps while something moves

void log_diagnostics(const model::Diagnostics& diagnostics) {
    for (const auto& d : diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
}

std::vector<std::int64_t> durations_ms(const Sources& s) {
    std::vector<std::int64_t> out;
    for (const auto& slide : s.deck.slides)
        out.push_back(
            static_cast<std::int64_t>(1000 * slide.duration_s.value_or(s.config.slide_duration_s)));
    return out;
}

std::int64_t fade_ms(const model::Config& c) {
    return c.transition == model::Transition::Cut
               ? 0
               : static_cast<std::int64_t>(1000 * c.transition_s);
}

text::FontSet load_theme_fonts(const SourcePaths& paths, const model::Theme& theme) {
    return text::load_fonts(paths.fonts_dir, theme.font, theme.bold_font, theme.italic_font);
}

struct SdlSession {
    SdlSession() = default;
    ~SdlSession() { SDL_Quit(); }
};

// Without XDG_RUNTIME_DIR no Wayland compositor can be reached, yet trying prints an error of
// libwayland's own on a server or a bare console. Leave Wayland out there, unless the operator
// chose the driver.
void skip_unreachable_wayland() {
    if (std::getenv("SDL_VIDEODRIVER") || std::getenv("XDG_RUNTIME_DIR") ||
        std::getenv("WAYLAND_SOCKET"))
        return;
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "x11,kmsdrm,offscreen");
}

// The counter's shown number, moving toward the state's value over a second.
struct CountUp {
    std::uint64_t from = 0, to = 0;
    std::int64_t started_ms = 0;
    bool running(std::int64_t now) const { return from != to && now - started_ms < kCountUpMs; }
    std::uint64_t value(std::int64_t now) const {
        return scene::count_up_value(from, to, now - started_ms, kCountUpMs);
    }
};

std::unique_ptr<feed::FeedWorker> start_feed(const Sources& s, Mailbox& mailbox) {
    if (!s.counter && s.config.counter.url.empty()) return nullptr;
    auto worker = std::make_unique<feed::FeedWorker>(
        s.config.counter, s.counter.value_or(model::CounterContent{}), s.config.state_dir,
        [&mailbox](const feed::CounterState& state, const std::vector<std::string>& lines) {
            for (const auto& line : lines)
                std::fprintf(stderr, "kiosk: counter: %s\n", line.c_str());
            mailbox.post_counter(state);
        });
    worker->start();
    return worker;
}

// A counter state is worth a band when it has labels to show.
std::optional<feed::CounterState> shown_state(const std::optional<feed::CounterState>& state,
                                              const Sources& s) {
    if (!state || (!s.counter && state->freshness == feed::Freshness::Bundled)) return std::nullopt;
    return state;
}

}  // namespace

int run_screenshot(const SourcePaths& paths, const Options& options) {
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    model::Diagnostics diagnostics;
    const Sources sources = load_sources(paths, diagnostics);
    log_diagnostics(diagnostics);
    size_t index = 0;
    if (options.slide) {
        const auto it = std::find_if(sources.deck.slides.begin(), sources.deck.slides.end(),
                                     [&](const auto& s) { return s.id == *options.slide; });
        if (it == sources.deck.slides.end()) {
            std::fprintf(stderr, "kiosk: no slide with id \"%s\" in %s\n", options.slide->c_str(),
                         paths.slides_file().c_str());
            return 1;
        }
        index = static_cast<size_t>(it - sources.deck.slides.begin());
    }
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        std::fprintf(stderr, "kiosk: cannot start SDL offscreen: %s\n", SDL_GetError());
        return 1;
    }
    SdlSession sdl;
    const text::FontSet fonts = load_theme_fonts(paths, sources.config.theme);
    const Size size = options.size.value_or(Size{1920, 1080});
    render::ScreenOptions screen_options;
    screen_options.fullscreen = false;
    screen_options.hidden = true;
    screen_options.software = true;
    screen_options.width = size.width;
    screen_options.height = size.height;
    std::string error;
    auto screen = render::Screen::open(screen_options, &error);
    if (!screen) {
        std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        return 1;
    }
    // The picture shows what the screen would: wait for the feed's first answer (bounded by
    // its timeout) so a live number appears as it would.
    Mailbox mailbox;
    auto feed = start_feed(sources, mailbox);
    if (feed && !sources.config.counter.url.empty())
        feed->wait_first_attempt(std::chrono::milliseconds(
            static_cast<std::int64_t>(1000 * sources.config.counter.timeout_s) + 500));
    std::optional<feed::CounterState> counter = mailbox.take_counter();
    feed.reset();

    Stage stage(*screen, fonts);
    stage.set_sources(sources);
    const auto shown = shown_state(counter, sources);
    stage.set_counter(shown, shown ? shown->value : 0);
    scene::Slideshow::Frame frame;
    frame.current = index;
    stage.draw(frame);
    if (!screen->save_png(*options.screenshot, &error)) {
        std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        return 1;
    }
    return 0;
}

int run_kiosk(const SourcePaths& paths, const Options& options) {
    model::Diagnostics diagnostics;
    auto sources = std::make_unique<Sources>(load_sources(paths, diagnostics));
    log_diagnostics(diagnostics);
    if (sources->deck_is_builtin)
        std::fprintf(stderr, "kiosk: showing the built-in slide until %s loads\n",
                     paths.slides_file().c_str());

    const model::DisplayConfig& display = sources->config.display;
    render::ScreenOptions screen_options;
    screen_options.fullscreen = display.fullscreen && !options.windowed;
    screen_options.display = display.display;
    screen_options.rotation = display.rotation;
    screen_options.software = options.software || display.renderer == model::Renderer::Software ||
                              (display.renderer == model::Renderer::Auto && render::lacks_gpu());
    screen_options.width = options.window_size ? options.window_size->width : display.width;
    screen_options.height = options.window_size ? options.window_size->height : display.height;

    std::string error;
    std::unique_ptr<render::Screen> screen;
    skip_unreachable_wayland();
    if (SDL_Init(SDL_INIT_VIDEO) == 0) {
        // SDL falls back to its offscreen driver by itself when no display answers.
        const std::string driver = SDL_GetCurrentVideoDriver();
        if (driver != "offscreen" && driver != "dummy")
            screen = render::Screen::open(screen_options, &error);
        else
            error = "no X11, Wayland or KMS/DRM display answered";
    } else {
        error = SDL_GetError();
    }
    const bool headless = !screen;
    if (headless) {
        // A server, a broken session: keep working, and show whoever looks what would be shown.
        SDL_Quit();
        std::fprintf(stderr,
                     "kiosk: no display can be opened (%s); running headless, writing the screen "
                     "to %s at each slide change\n",
                     error.c_str(), (sources->config.state_dir / "screen.png").c_str());
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
        if (SDL_Init(SDL_INIT_VIDEO) != 0) {
            std::fprintf(stderr, "kiosk: cannot start SDL offscreen: %s\n", SDL_GetError());
            return 1;
        }
        screen_options.hidden = true;
        screen_options.software = true;
        screen_options.fullscreen = false;
        if (screen_options.width == 0) {
            screen_options.width = 1920;
            screen_options.height = 1080;
        }
        screen = render::Screen::open(screen_options, &error);
        if (!screen) {
            std::fprintf(stderr, "kiosk: %s\n", error.c_str());
            SDL_Quit();
            return 1;
        }
    }
    SdlSession sdl;
    text::FontSet fonts = load_theme_fonts(paths, sources->config.theme);
    // Only X11's and Wayland's event waits really sleep; SDL polls every millisecond elsewhere.
    const std::string driver = SDL_GetCurrentVideoDriver();
    const bool sdl_waits = driver == "x11" || driver == "wayland";

    Mailbox mailbox;
    auto feed = start_feed(*sources, mailbox);
    FileWatcher watcher({paths.config_file, paths.slides_file(), paths.counter_file()}, [&] {
        Mailbox::Reload reload;
        reload.read = read_sources(paths, reload.diagnostics);
        mailbox.post_reload(std::move(reload));
    });

    Stage stage(*screen, fonts);
    stage.set_sources(*sources);
    const auto now_ms = [] { return static_cast<std::int64_t>(SDL_GetTicks64()); };
    scene::Slideshow show(durations_ms(*sources), fade_ms(sources->config), now_ms());
    std::optional<feed::CounterState> counter = mailbox.take_counter();
    CountUp count;
    if (auto shown = shown_state(counter, *sources)) count = {shown->value, shown->value, 0};
    std::uint64_t band_value = count.to;
    bool band_stale = true;

    bool dirty = true, first_frame = true, drew_motion = false;
    size_t last_written = SIZE_MAX, drawn_slide = SIZE_MAX;
    for (bool running = true; running;) {
        const std::int64_t now = now_ms();
        const auto frame = show.frame(now);
        const bool moving = frame.previous || count.running(now);
        // The last frame of a crossfade or count-up is drawn a little before its end: once the
        // motion is over, one more frame shows its end state (no trace of the old slide or
        // number), and is the one written headless.
        if (dirty || moving || drew_motion || frame.current != drawn_slide) {
            drawn_slide = frame.current;
            drew_motion = moving;
            // The band is laid out again only when its number or state changed.
            if (band_stale || count.value(now) != band_value) {
                band_value = count.value(now);
                stage.set_counter(shown_state(counter, *sources), band_value);
                band_stale = false;
            }
            stage.draw(frame);
            // Headless, each new slide, once it stands still, goes to a PNG for whoever checks.
            // Read before presenting (a rotated frame is still upright in its canvas), written
            // after, so encoding never delays a frame.
            std::optional<std::vector<Uint32>> to_write;
            if (headless && !frame.previous && frame.current != last_written) {
                to_write = screen->read_pixels();
                last_written = frame.current;
            }
            screen->present();
            if (first_frame) {
                const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::steady_clock::now() - process_start)
                                    .count();
                std::fprintf(
                    stderr,
                    "kiosk: first frame on screen, %dx%d, %s renderer, %lld ms after start\n",
                    screen->width(), screen->height(), screen->renderer_name(),
                    static_cast<long long>(ms));
                first_frame = false;
                screen->finish_opening();
            }
            if (to_write) {
                std::string write_error;
                if (!render::write_png(std::move(*to_write), screen->width(), screen->height(),
                                       sources->config.state_dir / "screen.png", &write_error))
                    std::fprintf(stderr, "kiosk: %s\n", write_error.c_str());
            }
            dirty = false;
            if (!frame.previous)
                stage.prepare_slide((frame.current + 1) % sources->deck.slides.size());
        }

        // Sleep until an event, the next animation frame, or the next slide: a slide that
        // stands still costs no frames at all.
        std::int64_t wait = show.idle_ms(now_ms());
        if (show.fading(now_ms()) || count.running(now_ms())) wait = kFrameMs;
        SDL_Event event;
        const int timeout = static_cast<int>(std::min<std::int64_t>(wait, 60'000));
        if (sdl_waits) {
            if (!SDL_WaitEventTimeout(&event, timeout)) continue;
        } else {
            // Input and signals are looked at ten times a second: quick enough for a person,
            // and a static slide still costs next to nothing.
            mailbox.wait(std::chrono::milliseconds(std::min(timeout, 100)));
            if (!SDL_PollEvent(&event)) continue;
        }
        do {
            if (event.type == SDL_QUIT)
                running = false;
            else if (event.type == SDL_KEYDOWN &&
                     (event.key.keysym.sym == SDLK_ESCAPE || event.key.keysym.sym == SDLK_q))
                running = false;
            else if (event.type == SDL_WINDOWEVENT &&
                     (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)) {
                screen->refresh_size();
                stage.resized();
                dirty = true;
            } else if (event.type == SDL_WINDOWEVENT &&
                       event.window.event == SDL_WINDOWEVENT_EXPOSED) {
                dirty = true;
            }
        } while (SDL_PollEvent(&event));

        if (auto reload = mailbox.take_reload()) {
            log_diagnostics(reload->diagnostics);
            const bool reload_failed = model::has_errors(reload->diagnostics);
            if (reload_failed)
                std::fprintf(stderr,
                             "kiosk: keeping what is on screen until the errors above are fixed\n");
            auto next = std::make_unique<Sources>(
                merge_sources(std::move(reload->read), paths, sources.get()));
            const model::Theme& was = sources->config.theme;
            const model::Theme& now_theme = next->config.theme;
            if (now_theme.font != was.font || now_theme.bold_font != was.bold_font ||
                now_theme.italic_font != was.italic_font) {
                try {
                    fonts = load_theme_fonts(paths, now_theme);
                } catch (const std::exception& e) {
                    std::fprintf(stderr, "kiosk: %s; keeping the fonts in use\n", e.what());
                    next->config.theme.font = was.font;
                    next->config.theme.bold_font = was.bold_font;
                    next->config.theme.italic_font = was.italic_font;
                }
            }
            const std::string current_id = sources->deck.slides[show.current()].id;
            std::optional<size_t> keep;
            for (size_t i = 0; i < next->deck.slides.size(); ++i)
                if (next->deck.slides[i].id == current_id) keep = i;
            // Any change to the feed or the bundled counter starts a new worker; the screen
            // keeps its number until the new one publishes (at once: cache or bundled).
            const bool feed_changed = next->config.counter != sources->config.counter ||
                                      next->counter != sources->counter ||
                                      next->config.state_dir != sources->config.state_dir;
            sources = std::move(next);
            stage.set_sources(*sources);
            band_stale = true;
            show = scene::Slideshow(durations_ms(*sources), fade_ms(sources->config), now_ms(),
                                    keep.value_or(0));
            if (feed_changed) {
                feed.reset();
                feed = start_feed(*sources, mailbox);
            }
            if (!reload_failed)
                std::fprintf(stderr, "kiosk: reloaded %zu slides\n", sources->deck.slides.size());
            dirty = true;
        }
        if (auto update = mailbox.take_counter()) {
            // The first number simply appears; later changes count up from what is shown.
            const std::uint64_t on_screen = counter ? count.value(now_ms()) : update->value;
            counter = update;
            count = {on_screen, update->value, now_ms()};
            band_stale = true;
            dirty = true;
        }
    }
    std::fprintf(stderr, "kiosk: stopped\n");
    return 0;
}

}  // namespace kiosk::app
