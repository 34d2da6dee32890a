#include "kiosk/feed/counter_feed.hpp"

#include <ctime>

#include "kiosk/feed/counter_reading.hpp"
#include "kiosk/feed/request.hpp"
#include "kiosk/feed/url_text.hpp"

namespace kiosk::feed {

namespace {

std::optional<CachedCounter> load_cache(const model::CounterFeedConfig& config,
                                        const std::filesystem::path& state_dir,
                                        CounterTracker::Lines& log) {
    if (config.url.empty() || state_dir.empty()) return std::nullopt;
    std::string why;
    auto cache = load_counter_cache(state_dir, {config.url, config.pointer},
                                    static_cast<std::int64_t>(std::time(nullptr)), &why);
    if (!why.empty()) log.push_back(why);
    return cache;
}

}  // namespace

CounterFeed::CounterFeed(model::CounterFeedConfig config, model::CounterContent content,
                         std::filesystem::path state_dir, bool write_cache, Lines& log,
                         Publish publish)
    : config_(std::move(config)),
      state_dir_(std::move(state_dir)),
      write_cache_(write_cache && !state_dir_.empty()),
      publish_(std::move(publish)),
      saved_(load_cache(config_, state_dir_, log)),
      tracker_(config_, std::move(content), saved_) {}

CounterReport CounterFeed::report(Time now) const {
    return {tracker_.state(now), tracker_.live_until(), tracker_.error()};
}

bool CounterFeed::poll_once(HttpClient& client, Time now, Lines& log,
                            const std::atomic<bool>* cancel) {
    if (config_.url.empty()) return false;
    HttpRequest request = request_for(config_, config_.url, "counter.max_bytes");
    if (last_read_) {  // a 304 is only useful while we still hold what the answer said
        request.etag = etag_;
        request.last_modified = last_modified_;
    }
    const HttpResponse response = client.get(request, cancel);
    if (cancel && cancel->load()) return false;  // shutting down: not the feed's fault
    // The clock is read after the answer: a slow answer is as fresh as its arrival.
    const auto after =
        now + std::chrono::duration_cast<Time::duration>(std::chrono::steady_clock::now() - now);
    const auto fail = [&](const std::string& why) {
        tracker_.on_failure(why, after, log);
        return false;
    };
    if (!response.ok) return fail(response.error);

    std::uint64_t value = 0;
    if (response.not_modified && last_read_) {
        value = *last_read_;
    } else {
        const Reading reading = read_counter(response.body, config_.pointer);
        if (!reading.value) return fail(redacted_url(config_.url) + ": " + reading.error);
        value = *reading.value;
        etag_ = response.etag;
        last_modified_ = response.last_modified;
        last_read_ = value;
    }
    const std::int64_t fetched_unix = static_cast<std::int64_t>(std::time(nullptr));
    tracker_.on_success(value, fetched_unix, after, log);
    // The cache holds what the screen shows (a lower value not yet believed is not kept).
    if (tracker_.state(after).value == value) save_cache(value, fetched_unix, log);
    return true;
}

bool CounterFeed::poll(HttpClient& client, const std::atomic<bool>& cancel) {
    Lines log;
    const bool good = poll_once(client, std::chrono::steady_clock::now(), log, &cancel);
    if (cancel.load()) return good;
    const CounterReport now = report(std::chrono::steady_clock::now());
    if (publish_ && (!log.empty() || published_ != now)) {
        publish_(now, log);
        published_ = now;
    }
    return good;
}

void CounterFeed::save_cache(std::uint64_t value, std::int64_t fetched_unix, Lines& log) {
    if (!write_cache_) return;
    // Rewritten when the value changes, every kCacheRefreshS while it holds, and at once when
    // the clock went back (a cache must never keep a time from the future).
    if (saved_ && saved_->value == value && fetched_unix >= saved_->fetched_unix &&
        fetched_unix - saved_->fetched_unix < kCacheRefreshS)
        return;
    const CachedCounter cache{value, fetched_unix};
    std::string error;
    if (save_counter_cache(state_dir_, {config_.url, config_.pointer}, cache, &error)) {
        saved_ = cache;
        cache_error_.clear();
    } else if (error != cache_error_) {
        // Said once until it changes or heals: a read-only disk is not a line a poll.
        log.push_back("cannot keep the value for a restart: " + error);
        cache_error_ = error;
    }
}

}  // namespace kiosk::feed
