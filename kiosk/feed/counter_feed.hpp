#pragma once
// One feed, one poll at a time: asks the server, reads the number, keeps the tracker and the cache
// up to date. Synchronous and free of threads, so tests drive it poll by poll against a real
// server; FeedWorker runs it on its own thread.

#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "kiosk/feed/counter_state.hpp"
#include "kiosk/feed/http_client.hpp"

namespace kiosk::feed {

class CounterFeed {
  public:
    using Time = CounterTracker::Time;
    using Lines = CounterTracker::Lines;

    // Loads the cache from `state_dir`; why it was not used, if it was not, goes to `log`.
    CounterFeed(model::CounterFeedConfig config, model::CounterContent content,
                std::filesystem::path state_dir, Lines& log);

    bool has_url() const { return !config_.url.empty(); }

    // One request to the feed. Returns true when the number shown changed.
    bool poll(Time now, Lines& log, const std::atomic<bool>* cancel = nullptr);
    void tick(Time now, Lines& log) { tracker_.tick(now, log); }

    CounterState state(Time now) const { return tracker_.state(now); }
    std::optional<Time> live_until() const { return tracker_.live_until(); }
    // How long to wait before the next poll, given a uniform random number in [0, 1).
    std::chrono::milliseconds next_delay(double random01) const;

    // The cache's fetch time is rewritten at most this often while the value stays the same:
    // a restart may show an "as of" up to this much older than the truth, never newer, and an
    // SD card is not written every poll.
    static constexpr std::int64_t kCacheRefreshS = 300;

  private:
    void save_cache(std::uint64_t value, std::int64_t fetched_unix, Lines& log);

    model::CounterFeedConfig config_;
    std::filesystem::path state_dir_;
    std::optional<CachedCounter> saved_;  // what the cache file holds now
    CounterTracker tracker_;
    HttpClient client_;
    int failures_ = 0;
    // For conditional requests: what the last good answer said, and what it carried.
    std::string etag_, last_modified_;
    std::optional<std::uint64_t> last_read_;
};

}  // namespace kiosk::feed
