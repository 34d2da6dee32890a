#pragma once
// When to ask the feed next. Every poll is spread by ±10% so a hall of screens started together
// does not ask in step; failures back off exponentially so a struggling feed gets room.

#include <chrono>

#include "kiosk/model/counter_config.hpp"

namespace kiosk::feed {

// interval × 2^failures, at most max(max_backoff_s, interval), times a jitter factor from 0.9 to
// 1.1 taken from `random01` (uniform in [0, 1)).
std::chrono::milliseconds next_poll_delay(const model::CounterFeedConfig& config,
                                          int consecutive_failures, double random01);

}  // namespace kiosk::feed
