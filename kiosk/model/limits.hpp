#pragma once
// Every limit on what the kiosk reads from operators' files, in one place. Each is enforced
// before the work it bounds (a file's size before it is read, a document's size while it is
// parsed, a string's length before it is laid out), and the README lists them all.

#include <cstddef>
#include <cstdint>

namespace kiosk::model::limits {

// slides.json, counter.json, kiosk.json: larger files are refused unread.
inline constexpr std::uint64_t kFileBytes = 1 << 20;
// Values in one JSON document (a deck of 200 slides holds about 2,000), and how deep they nest.
inline constexpr size_t kJsonValues = 20'000;
inline constexpr int kJsonDepth = 32;
// Problems reported for one file; the rest are counted in one more line.
inline constexpr size_t kDiagnosticsPerFile = 50;

inline constexpr size_t kSlides = 200;
// Lengths in characters (code points).
inline constexpr size_t kIdChars = 64;
inline constexpr size_t kTitleChars = 300;
inline constexpr size_t kBodyChars = 3000;
inline constexpr size_t kLineChars = 300;  // attributions, counter labels, captions
inline constexpr size_t kUrlChars = 2048;
inline constexpr size_t kHeaders = 32;
inline constexpr size_t kHeaderChars = 4096;

// Feed answers: counter.max_bytes may be set from 64 bytes to this.
inline constexpr std::uint64_t kFeedBytes = 16 << 20;
inline constexpr int kFeedDepth = 64;
// Remote content: content.max_bytes (one file) and content.max_total_bytes (the deck) may be
// set up to these.
inline constexpr std::uint64_t kFileFetchBytes = 64ull << 20;
inline constexpr std::uint64_t kDeckFetchBytes = 1ull << 30;
// A counter no feed can plausibly reach; larger values are refused wherever they come from.
inline constexpr std::uint64_t kMaxCount = 1'000'000'000'000ull;

}  // namespace kiosk::model::limits
