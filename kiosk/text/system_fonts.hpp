#pragma once
// Installed fonts, found through fontconfig: where a font that covers a character lives. A font
// for another script is added to a machine by installing a Debian fonts package (fonts-noto-cjk,
// say); fontconfig finds it with no setting of ours. Fontconfig starts on the first call only,
// so text that the bundled fonts cover never pays for it. Thread-safe: calls are serialised.

#include <filesystem>
#include <optional>

namespace kiosk::text {

struct SystemFontFile {
    std::filesystem::path file;
    int index = 0;  // the face within a collection (.ttc)
};

// Keeps fontconfig's state alive while held; when the last one goes, fontconfig frees all it
// holds (FcFini), so a process that stops using fonts, or exits, leaves nothing behind. Take
// one before the first find_system_font() and keep it as long as lookups may follow.
class SystemFontsUse {
  public:
    SystemFontsUse();
    ~SystemFontsUse();
    SystemFontsUse(const SystemFontsUse&) = delete;
    SystemFontsUse& operator=(const SystemFontsUse&) = delete;
};

// The installed scalable, monochrome font fontconfig likes best for the weight and slant asked
// that maps `code_point`; nothing when none does. Colour fonts (emoji) are passed over: text is
// drawn as coverage and tinted, and a colour glyph would come out blank.
std::optional<SystemFontFile> find_system_font(char32_t code_point, bool bold, bool italic);

}  // namespace kiosk::text
