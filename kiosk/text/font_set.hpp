#pragma once
// The faces a slide uses, loaded once at start, and the fallbacks behind them for characters
// they lack: the bundled Noto Sans Arabic faces, then whatever fontconfig finds installed.

#include <filesystem>
#include <memory>
#include <string>

#include "kiosk/text/font.hpp"
#include "kiosk/text/font_fallback.hpp"

namespace kiosk::text {

struct FontSet {
    std::unique_ptr<Font> regular;
    std::unique_ptr<Font> bold;
    std::unique_ptr<Font> italic;
    std::unique_ptr<FontFallback> fallback;
};

// Bundled fallback faces, tried in this order, loaded from the fonts folder when present.
inline constexpr const char* kBundledFallbacks[] = {"NotoSansArabic-Regular.ttf",
                                                    "NotoSansArabic-Bold.ttf"};

// Throws std::runtime_error naming a style's file that cannot be opened. A bundled fallback
// that is missing is left out; one that is there but broken is a start-up error too.
FontSet load_fonts(const std::filesystem::path& dir, const std::string& regular,
                   const std::string& bold, const std::string& italic);

}  // namespace kiosk::text
