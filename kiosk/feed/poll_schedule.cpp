#include "kiosk/feed/poll_schedule.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::feed {

std::chrono::milliseconds next_poll_delay(const PollTiming& timing, int consecutive_failures,
                                          double random01) {
    const double cap = std::max(timing.max_backoff_s, timing.interval_s);
    const int doublings = std::clamp(consecutive_failures, 0, 30);
    const double base = std::min(cap, timing.interval_s * std::ldexp(1.0, doublings));
    const double jitter = 0.9 + 0.2 * std::clamp(random01, 0.0, 1.0);
    return std::chrono::milliseconds(static_cast<long long>(std::llround(base * jitter * 1000)));
}

}  // namespace kiosk::feed
