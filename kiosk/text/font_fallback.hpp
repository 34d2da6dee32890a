#pragma once
// Which font draws a character the style's own font lacks: bundled fonts for other scripts
// first (Noto Sans Arabic), then any installed font fontconfig finds. Lookups are lazy and
// remembered: text the style's font covers never reaches here, and fontconfig is asked once per
// character at most (and not at all for one an earlier fallback font already covers).
//
// Thread-safe: layout may ask from a worker while the main thread asks too. Fonts it returns
// live as long as the FontFallback.

#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "kiosk/text/font.hpp"
#include "kiosk/text/system_fonts.hpp"

namespace kiosk::text {

class FontFallback {
  public:
    // `bundled` are tried in order after the style's font (those of its weight first);
    // `use_system` allows fontconfig lookups after them.
    explicit FontFallback(std::vector<std::unique_ptr<Font>> bundled, bool use_system = true);
    ~FontFallback();

    // The first font, `primary` first, that maps `code_point`; null when none does. Emoji
    // (Emoji_Presentation) are never taken from an installed font: only a colour font would draw
    // them right, and glyphs here are drawn as coverage.
    const Font* font_for(const Font& primary, char32_t code_point) const;
    // How many times fontconfig was asked, for tests and start-up checks.
    size_t system_lookups() const;

  private:
    std::vector<std::unique_ptr<Font>> bundled_;
    bool use_system_;
    mutable std::mutex mutex_;                                      // guards everything below
    mutable std::vector<std::unique_ptr<Font>> system_;             // loaded on demand, kept
    mutable std::unordered_map<std::uint64_t, const Font*> found_;  // by character and style
    mutable size_t system_lookups_ = 0;
    mutable std::unique_ptr<SystemFontsUse> system_use_;  // taken at the first lookup

    const Font* find_system(char32_t code_point, bool bold, bool italic) const;
};

}  // namespace kiosk::text
