#pragma once
// What the screen shows, whatever screen there is: the sources on show, the slideshow's
// schedule, the counter with its count-up, and how fresh the number is. It knows nothing of
// SDL and has no clock of its own (every call takes `now`), so reloads, rotation and the
// counter's states are tested exactly, without a window. Main thread only.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/sources.hpp"
#include "kiosk/feed/counter_feed.hpp"
#include "kiosk/scene/slideshow.hpp"

namespace kiosk::app {

class Player {
  public:
    using Time = std::chrono::steady_clock::time_point;
    using Lines = std::vector<std::string>;

    static constexpr std::chrono::milliseconds kCountUp{1000};

    struct Frame {
        size_t current = 0;  // index into sources().deck.slides
        std::optional<size_t> previous;
        float progress = 1;
        // What the counter shows now (freshness as of `now`), if there is a counter at all.
        std::optional<feed::CounterState> counter;
        std::uint64_t counter_value = 0;  // the number on screen, during a count-up too
        bool band = false;                // the band has something to say: a number and a label
    };

    // Starts at the slide of id `first` when the deck has it (a fresh start resuming).
    Player(Sources sources, Time now, const std::string& first = {});

    Frame frame(Time now);
    // Something moves (a crossfade, a count-up): frames are due at the display's rate.
    bool moving(Time now);
    // When the picture next changes by itself, if nothing moves: the next slide, or the moment
    // a live number turns stale.
    Time next_change(Time now);

    // New sources: the slide on screen stays if the new deck still has it, else the show starts
    // over. The counter keeps its number until the new one arrives.
    void replace(Sources next, Time now);
    // A report from the feed. The first number simply appears, a rise counts up over kCountUp,
    // and a fall (or the first report of a changed feed, `jump`) appears at once.
    void set_counter(const feed::CounterReport& report, Time now, bool jump = false);
    // No counter at all any more (no counter.json, no feed).
    void clear_counter();

    const Sources& sources() const { return sources_; }
    const std::string& current_id() const;
    // What happened that a person watching the log would want to know (the counter turning
    // live or stale), taken once.
    Lines take_log();

  private:
    std::int64_t ms(Time t) const;
    std::optional<feed::CounterState> counter_state(Time now);
    scene::Slideshow make_show(Time now, size_t first) const;

    Sources sources_;
    Time epoch_;
    scene::Slideshow show_;
    std::optional<feed::CounterReport> report_;
    std::uint64_t from_ = 0, to_ = 0;  // the count-up
    Time count_started_{};
    std::optional<feed::Freshness> logged_freshness_;
    Lines log_;
};

}  // namespace kiosk::app
