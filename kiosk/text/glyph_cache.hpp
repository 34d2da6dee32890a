#pragma once
// A bounded store of rendered glyph images for one font, keyed by everything that changes the
// picture: the glyph, the size in 1/64 px and the pen's phase within a pixel. When full, the
// image used longest ago makes room (least recently used), so a week of count-ups at changing
// sizes cannot grow it. Not thread-safe: its Font guards it with the Font's mutex.

#include <cstdint>
#include <list>
#include <memory>
#include <unordered_map>
#include <vector>

namespace kiosk::text {

// 8-bit coverage of one glyph, placed relative to the pen on the baseline.
struct GlyphImage {
    int left = 0;  // from the pen to the image's left edge, pixels
    int top = 0;   // from the baseline up to the image's top edge, pixels
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> alpha;  // width * height, row by row
};

struct GlyphKey {
    std::uint32_t glyph = 0;
    std::int32_t size_64 = 0;  // size in 1/64 px
    std::uint8_t phase = 0;    // horizontal pen offset in quarters of a pixel

    friend bool operator==(const GlyphKey&, const GlyphKey&) = default;
};

class GlyphCache {
  public:
    explicit GlyphCache(size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

    // The image stored for `key`, made most recently used; null when absent. Shared, so an image
    // handed out stays valid after the cache lets it go.
    std::shared_ptr<const GlyphImage> find(const GlyphKey& key);
    // Stores `image` for `key` (absent before), evicting the least recently used beyond capacity.
    void insert(const GlyphKey& key, std::shared_ptr<const GlyphImage> image);

    size_t size() const { return index_.size(); }
    size_t capacity() const { return capacity_; }

  private:
    struct Hash {
        size_t operator()(const GlyphKey& k) const {
            return std::hash<std::uint64_t>()((static_cast<std::uint64_t>(k.glyph) << 32) ^
                                              (static_cast<std::uint64_t>(k.size_64) << 2) ^
                                              k.phase);
        }
    };
    using Entry = std::pair<GlyphKey, std::shared_ptr<const GlyphImage>>;
    size_t capacity_;
    std::list<Entry> order_;  // most recently used first
    std::unordered_map<GlyphKey, std::list<Entry>::iterator, Hash> index_;
};

}  // namespace kiosk::text
