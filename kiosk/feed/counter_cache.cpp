#include "kiosk/feed/counter_cache.hpp"

#include <nlohmann/json.hpp>

#include "kiosk/feed/url_text.hpp"
#include "kiosk/model/limits.hpp"
#include "kiosk/model/small_file.hpp"
#include "kiosk/state/state_dir.hpp"

namespace kiosk::feed {

namespace {
constexpr std::uint64_t kCacheBytes = 4096;  // the file is about 150 bytes
}

std::filesystem::path counter_cache_file(const std::filesystem::path& state_dir) {
    return state_dir / "counter-cache.json";
}

std::optional<CachedCounter> load_counter_cache(const std::filesystem::path& state_dir,
                                                const FeedIdentity& feed, std::int64_t now_unix,
                                                std::string* why) {
    const auto file = counter_cache_file(state_dir);
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(file, ec))) return std::nullopt;
    const auto refuse = [&](const std::string& what) -> std::optional<CachedCounter> {
        if (why) *why = file.string() + ": " + what;
        return std::nullopt;
    };
    std::string text, problem;
    if (!model::read_small_file(file.string(), kCacheBytes, text, problem))
        return refuse(problem + ", ignored");
    CachedCounter cache;
    std::string fingerprint;
    try {
        const auto json = nlohmann::json::parse(text);
        const auto& value = json.at("value");
        const auto& fetched = json.at("fetched_unix");
        if (!value.is_number_unsigned() || !fetched.is_number_integer())
            return refuse("corrupt, ignored (value and fetched_unix must be whole numbers)");
        cache.value = value.get<std::uint64_t>();
        cache.fetched_unix = fetched.get<std::int64_t>();
        // Caches written before fingerprints named the feed by its URL and pointer in clear.
        fingerprint = json.contains("feed")
                          ? json.at("feed").get<std::string>()
                          : feed_fingerprint(json.at("url").get<std::string>(),
                                             json.at("pointer").get<std::string>());
    } catch (const std::exception& e) {
        return refuse(std::string("corrupt, ignored (") +
                      (dynamic_cast<const nlohmann::json::exception*>(&e) ? "not the cache's JSON"
                                                                          : "unreadable") +
                      ")");
    }
    if (cache.value > model::limits::kMaxCount || cache.fetched_unix < 0)
        return refuse("corrupt, ignored (a value or time no feed gives)");
    if (fingerprint != feed_fingerprint(feed.url, feed.pointer))
        return refuse("from another feed, not shown");
    if (cache.fetched_unix > now_unix) cache.fetched_unix = now_unix;
    return cache;
}

bool save_counter_cache(const std::filesystem::path& state_dir, const FeedIdentity& feed,
                        const CachedCounter& cache, std::string* error) {
    const std::string text = nlohmann::json{{"value", cache.value},
                                            {"fetched_unix", cache.fetched_unix},
                                            {"feed", feed_fingerprint(feed.url, feed.pointer)},
                                            {"url", redacted_url(feed.url)}}
                                 .dump() +
                             "\n";
    return state::write_file_atomically(state_dir, counter_cache_file(state_dir).filename(), text,
                                        true, error);
}

}  // namespace kiosk::feed
