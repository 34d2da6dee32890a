// kiosk --screenshot: one slide, drawn offscreen exactly as the screen would show it now.

#include <SDL.h>

#include <algorithm>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/log.hpp"
#include "kiosk/app/mailbox.hpp"
#include "kiosk/app/player.hpp"
#include "kiosk/app/stage.hpp"
#include "kiosk/app/theme_fonts.hpp"
#include "kiosk/model/printable.hpp"

namespace kiosk::app {

namespace {

struct SdlOffscreen {
    bool ok = false;
    SdlOffscreen() {
        SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
        ok = SDL_Init(SDL_INIT_EVENTS) == 0 && SDL_VideoInit("offscreen") == 0;
    }
    ~SdlOffscreen() {
        SDL_VideoQuit();
        SDL_Quit();
    }
};

}  // namespace

int run_screenshot(const SourcePaths& paths, const Options& options) {
    model::Diagnostics diagnostics;
    Sources sources = load_sources(paths, diagnostics);
    const auto fonts = load_theme_fonts(paths.fonts_dir, sources.config, diagnostics);
    for (const auto& d : diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    if (!fonts) return 1;
    size_t index = 0;
    if (options.slide) {
        const auto& slides = sources.deck.slides;
        const auto it = std::find_if(slides.begin(), slides.end(),
                                     [&](const auto& s) { return s.id == *options.slide; });
        if (it == slides.end()) {
            say("no slide with id \"" + model::printable(*options.slide) + "\" in " +
                paths.slides_file().string());
            return 1;
        }
        index = static_cast<size_t>(it - slides.begin());
    }
    SdlOffscreen sdl;
    if (!sdl.ok) {
        say(std::string("cannot start SDL offscreen: ") + SDL_GetError());
        return 1;
    }
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
        say(error);
        return 1;
    }

    // The picture shows what the screen would: the cache, then the feed's first answer
    // (bounded by its timeout). The running kiosk's state is read, never written.
    const auto now = Player::Time::clock::now();
    Player player(std::move(sources), now);
    const Sources& s = player.sources();
    if (s.counter || !s.config.counter.url.empty()) {
        Mailbox mailbox;
        feed::CounterFeed::Lines log;
        auto target = std::make_shared<feed::CounterFeed>(
            s.config.counter, s.counter.value_or(model::CounterContent{}), s.config.state_dir,
            false, log,
            [&mailbox](const feed::CounterReport& r, const feed::CounterFeed::Lines& l) {
                mailbox.post_counter({1, r}, l);
            });
        say_all(log, "counter");
        player.set_counter(target->report(now), now);
        if (target->has_url()) {
            feed::UrlPoller poller(target->timing(), target);
            poller.start();
            poller.wait_first_poll(std::chrono::milliseconds(
                static_cast<std::int64_t>(1000 * s.config.counter.timeout_s) + 500));
            poller.stop();
            std::vector<std::string> lines;
            if (auto counter = mailbox.take_counter(lines))
                player.set_counter(counter->report, now);
            say_all(lines, "counter");
        }
    }
    render::PictureLoader pictures;
    Stage stage(*screen, *fonts, player.sources(), pictures);
    Player::Frame frame = player.frame(now);
    frame.current = index;
    frame.previous.reset();
    frame.counter_value = frame.counter ? frame.counter->value : 0;
    stage.draw(frame);
    // The picture shows the slide's images as the screen would once they are decoded: a
    // screenshot may wait for them, the running kiosk never does.
    if (pictures.wait_all(30'000) && stage.take_pictures()) stage.draw(frame);
    say_all(stage.take_log());
    if (!screen->save_png(*options.screenshot, &error)) {
        say(error);
        return 1;
    }
    return 0;
}

}  // namespace kiosk::app
