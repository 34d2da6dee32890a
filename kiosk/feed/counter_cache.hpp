#pragma once
// The last good value from the feed, kept in the state folder so a restart without network still
// shows it (as not live). Written atomically: a power cut leaves the old file or the new one.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::feed {

struct CachedCounter {
    std::uint64_t value = 0;
    std::int64_t fetched_unix = 0;  // wall time of the fetch, seconds
    std::string url;
    std::string pointer;
};

std::filesystem::path counter_cache_file(const std::filesystem::path& state_dir);

// The cache, if it exists, is readable, and came from this url and pointer. A corrupt cache or
// one from another feed gives nullopt and one line in `why`; a missing one is silent.
std::optional<CachedCounter> load_counter_cache(const std::filesystem::path& state_dir,
                                                const std::string& url, const std::string& pointer,
                                                std::string* why);

// Temporary file, fsync, rename, fsync of the folder. False with `error` set on failure.
bool save_counter_cache(const std::filesystem::path& state_dir, const CachedCounter& cache,
                        std::string* error);

}  // namespace kiosk::feed
