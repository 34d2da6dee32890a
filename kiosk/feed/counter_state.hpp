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

const char* freshness_name(Freshness f);

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

    // How many answers in a row must agree on a lower value before it is shown: one outlier
    // (999999 between 72s) can then never pin the number, and a real correction shows within a
    // few polls.
    static constexpr int kConfirmations = 3;

    CounterTracker(model::CounterFeedConfig config, model::CounterContent content,
                   std::optional<CachedCounter> cached);

    // A value read from the feed at wall time `fetched_unix`. Returns true when the value shown
    // changed. A value lower than the one shown is shown once the feed has said it
    // kConfirmations times in a row (at once when the config allows decreases).
    bool on_success(std::uint64_t value, std::int64_t fetched_unix, Time now, Lines& log);
    void on_failure(const std::string& why, Time now, Lines& log);

    CounterState state(Time now) const;
    // When the state turns stale by itself, if it has been live.
    std::optional<Time> live_until() const;
    // Why the last poll failed, while polls fail; empty once one succeeds.
    const std::string& error() const { return error_; }

  private:
    model::CounterFeedConfig config_;
    model::CounterContent content_;
    std::optional<std::uint64_t> value_;  // the last good value shown, from the feed or cache
    std::int64_t fetched_unix_ = 0;
    std::optional<Time> last_success_;
    bool failing_ = false;
    std::string error_;
    // A lower value the feed keeps saying, and how many answers in a row said it.
    std::optional<std::uint64_t> lower_;
    int lower_count_ = 0;
};

}  // namespace kiosk::feed
