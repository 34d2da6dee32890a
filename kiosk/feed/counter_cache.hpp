#pragma once
// The last good value from the feed, kept in the state folder so a restart without network still
// shows it (as not live). Written atomically: a power cut leaves the old file or the new one.
// The cache is evidence, not truth: what is read back is checked against the same limits as a
// feed's answer, and a time in the future is not believed.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::feed {

struct CachedCounter {
    std::uint64_t value = 0;
    std::int64_t fetched_unix = 0;  // wall time of the fetch, seconds
};

// Which feed a cache belongs to: the URL and pointer it was read with.
struct FeedIdentity {
    std::string url;
    std::string pointer;
};

std::filesystem::path counter_cache_file(const std::filesystem::path& state_dir);

// The cache, if it exists, is a small regular file in range, and came from this feed. A corrupt
// cache or one from another feed gives nullopt and one line in `why`; a missing one is silent. A
// fetch time later than `now_unix` (the clock was set back since) is read as `now_unix`.
std::optional<CachedCounter> load_counter_cache(const std::filesystem::path& state_dir,
                                                const FeedIdentity& feed, std::int64_t now_unix,
                                                std::string* why);

// Unique temporary file (0600), fsync, rename, fsync of the folder. The file names the feed by
// its redacted URL and a fingerprint, never the URL's secrets. False with `error` on failure.
bool save_counter_cache(const std::filesystem::path& state_dir, const FeedIdentity& feed,
                        const CachedCounter& cache, std::string* error);

}  // namespace kiosk::feed
