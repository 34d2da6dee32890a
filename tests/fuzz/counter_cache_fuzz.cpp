// Fuzz target: the counter cache as load_counter_cache reads it back at start, from a file in the
// state folder holding the input. The cache is evidence, not truth: loading never throws; a
// cache it believes holds a plausible count (at most 10^12) fetched at a time neither negative
// nor in the future; and a cache it refuses is said in one clean line (the file is there, so a
// refusal is never silent).

#include <optional>
#include <string>

#include "fuzz/fuzz_support.hpp"
#include "kiosk/feed/counter_cache.hpp"
#include "kiosk/model/limits.hpp"

using namespace kiosk;

namespace {

// The feed the seeds' caches were written for (tests/feed/counter_cache_test.cpp).
const feed::FeedIdentity kFeed{"https://feed.example/x?api_key=s3cret", "/total"};
constexpr std::int64_t kNow = 1761500000;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& dir = fuzz::scratch_dir();
    fuzz::write_scratch_file(feed::counter_cache_file(dir).filename().string(),
                             fuzz::as_text(data, size));
    std::optional<feed::CachedCounter> cache;
    std::string why;
    try {
        cache = feed::load_counter_cache(dir, kFeed, kNow, &why);
    } catch (const std::exception& e) {
        fuzz::require(false, "load_counter_cache threw", e.what());
    }
    if (cache) {
        fuzz::require(cache->value <= model::limits::kMaxCount, "a cached value is implausible");
        fuzz::require(cache->fetched_unix >= 0 && cache->fetched_unix <= kNow,
                      "a cached time is negative or in the future");
        fuzz::require(why.empty(), "a believed cache comes with a reason", why);
    } else {
        fuzz::require(!why.empty(), "a cache that is there was refused silently");
        fuzz::require(fuzz::clean_line(why), "a refusal is not one clean line", why);
    }
    return 0;
}
