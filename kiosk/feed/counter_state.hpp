#pragma once
// What the counter band shows and how fresh it is, decided from the feed's successes and
// failures. Pure: every time comes in as a parameter, so tests move the clock.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/feed/counter_cache.hpp"
#include "kiosk/model/counter_config.hpp"

namespace kiosk::feed {

// Live: fetched within two intervals. Stale: the last good value, older. Bundled: the content's
// value; the feed has never answered on this screen (or there is no feed).
enum class Freshness { Live, Stale, Bundled };

struct CounterState {
    std::uint64_t value = 0;
    Freshness freshness = Freshness::Bundled;
    std::int64_t as_of_unix = 0;  // fetch time; for Bundled, midnight UTC of the content's date
    std::optional<model::CounterContent::Target> target;
    model::LocalizedText label;

    friend bool operator==(const CounterState&, const CounterState&) = default;
};

CounterState bundled_state(const model::CounterContent& content);

class CounterTracker {
  public:
    using Time = std::chrono::steady_clock::time_point;
    using Lines = std::vector<std::string>;  // log lines, only for what a person would care about

    CounterTracker(model::CounterFeedConfig config, model::CounterContent content,
                   std::optional<CachedCounter> cached);

    // A value read from the feed at wall time `fetched_unix`. Returns true when the value shown
    // changed (a decrease is refused unless the config allows it).
    bool on_success(std::uint64_t value, std::int64_t fetched_unix, Time now, Lines& log);
    void on_failure(const std::string& why, Time now, Lines& log);
    // Notes the passage of time: live turns stale two intervals after the last success.
    void tick(Time now, Lines& log);

    CounterState state(Time now) const;
    // When the state turns stale by itself, if it is live now.
    std::optional<Time> live_until() const;

  private:
    model::CounterFeedConfig config_;
    model::CounterContent content_;
    std::optional<std::uint64_t> value_;  // the last good value shown, from the feed or cache
    std::int64_t fetched_unix_ = 0;
    std::optional<Time> last_success_;
    bool failing_ = false;
    Freshness reported_ = Freshness::Bundled;
};

}  // namespace kiosk::feed
