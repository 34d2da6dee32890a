#include "kiosk/text/font_fallback.hpp"

#include <unicode/uchar.h>

#include "kiosk/text/system_fonts.hpp"

namespace kiosk::text {

namespace {

// Characters a text can hold are many but finite; a hostile one still must not grow this
// without bound, so past this many answers the memory starts afresh.
constexpr size_t kMaxRemembered = 8192;

}  // namespace

FontFallback::FontFallback(std::vector<std::unique_ptr<Font>> bundled, bool use_system)
    : bundled_(std::move(bundled)), use_system_(use_system) {}

FontFallback::~FontFallback() = default;

const Font* FontFallback::font_for(const Font& primary, char32_t code_point) const {
    if (primary.covers(code_point)) return &primary;
    const std::uint64_t key = (static_cast<std::uint64_t>(code_point) << 2) |
                              (primary.bold() ? 2u : 0u) | (primary.italic() ? 1u : 0u);
    const std::lock_guard lock(mutex_);
    if (const auto it = found_.find(key); it != found_.end()) return it->second;
    const Font* found = nullptr;
    // A bundled font of the primary's weight first, then any bundled one.
    for (int pass = 0; pass < 2 && !found; ++pass)
        for (const auto& font : bundled_)
            if ((pass == 1 || font->bold() == primary.bold()) && font->covers(code_point)) {
                found = font.get();
                break;
            }
    // An emoji (a flag's regional indicators, say) wants a colour font, which coverage
    // images cannot draw: a monochrome stand-in would show the wrong picture, so none is taken
    // and --check reports the character instead.
    const bool emoji =
        u_hasBinaryProperty(static_cast<UChar32>(code_point), UCHAR_EMOJI_PRESENTATION);
    if (!found && use_system_ && !emoji)
        found = find_system(code_point, primary.bold(), primary.italic());
    if (found_.size() >= kMaxRemembered) found_.clear();
    found_.emplace(key, found);
    return found;
}

// Called with mutex_ held.
const Font* FontFallback::find_system(char32_t code_point, bool bold, bool italic) const {
    // A font fontconfig gave before covers most characters of its script: try those first,
    // which keeps a page of Chinese to one lookup instead of one a character.
    for (const auto& font : system_)
        if (font->bold() == bold && font->covers(code_point)) return font.get();
    ++system_lookups_;
    if (!system_use_) system_use_ = std::make_unique<SystemFontsUse>();
    const auto file = find_system_font(code_point, bold, italic);
    if (!file) return nullptr;
    const std::string name = file->file.filename().string();
    for (const auto& font : system_)
        if (font->name() == name && font->covers(code_point)) return font.get();
    try {
        system_.push_back(std::make_unique<Font>(file->file, file->index));
    } catch (const std::exception&) {
        return nullptr;  // listed by fontconfig, unreadable to FreeType: as if absent
    }
    return system_.back()->covers(code_point) ? system_.back().get() : nullptr;
}

size_t FontFallback::system_lookups() const {
    const std::lock_guard lock(mutex_);
    return system_lookups_;
}

}  // namespace kiosk::text
