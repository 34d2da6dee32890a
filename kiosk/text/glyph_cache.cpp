#include "kiosk/text/glyph_cache.hpp"

namespace kiosk::text {

std::shared_ptr<const GlyphImage> GlyphCache::find(const GlyphKey& key) {
    const auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->second;
}

void GlyphCache::insert(const GlyphKey& key, std::shared_ptr<const GlyphImage> image) {
    order_.emplace_front(key, std::move(image));
    index_[key] = order_.begin();
    while (index_.size() > capacity_) {
        index_.erase(order_.back().first);
        order_.pop_back();
    }
}

}  // namespace kiosk::text
