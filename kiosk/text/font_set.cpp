#include "kiosk/text/font_set.hpp"

namespace kiosk::text {

FontSet load_fonts(const std::filesystem::path& dir, const std::string& regular,
                   const std::string& bold, const std::string& italic) {
    FontSet set;
    set.regular = std::make_unique<Font>(dir / regular);
    set.bold = std::make_unique<Font>(dir / bold);
    set.italic = std::make_unique<Font>(dir / italic);
    std::vector<std::unique_ptr<Font>> bundled;
    for (const char* name : kBundledFallbacks) {
        std::error_code ec;
        if (std::filesystem::exists(dir / name, ec))
            bundled.push_back(std::make_unique<Font>(dir / name));
    }
    set.fallback = std::make_unique<FontFallback>(std::move(bundled));
    return set;
}

}  // namespace kiosk::text
