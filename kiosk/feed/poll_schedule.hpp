#pragma once
// When to ask a URL next. Every poll is spread by ±10% so a hall of screens started together
// does not ask in step; failures back off exponentially so a struggling server gets room.

#include <chrono>

namespace kiosk::feed {

struct PollTiming {
    double interval_s = 30;
    double max_backoff_s = 300;
};

// interval × 2^failures, at most max(max_backoff_s, interval), times a jitter factor from 0.9 to
// 1.1 taken from `random01` (uniform in [0, 1)).
std::chrono::milliseconds next_poll_delay(const PollTiming& timing, int consecutive_failures,
                                          double random01);

}  // namespace kiosk::feed
