#include "kiosk/text/bidi.hpp"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <memory>
#include <numeric>

namespace kiosk::text {

namespace {

struct BidiDeleter {
    void operator()(UBiDi* b) const { ubidi_close(b); }
};

bool may_be_right_to_left(std::string_view utf8) {
    for (size_t i = 0; i < utf8.size();) {
        UChar32 c = 0;
        U8_NEXT_OR_FFFD(utf8.data(), i, utf8.size(), c);
        switch (u_charDirection(c)) {
            case U_RIGHT_TO_LEFT:
            case U_RIGHT_TO_LEFT_ARABIC:
            case U_RIGHT_TO_LEFT_EMBEDDING:
            case U_RIGHT_TO_LEFT_OVERRIDE:
            case U_RIGHT_TO_LEFT_ISOLATE:
                return true;
            default:
                break;
        }
    }
    return false;
}

}  // namespace

BidiLevels bidi_levels(std::string_view utf8) {
    BidiLevels out;
    out.at.assign(utf8.size(), 0);
    // Vietnamese and English, nearly all the text shown, take this way out.
    if (!may_be_right_to_left(utf8)) return out;

    // ubidi works on UTF-16: convert, remembering where each UTF-16 unit came from.
    std::vector<UChar> u16;
    std::vector<size_t> from;  // byte offset of each UTF-16 unit's character
    u16.reserve(utf8.size());
    from.reserve(utf8.size());
    for (size_t i = 0; i < utf8.size();) {
        const size_t start = i;
        UChar32 c = 0;
        U8_NEXT_OR_FFFD(utf8.data(), i, utf8.size(), c);
        // U8_NEXT_OR_FFFD gives a valid code point, so it always has a UTF-16 spelling.
        if (U_IS_BMP(c)) {
            u16.push_back(static_cast<UChar>(c));
            from.push_back(start);
        } else {
            u16.push_back(U16_LEAD(c));
            u16.push_back(U16_TRAIL(c));
            from.push_back(start);
            from.push_back(start);
        }
    }
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<UBiDi, BidiDeleter> bidi(ubidi_open());
    ubidi_setPara(bidi.get(), u16.data(), static_cast<int32_t>(u16.size()), UBIDI_DEFAULT_LTR,
                  nullptr, &status);
    if (U_FAILURE(status)) return out;
    const UBiDiLevel* levels = ubidi_getLevels(bidi.get(), &status);
    if (U_FAILURE(status)) return out;
    out.paragraph = ubidi_getParaLevel(bidi.get()) & 1;
    for (size_t k = 0; k < u16.size(); ++k) {
        const size_t begin = from[k];
        const size_t end = k + 1 < u16.size() ? from[k + 1] : utf8.size();
        for (size_t b = begin; b < end; ++b) out.at[b] = levels[k];
    }
    return out;
}

std::vector<size_t> visual_order(const std::vector<std::uint8_t>& levels) {
    std::vector<size_t> order(levels.size());
    std::iota(order.begin(), order.end(), 0);
    if (levels.empty()) return order;
    std::vector<UBiDiLevel> ubidi_levels(levels.begin(), levels.end());
    std::vector<int32_t> map(levels.size());
    ubidi_reorderVisual(ubidi_levels.data(), static_cast<int32_t>(levels.size()), map.data());
    for (size_t i = 0; i < map.size(); ++i) order[i] = static_cast<size_t>(map[i]);
    return order;
}

}  // namespace kiosk::text
