#include "kiosk/scene/slideshow.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::scene {

Slideshow::Slideshow(std::vector<std::int64_t> durations_ms, std::int64_t fade_ms,
                     std::int64_t now_ms, size_t first)
    : durations_(std::move(durations_ms)),
      fade_ms_(fade_ms),
      current_(first < durations_.size() ? first : 0),
      shown_at_(now_ms) {}

void Slideshow::advance(std::int64_t now_ms) {
    if (durations_.size() < 2) return;  // one slide stands still: no fade into itself
    // Catch up whole periods at once, so a suspended machine does not replay every slide; and
    // fade only from a slide that was actually on screen.
    int steps = 0;
    while (now_ms >= shown_at_ + durations_[current_]) {
        shown_at_ += durations_[current_];
        previous_ = current_;
        current_ = (current_ + 1) % durations_.size();
        ++steps;
    }
    if (steps > 1) previous_.reset();
}

Slideshow::Frame Slideshow::frame(std::int64_t now_ms) {
    advance(now_ms);
    Frame f;
    f.current = current_;
    if (fading(now_ms)) {
        f.previous = previous_;
        f.progress = std::clamp(
            static_cast<float>(now_ms - shown_at_) / static_cast<float>(fade_ms_), 0.0f, 1.0f);
    } else {
        previous_.reset();
    }
    return f;
}

std::int64_t Slideshow::idle_ms(std::int64_t now_ms) {
    advance(now_ms);
    if (fading(now_ms)) return 0;
    if (durations_.size() < 2) return INT64_MAX;
    return std::max<std::int64_t>(0, shown_at_ + durations_[current_] - now_ms);
}

void Slideshow::replace(std::vector<std::int64_t> durations_ms, std::int64_t fade_ms,
                        std::optional<size_t> keep, std::int64_t now_ms) {
    durations_ = std::move(durations_ms);
    fade_ms_ = fade_ms;
    previous_.reset();
    if (keep && *keep < durations_.size()) {
        current_ = *keep;  // the same slide stays; its time on screen goes on
    } else {
        current_ = 0;
        shown_at_ = now_ms;
    }
}

std::uint64_t count_up_value(std::uint64_t from, std::uint64_t to, std::int64_t elapsed_ms,
                             std::int64_t duration_ms) {
    if (elapsed_ms >= duration_ms || duration_ms <= 0) return to;
    if (elapsed_ms <= 0) return from;
    const double t = static_cast<double>(elapsed_ms) / static_cast<double>(duration_ms);
    const double eased = 1 - std::pow(1 - t, 3);
    const double value =
        static_cast<double>(from) + (static_cast<double>(to) - static_cast<double>(from)) * eased;
    return static_cast<std::uint64_t>(std::llround(value));
}

}  // namespace kiosk::scene
