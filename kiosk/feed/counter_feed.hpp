#pragma once
// What the counter's URL answers means: the number at the pointer, judged by the tracker, kept
// in the cache. As a PollTarget it runs on a UrlPoller's thread and hands every change to
// `publish`; poll_once() does one request synchronously, for tests that drive it poll by poll
// against a real server.

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "kiosk/feed/counter_state.hpp"
#include "kiosk/feed/url_poller.hpp"

namespace kiosk::feed {

// What the screen should show, as of when it was made. Live lasts until `live_until` whether
// or not another report comes: the screen turns it stale on its own clock.
struct CounterReport {
    CounterState state;
    std::optional<std::chrono::steady_clock::time_point> live_until;
    std::string error;  // why the feed does not answer well, while it does not

    friend bool operator==(const CounterReport&, const CounterReport&) = default;
};

class CounterFeed final : public PollTarget {
  public:
    using Time = CounterTracker::Time;
    using Lines = CounterTracker::Lines;
    // Must be quick and thread-safe (the app's mailbox).
    using Publish = std::function<void(const CounterReport&, const Lines&)>;

    // Loads the cache from `state_dir` (none when empty); why it was not used, if it was not,
    // goes to `log`. The cache is written back only when `write_cache` (a screenshot leaves the
    // running kiosk's state alone).
    CounterFeed(model::CounterFeedConfig config, model::CounterContent content,
                std::filesystem::path state_dir, bool write_cache, Lines& log,
                Publish publish = {});

    bool has_url() const { return !config_.url.empty(); }
    PollTiming timing() const { return {config_.interval_s, config_.max_backoff_s}; }
    CounterReport report(Time now) const;

    // One request; publishes nothing. True when the answer was good.
    bool poll_once(HttpClient& client, Time now, Lines& log,
                   const std::atomic<bool>* cancel = nullptr);
    bool poll(HttpClient& client, const std::atomic<bool>& cancel) override;

    // The cache's fetch time is rewritten at most this often while the value stays the same:
    // a restart may show an "as of" up to this much older than the truth, never newer, and an
    // SD card is not written every poll.
    static constexpr std::int64_t kCacheRefreshS = 300;

  private:
    void save_cache(std::uint64_t value, std::int64_t fetched_unix, Lines& log);

    model::CounterFeedConfig config_;
    std::filesystem::path state_dir_;
    bool write_cache_;
    Publish publish_;
    std::optional<CachedCounter> saved_;  // what the cache file holds now
    CounterTracker tracker_;
    std::optional<CounterReport> published_;
    std::string cache_error_;  // the last failure to write the cache, said once
    // For conditional requests: what the last good answer said, and what it carried.
    std::string etag_, last_modified_;
    std::optional<std::uint64_t> last_read_;
};

}  // namespace kiosk::feed
