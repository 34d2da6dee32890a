#include "kiosk/text/coverage.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "kiosk/text/unicode.hpp"

namespace kiosk::text {

std::vector<char32_t> missing_code_points(std::string_view text, const FontSet& fonts) {
    std::vector<char32_t> missing;
    const std::string nfc = to_nfc(text);
    for (size_t i = 0; i < nfc.size();) {
        UChar32 c = 0;
        U8_NEXT_OR_FFFD(nfc.data(), i, nfc.size(), c);
        if (u_iscntrl(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) continue;
        const auto cp = static_cast<char32_t>(c);
        const Font* faces[] = {fonts.regular.get(), fonts.bold.get(), fonts.italic.get()};
        const bool covered = std::any_of(std::begin(faces), std::end(faces),
                                         [&](const Font* f) { return f && f->covers(cp); });
        if (covered ||
            (fonts.fallback && fonts.regular && fonts.fallback->font_for(*fonts.regular, cp)))
            continue;
        if (std::find(missing.begin(), missing.end(), cp) == missing.end()) missing.push_back(cp);
    }
    return missing;
}

}  // namespace kiosk::text
