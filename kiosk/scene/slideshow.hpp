#pragma once
// When each slide shows and how far a crossfade has gone, from a monotonic time in milliseconds
// that the caller passes in, so the schedule is tested exactly without waiting.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::scene {

class Slideshow {
  public:
    struct Frame {
        size_t current = 0;
        std::optional<size_t> previous;  // set while fading from it
        float progress = 1;              // of the fade, 0 to 1
    };

    // `durations_ms` has one entry a slide; `fade_ms` 0 means a cut.
    Slideshow(std::vector<std::int64_t> durations_ms, std::int64_t fade_ms, std::int64_t now_ms,
              size_t first = 0);

    Frame frame(std::int64_t now_ms);
    // Milliseconds until the picture next changes by itself: 0 while fading, else until the
    // next slide is due.
    std::int64_t idle_ms(std::int64_t now_ms);
    size_t current() const { return current_; }
    bool fading(std::int64_t now_ms) const { return previous_ && now_ms < shown_at_ + fade_ms_; }

    // A new deck (and fade): keep showing the slide of the same id if it is still there, its
    // time on screen going on, else start over.
    void replace(std::vector<std::int64_t> durations_ms, std::int64_t fade_ms,
                 std::optional<size_t> keep, std::int64_t now_ms);

  private:
    void advance(std::int64_t now_ms);
    std::vector<std::int64_t> durations_;
    std::int64_t fade_ms_;
    size_t current_ = 0;
    std::optional<size_t> previous_;
    std::int64_t shown_at_ = 0;
};

// The number shown while counting from `from` to `to` over `duration_ms` (ease-out: fast first,
// settling on the new value).
std::uint64_t count_up_value(std::uint64_t from, std::uint64_t to, std::int64_t elapsed_ms,
                             std::int64_t duration_ms);

}  // namespace kiosk::scene
