#include "kiosk/app/kiosk_app.hpp"

#include <SDL.h>
#include <malloc.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <ctime>
#include <memory>

#include "kiosk/app/console.hpp"
#include "kiosk/app/file_watcher.hpp"
#include "kiosk/app/log.hpp"
#include "kiosk/app/mailbox.hpp"
#include "kiosk/app/player.hpp"
#include "kiosk/app/restart.hpp"
#include "kiosk/app/signals.hpp"
#include "kiosk/app/stage.hpp"
#include "kiosk/app/state_writer.hpp"
#include "kiosk/app/status.hpp"
#include "kiosk/app/systemd_notify.hpp"
#include "kiosk/app/theme_fonts.hpp"
#include "kiosk/feed/content_feed.hpp"
#include "kiosk/render/display.hpp"
#include "kiosk/state/deck_store.hpp"
#include "kiosk/state/state_dir.hpp"

namespace kiosk::app {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Set while the program loads, before main: "first frame … after start" counts SDL's start-up,
// the window and the fonts, as a person watching the screen would.
const auto process_start = Clock::now();

// Drivers whose input arrives only when SDL is asked: their keys are read this often.
constexpr milliseconds kInputPoll{100};

std::int64_t unix_now() {
    return static_cast<std::int64_t>(std::time(nullptr));
}

render::DisplayWish wish_of(const model::DisplayConfig& d, const Options& o) {
    render::DisplayWish w;
    w.fullscreen = d.fullscreen && !o.windowed;
    w.display = d.display;
    w.width = o.window_size ? o.window_size->width : d.width;
    w.height = o.window_size ? o.window_size->height : d.height;
    w.rotation = d.rotation;
    w.renderer = d.renderer;
    w.force_software = o.software;
    return w;
}

void log_diagnostics(const model::Diagnostics& diagnostics) {
    for (const auto& d : diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
}

// SDL for the whole run: the event queue stays up while video drivers come and go.
struct SdlEvents {
    SdlEvents() {
        SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");  // signals are the SignalThread's
        SDL_Init(SDL_INIT_EVENTS);
    }
    ~SdlEvents() { SDL_Quit(); }
};

// The one instance allowed on a state folder. nullopt (and a line) when it cannot be had at
// all: the kiosk then runs without keeping anything. Throws StartRefused when another kiosk
// holds it.
struct StartRefused : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::optional<state::StateDir> take_state_dir(std::filesystem::path& dir,
                                              const std::filesystem::path& fallback) {
    std::string why;
    auto state = state::StateDir::open(dir, &why);
    if (!state && !fallback.empty() && fallback != dir) {
        say(why + "; keeping state in " + fallback.string() + " instead");
        dir = fallback;
        state = state::StateDir::open(dir, &why);
    }
    if (!state) {
        say(why + "; running without a state folder: nothing is kept for a restart");
        dir.clear();
        return std::nullopt;
    }
    if (!state->lock(&why)) throw StartRefused(why);
    state->remove_leftovers();
    return state;
}

class Kiosk {
  public:
    Kiosk(const SourcePaths& paths, const Options& options);
    ~Kiosk();
    int run();

  private:
    // The loop's steps, in the order each turn takes them.
    void take_messages(Clock::time_point now);
    void keep_display(Clock::time_point now);
    void draw(Clock::time_point now);
    void report(Clock::time_point now);
    void sleep(Clock::time_point now);

    void reload(Mailbox::Reload reload, Clock::time_point now);
    void start_feed(Clock::time_point now, bool jump);
    void start_content();
    void remake_stage();
    void note_error(const std::string& line);
    void on_display(render::Display::Change change);

    SourcePaths paths_;
    Options options_;
    SdlEvents sdl_;
    SystemdNotifier notifier_;
    Mailbox mailbox_;
    std::filesystem::path state_path_;
    std::optional<state::StateDir> state_;
    std::unique_ptr<StateWriter> writer_;
    text::FontSet fonts_;
    std::unique_ptr<Player> player_;
    std::unique_ptr<render::Display> display_;
    // Outlives every Stage: a new screen asks it for pictures at its own size.
    render::PictureLoader pictures_{[this] { mailbox_.post_pictures(); }};
    std::unique_ptr<Stage> stage_;
    Console console_;
    std::unique_ptr<feed::UrlPoller> feed_;
    int feed_generation_ = 0;
    std::unique_ptr<feed::UrlPoller> content_;
    int content_generation_ = 0;
    std::unique_ptr<FileWatcher> watcher_;
    std::unique_ptr<SignalThread> signals_;

    bool running_ = true;
    int exit_status_ = 0;
    bool dirty_ = true, drew_motion_ = false, first_frame_ = true, ready_ = false;
    size_t drawn_slide_ = SIZE_MAX, written_slide_ = SIZE_MAX;
    std::optional<feed::CounterState> drawn_counter_;
    Clock::time_point next_frame_{};
    std::chrono::microseconds frame_period_{16667};
    Status status_, written_status_;
    std::FILE* frame_log_ = nullptr;  // --frame-log
    std::vector<std::string> errors_;
    feed::CounterReport last_report_;
};

Kiosk::Kiosk(const SourcePaths& paths, const Options& options) : paths_(paths), options_(options) {
    model::Diagnostics diagnostics;
    Sources sources = load_sources(paths_, diagnostics);
    auto fonts = load_theme_fonts(paths_.fonts_dir, sources.config, diagnostics);
    log_diagnostics(diagnostics);
    for (const auto& d : diagnostics)
        if (d.severity == model::Diagnostic::Severity::Error) note_error(d.to_string());
    if (!fonts) throw StartRefused("no font to draw with in " + paths_.fonts_dir.string());
    fonts_ = std::move(*fonts);
    if (sources.deck_is_builtin)
        say("showing the built-in slide until " + paths_.slides_file().string() + " loads");

    // A default state folder this user may not write (an installed kiosk started from a
    // desktop session) gives way to the user's own.
    state_path_ = sources.config.state_dir;
    const bool chosen = paths_.state_dir || state_path_ != paths_.default_state_dir;
    state_ =
        take_state_dir(state_path_, chosen ? std::filesystem::path{} : model::default_state_dir());
    sources.config.state_dir = state_path_;
    // Every later reading looks for remote decks where this kiosk keeps them.
    if (!state_path_.empty()) {
        paths_.state_dir = state_path_;
        state::DeckStore(state_path_).remove_leftovers();
    }
    writer_ = std::make_unique<StateWriter>(state_path_);

    const auto now = Clock::now();
    status_.started = unix_now();
    status_.pid = static_cast<long>(getpid());
    status_.version = KIOSK_VERSION;
    status_.content_since = status_.started;
    // A fresh start after the X server went away has said so already, and goes on where it was.
    const std::string resume = take_resume_slide();
    player_ = std::make_unique<Player>(std::move(sources), now, resume);

    render::Display::Lines log;
    set_resume_slide(player_->current_id());
    const ResumeSize size = take_resume_size();
    display_ =
        std::make_unique<render::Display>(wish_of(player_->sources().config.display, options_), log,
                                          restart_in_place, size.width, size.height);
    if (resume.empty()) say_all(log);
    for (const auto& line : log) note_error(line);
    on_display(render::Display::Change::Opened);

    start_feed(now, false);
    start_content();
    watcher_ = std::make_unique<FileWatcher>(
        std::vector<std::filesystem::path>{paths_.config_file, paths_.slides_file(),
                                           paths_.counter_file()},
        [this] {
            Mailbox::Reload reload;
            reload.read = read_sources(paths_, reload.diagnostics);
            mailbox_.post_reload(std::move(reload));
        });
    signals_ = std::make_unique<SignalThread>([this](int sig) { mailbox_.post_signal(sig); });
    if (options_.frame_log) {
        // Buffered: a line a frame costs a memory copy, not a write.
        frame_log_ = std::fopen(options_.frame_log->c_str(), "w");
        if (!frame_log_) say(*options_.frame_log + ": cannot be written; no frame log");
        if (frame_log_) std::setvbuf(frame_log_, nullptr, _IOFBF, 1 << 16);
    }
}

Kiosk::~Kiosk() {
    // Nothing here waits on the network: pollers are asked to stop and left to end.
    watcher_.reset();
    feed_.reset();
    content_.reset();
    stage_.reset();
    display_->abandon_if_x11();
    display_.reset();
    console_.give_back();
    if (writer_) writer_->flush();
    if (frame_log_) std::fclose(frame_log_);
}

void Kiosk::note_error(const std::string& line) {
    errors_.push_back(line);
    if (errors_.size() > kStatusErrors) errors_.erase(errors_.begin());
}

void Kiosk::remake_stage() {
    stage_.reset();
    if (display_->screen())
        stage_ =
            std::make_unique<Stage>(*display_->screen(), fonts_, player_->sources(), pictures_);
    dirty_ = true;
    drawn_slide_ = written_slide_ = SIZE_MAX;
}

void Kiosk::on_display(render::Display::Change change) {
    if (change == render::Display::Change::None) return;
    remake_stage();
    if (display_->real() && display_->screen())
        set_resume_size(display_->screen()->width(), display_->screen()->height());
    // The old screen's frames and textures are gone: give their memory back to the system
    // rather than keep the larger of two screens' worth for good.
    malloc_trim(0);
    // The text console stays out of sight under a KMS/DRM picture; X11 and Wayland servers
    // look after their own.
    if (display_->driver() == "kmsdrm")
        console_.take();
    else
        console_.give_back();
    if (display_->real() && !ready_) first_frame_ = true;
    // Frames are paced to the display's refresh rate; 60 Hz where it does not say.
    SDL_DisplayMode mode{};
    const int index =
        display_->screen() ? SDL_GetWindowDisplayIndex(display_->screen()->window()) : -1;
    const int rate = index >= 0 && SDL_GetCurrentDisplayMode(index, &mode) == 0 &&
                             mode.refresh_rate >= 24 && mode.refresh_rate <= 240
                         ? mode.refresh_rate
                         : 60;
    frame_period_ = std::chrono::microseconds(1'000'000) / rate;
}

void Kiosk::start_feed(Clock::time_point now, bool jump) {
    feed_.reset();  // asks the old poller to stop; never waits for it
    const int generation = ++feed_generation_;
    const Sources& s = player_->sources();
    if (!s.counter && s.config.counter.url.empty()) {
        player_->clear_counter();
        return;
    }
    feed::CounterFeed::Lines log;
    auto target = std::make_shared<feed::CounterFeed>(
        s.config.counter, s.counter.value_or(model::CounterContent{}), state_path_, true, log,
        [this, generation](const feed::CounterReport& report, const feed::CounterFeed::Lines& l) {
            mailbox_.post_counter({generation, report}, l);
        });
    say_all(log, "counter");
    last_report_ = target->report(now);
    player_->set_counter(last_report_, now, jump);
    if (!target->has_url()) return;
    feed_ = std::make_unique<feed::UrlPoller>(target->timing(), target);
    feed_->start();
}

void Kiosk::start_content() {
    content_.reset();  // asks the old poller to stop; never waits for it
    const int generation = ++content_generation_;
    mailbox_.set_content_generation(generation);
    const model::ContentConfig& config = player_->sources().config.content;
    if (config.url.empty() || state_path_.empty()) return;
    auto target = std::make_shared<feed::ContentFeed>(
        config, state_path_, [this, generation](bool switched, const feed::ContentFeed::Lines& l) {
            mailbox_.post_content(generation, switched, l);
        });
    content_ = std::make_unique<feed::UrlPoller>(target->timing(), target);
    content_->start();
}

void Kiosk::reload(Mailbox::Reload r, Clock::time_point now) {
    log_diagnostics(r.diagnostics);
    for (const auto& d : r.diagnostics)
        if (d.severity == model::Diagnostic::Severity::Error) note_error(d.to_string());
    const bool failed = model::has_errors(r.diagnostics);
    if (failed) say("keeping what is on screen until the errors above are fixed");
    const Sources& was = player_->sources();
    const bool had_counter_file = was.counter.has_value();
    const bool counter_failed = r.read.counter_failed;
    Sources next = merge_sources(std::move(r.read), paths_, &was);
    if (had_counter_file && !next.counter && !counter_failed)
        say(paths_.counter_file().string() +
            " is gone: the counter shows only what a feed answers");
    if (next.config.state_dir != was.config.state_dir && next.config.state_dir != state_path_)
        say("a new state_dir takes effect at the next start");
    next.config.state_dir = state_path_;

    const model::Theme& theme = next.config.theme;
    if (theme.font != was.config.theme.font || theme.bold_font != was.config.theme.bold_font ||
        theme.italic_font != was.config.theme.italic_font) {
        model::Diagnostics font_problems;
        if (auto fonts = load_theme_fonts(paths_.fonts_dir, next.config, font_problems)) {
            stage_.reset();  // it draws with the old fonts: gone before they are
            fonts_ = std::move(*fonts);
        }
        log_diagnostics(font_problems);
    }
    const bool content_changed = next.config.content != was.config.content;
    if (next.origin != was.origin || next.remote_fetched_unix != was.remote_fetched_unix)
        say("content: now showing " + describe_origin(next));
    const bool feed_changed =
        next.config.counter != was.config.counter || next.counter != was.counter;
    const auto wish = wish_of(next.config.display, options_);
    player_->replace(std::move(next), now);
    render::Display::Lines log;
    const auto change = display_->set_wish(wish, log);
    say_all(log);
    if (change != render::Display::Change::None)
        on_display(change);
    else
        remake_stage();
    if (feed_changed) start_feed(now, true);
    if (content_changed) start_content();
    if (!failed) {
        say("reloaded " + std::to_string(player_->sources().deck.slides.size()) + " slides");
        status_.content_since = unix_now();
    }
}

void Kiosk::take_messages(Clock::time_point now) {
    while (const auto sig = mailbox_.take_signal()) {
        if (*sig == SIGHUP) {
            say("SIGHUP: reading the files again");
            watcher_->trigger();
        } else {
            say(std::string("stopping on ") + signal_name(*sig));
            running_ = false;
        }
    }
    if (auto r = mailbox_.take_reload()) reload(std::move(*r), now);
    std::vector<std::string> lines;
    if (auto counter = mailbox_.take_counter(lines)) {
        if (counter->generation == feed_generation_) {
            say_all(lines, "counter");
            if (counter->report.error != last_report_.error && !counter->report.error.empty())
                note_error("counter: " + counter->report.error);
            last_report_ = counter->report;
            player_->set_counter(counter->report, now);
        }
    }
    say_all(player_->take_log(), "counter");
    if (mailbox_.take_pictures() && stage_ && stage_->take_pictures()) dirty_ = true;
    if (stage_)
        for (const auto& line : stage_->take_log()) {
            say(line);
            note_error(line);
        }
    // A new remote deck is on disk: read the sources again, as after an edit.
    std::vector<std::string> content_lines;
    const bool switched = mailbox_.take_content(content_lines);
    say_all(content_lines, "content");
    for (const auto& line : content_lines)
        if (line.find("keeping what is on screen") != std::string::npos)
            note_error("content: " + line);
    if (switched) watcher_->trigger();
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        if (event.type == SDL_QUIT) {
            running_ = false;
        } else if (event.type == SDL_KEYDOWN && options_.windowed &&
                   (event.key.keysym.sym == SDLK_ESCAPE || event.key.keysym.sym == SDLK_q)) {
            // Keys end a preview window only: a stray key must never end the show.
            running_ = false;
        } else if (event.type == SDL_WINDOWEVENT) {
            if (event.window.event == SDL_WINDOWEVENT_EXPOSED) {
                dirty_ = true;
                if (stage_) stage_->invalidate();
            }
            if (display_->on_event(event) != render::Display::Change::None) remake_stage();
        }
    }
}

void Kiosk::keep_display(Clock::time_point now) {
    render::Display::Lines log;
    const auto change = display_->maintain(now, log);
    if (change == render::Display::Change::Dead) {
        writer_->flush();
        std::fflush(nullptr);
        restart_in_place();
        say("cannot start afresh; ending, to be started again");
        running_ = false;
        exit_status_ = 1;
        return;
    }
    say_all(log);
    for (const auto& line : log)
        if (line.rfind("display lost", 0) == 0) note_error(line);
    on_display(change);
}

void Kiosk::draw(Clock::time_point now) {
    if (!stage_) return;
    render::Screen& screen = *display_->screen();
    const Player::Frame frame = player_->frame(now);
    const bool moving = player_->moving(now);
    // A count-up's changing number is motion, paced below; a new state or number is a change.
    const bool changed = dirty_ || (drew_motion_ && !moving) || frame.current != drawn_slide_ ||
                         frame.counter != drawn_counter_;
    if (!moving && !changed) return;
    // While something moves, frames come on the display's clock: at deadlines one period
    // apart, not a fixed sleep after each frame (which would add the frame's own time).
    if (moving && !changed && now < next_frame_) return;
    next_frame_ += frame_period_;
    if (next_frame_ <= now) next_frame_ = now + frame_period_;  // behind: start again from now

    // The last frame of a crossfade or count-up falls a little before its end: once the motion
    // is over, one more frame shows its end state, and is the one written headless.
    drew_motion_ = moving;
    if (frame.current != drawn_slide_)
        set_resume_slide(player_->sources().deck.slides[frame.current].id);
    drawn_slide_ = frame.current;
    drawn_counter_ = frame.counter;
    dirty_ = false;
    stage_->draw(frame);
    // Headless, each new slide, once it stands still, goes to a PNG for whoever checks. Read
    // before presenting (a rotated frame is still upright in its canvas), written by the writer.
    std::optional<std::vector<Uint32>> picture;
    if (!display_->real() && !frame.previous && frame.current != written_slide_) {
        picture = screen.read_pixels();
        written_slide_ = frame.current;
    }
    screen.present();
    if (frame_log_)
        std::fprintf(frame_log_, "%lld %d %s\n",
                     static_cast<long long>(std::chrono::duration_cast<std::chrono::microseconds>(
                                                Clock::now() - process_start)
                                                .count()),
                     moving ? 1 : 0, player_->sources().deck.slides[frame.current].id.c_str());
    if (first_frame_) {
        first_frame_ = false;
        const auto ms =
            std::chrono::duration_cast<milliseconds>(Clock::now() - process_start).count();
        say("first frame on screen, " + std::to_string(screen.width()) + "x" +
            std::to_string(screen.height()) + ", " + display_->driver() + ", " +
            screen.renderer_name() + " renderer, " + std::to_string(ms) + " ms after start");
        screen.finish_opening();
    }
    if (picture)
        writer_->write_png("screen.png", std::move(*picture), screen.width(), screen.height());
    if (!moving)
        stage_->prepare_slide((frame.current + 1) % player_->sources().deck.slides.size(), frame);
}

void Kiosk::report(Clock::time_point now) {
    render::Screen* screen = display_->screen();
    const Sources& s = player_->sources();
    const Player::Frame frame = player_->frame(now);
    status_.screen = display_->real() ? "showing" : "waiting for a display";
    status_.slide = player_->current_id();
    status_.driver = display_->driver();
    status_.width = screen ? screen->width() : 0;
    status_.height = screen ? screen->height() : 0;
    status_.renderer = screen ? screen->renderer_name() : "";
    status_.counter = frame.counter ? feed::freshness_name(frame.counter->freshness) : "";
    status_.counter_value = frame.counter ? frame.counter->value : 0;
    status_.counter_as_of = frame.counter ? frame.counter->as_of_unix : 0;
    status_.counter_error = last_report_.error;
    status_.content = describe_origin(s);
    status_.errors = errors_;
    if (!(status_ == written_status_)) {
        writer_->write(kStatusFile, status_json(status_));
        written_status_ = status_;
    }
    const std::string line =
        (display_->real() ? "showing \"" : "waiting for a display; showing \"") + status_.slide +
        "\" on " + status_.driver + " " + std::to_string(status_.width) + "x" +
        std::to_string(status_.height);
    if (!ready_ && !first_frame_) {
        notifier_.ready(line);
        ready_ = true;
    } else if (ready_) {
        notifier_.status(line);
    }
    notifier_.ping(now);
}

void Kiosk::sleep(Clock::time_point now) {
    if (dirty_ || !running_) return;
    Clock::time_point wake = std::min(display_->next_check(now), notifier_.next_ping());
    if (player_->moving(now))
        // The next frame's deadline: the Player's own next change is "now" all through a fade,
        // and waking for it would spin between frames.
        wake = std::min(wake, next_frame_);
    else if (drew_motion_)
        wake = now;  // the frame that shows where the motion ended
    else
        wake = std::min(wake, player_->next_change(now));
    if (wake <= now) return;
    if (display_->events_wake() && wake - now > 2 * frame_period_) {
        // X11 and Wayland sleep on their connection, and wake for input, for the mailbox's
        // SDL event, and at the timeout. The event stays queued for take_messages.
        const auto ms = std::chrono::duration_cast<milliseconds>(wake - now).count();
        SDL_WaitEventTimeout(nullptr, static_cast<int>(std::min<std::int64_t>(ms, 60'000)));
        return;
    }
    // Elsewhere SDL's wait is a 1 ms polling loop: sleep on the mailbox instead, and look at
    // input (KMS/DRM keyboards) ten times a second; offscreen there is no input to look at.
    if (display_->real()) wake = std::min(wake, now + kInputPoll);
    mailbox_.wait_until(wake);
}

int Kiosk::run() {
    while (running_) {
        take_messages(Clock::now());
        if (!running_) break;
        keep_display(Clock::now());
        draw(Clock::now());
        report(Clock::now());
        sleep(Clock::now());
    }
    notifier_.stopping();
    say("stopped");
    return exit_status_;
}

}  // namespace

int run_kiosk(const SourcePaths& paths, const Options& options) {
    try {
        Kiosk kiosk(paths, options);
        return kiosk.run();
    } catch (const StartRefused& e) {
        say(e.what());
        return 1;
    }
}

}  // namespace kiosk::app
