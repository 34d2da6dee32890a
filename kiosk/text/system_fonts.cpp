#include "kiosk/text/system_fonts.hpp"

#include <fontconfig/fontconfig.h>

#include <memory>
#include <mutex>

namespace kiosk::text {

namespace {

struct PatternDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
struct CharSetDeleter {
    void operator()(FcCharSet* c) const { FcCharSetDestroy(c); }
};
struct FontSetDeleter {
    void operator()(FcFontSet* s) const { FcFontSetDestroy(s); }
};

bool usable(FcPattern* font, char32_t code_point) {
    FcCharSet* charset = nullptr;
    if (FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) != FcResultMatch ||
        !FcCharSetHasChar(charset, code_point))
        return false;
    FcBool flag = FcFalse;
    if (FcPatternGetBool(font, FC_SCALABLE, 0, &flag) == FcResultMatch && !flag) return false;
    if (FcPatternGetBool(font, FC_COLOR, 0, &flag) == FcResultMatch && flag) return false;
    return true;
}

// Fontconfig is one state for the process: every call into it, and its end, under one lock.
std::mutex& fontconfig_mutex() {
    static std::mutex mutex;
    return mutex;
}
size_t users = 0;  // SystemFontsUse objects alive, under fontconfig_mutex()

}  // namespace

SystemFontsUse::SystemFontsUse() {
    const std::lock_guard lock(fontconfig_mutex());
    ++users;
}

SystemFontsUse::~SystemFontsUse() {
    const std::lock_guard lock(fontconfig_mutex());
    // Part of what fontconfig allocates is reachable only through its mapped cache files, so
    // without this a leak checker would report it.
    if (--users == 0) FcFini();
}

std::optional<SystemFontFile> find_system_font(char32_t code_point, bool bold, bool italic) {
    const std::lock_guard lock(fontconfig_mutex());
    const std::unique_ptr<FcPattern, PatternDeleter> pattern(FcPatternCreate());
    const std::unique_ptr<FcCharSet, CharSetDeleter> charset(FcCharSetCreate());
    if (!pattern || !charset || !FcCharSetAddChar(charset.get(), code_point)) return std::nullopt;
    FcPatternAddCharSet(pattern.get(), FC_CHARSET, charset.get());
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern.get(), FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    // A null configuration is fontconfig's current one, read on first use.
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    // Sorted by how well each font matches, coverage of the character first among the
    // criteria; the first that really has the character is the one.
    const std::unique_ptr<FcFontSet, FontSetDeleter> fonts(
        FcFontSort(nullptr, pattern.get(), FcFalse, nullptr, &result));
    if (!fonts) return std::nullopt;
    for (int i = 0; i < fonts->nfont; ++i) {
        FcPattern* font = fonts->fonts[i];
        if (!usable(font, code_point)) continue;
        FcChar8* file = nullptr;
        int index = 0;
        if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch) continue;
        FcPatternGetInteger(font, FC_INDEX, 0, &index);
        return SystemFontFile{reinterpret_cast<const char*>(file), index};
    }
    return std::nullopt;
}

}  // namespace kiosk::text
