#include "kiosk/text/font_set.hpp"

namespace kiosk::text {

FontSet load_fonts(const std::filesystem::path& dir, const std::string& regular,
                   const std::string& bold, const std::string& italic) {
    FontSet set;
    set.regular = std::make_unique<Font>(dir / regular);
    set.bold = std::make_unique<Font>(dir / bold);
    set.italic = std::make_unique<Font>(dir / italic);
    return set;
}

}  // namespace kiosk::text
