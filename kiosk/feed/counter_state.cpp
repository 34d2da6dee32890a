#include "kiosk/feed/counter_state.hpp"

#include <ctime>

namespace kiosk::feed {

namespace {

std::int64_t midnight_utc(const model::CivilDate& d) {
    std::tm t{};
    t.tm_year = d.year - 1900;
    t.tm_mon = d.month - 1;
    t.tm_mday = d.day;
    return static_cast<std::int64_t>(timegm(&t));
}

}  // namespace

const char* freshness_name(Freshness f) {
    switch (f) {
        case Freshness::Live:
            return "live";
        case Freshness::Stale:
            return "stale";
        case Freshness::Bundled:
            return "bundled";
    }
    return "?";
}

CounterState bundled_state(const model::CounterContent& content) {
    CounterState s;
    s.value = content.value;
    s.freshness = Freshness::Bundled;
    s.as_of_unix = midnight_utc(content.as_of);
    s.target = content.target;
    s.label = content.label;
    return s;
}

CounterTracker::CounterTracker(model::CounterFeedConfig config, model::CounterContent content,
                               std::optional<CachedCounter> cached)
    : config_(std::move(config)), content_(std::move(content)) {
    if (cached) {
        value_ = cached->value;
        fetched_unix_ = cached->fetched_unix;
    }
}

std::optional<CounterTracker::Time> CounterTracker::live_until() const {
    if (!last_success_) return std::nullopt;
    return *last_success_ +
           std::chrono::milliseconds(static_cast<long long>(2000 * config_.interval_s));
}

CounterState CounterTracker::state(Time now) const {
    CounterState s = bundled_state(content_);
    if (!value_) return s;
    s.value = *value_;
    s.as_of_unix = fetched_unix_;
    const auto until = live_until();
    s.freshness = until && now < *until ? Freshness::Live : Freshness::Stale;
    return s;
}

bool CounterTracker::on_success(std::uint64_t value, std::int64_t fetched_unix, Time now,
                                Lines& log) {
    if (failing_) log.push_back("feed answers again");
    failing_ = false;
    error_.clear();
    last_success_ = now;
    if (value_ && value < *value_ && !config_.allow_decrease) {
        // A glitching feed must not make signatures disappear, nor one wild answer stay up for
        // good: a lower value is believed once the feed repeats it.
        if (lower_ != value) {
            lower_ = value;
            lower_count_ = 0;
            log.push_back("feed says " + std::to_string(value) + ", lower than " +
                          std::to_string(*value_) + " on screen: shown if it says so " +
                          std::to_string(kConfirmations) + " times in a row");
        }
        if (++lower_count_ < kConfirmations) {
            fetched_unix_ = fetched_unix;  // the feed answered: what is shown is still current
            return false;
        }
    }
    lower_.reset();
    lower_count_ = 0;
    const bool changed = !value_ || *value_ != value;
    if (changed && value_)
        log.push_back("value " + std::to_string(*value_) + " -> " + std::to_string(value));
    value_ = value;
    fetched_unix_ = fetched_unix;
    return changed;
}

void CounterTracker::on_failure(const std::string& why, Time, Lines& log) {
    // One line when failures start, not one a poll: a dead network for a day is one line.
    if (!failing_) log.push_back(why);
    failing_ = true;
    error_ = why;
}

}  // namespace kiosk::feed
