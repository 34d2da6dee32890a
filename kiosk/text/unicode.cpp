#include "kiosk/text/unicode.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <stdexcept>

namespace kiosk::text {

std::string to_nfc(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU normalizer unavailable");
    const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    if (nfc->isNormalized(in, status) && U_SUCCESS(status)) return std::string(utf8);
    status = U_ZERO_ERROR;
    const icu::UnicodeString out = nfc->normalize(in, status);
    if (U_FAILURE(status)) return std::string(utf8);
    std::string result;
    out.toUTF8String(result);
    return result;
}

namespace {

// Runs an ICU break iterator over UTF-8 directly (UText), so offsets come back in bytes.
std::vector<size_t> boundaries(std::string_view utf8, bool lines) {
    std::vector<size_t> out;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        lines ? icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status)
              : icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU break iterator unavailable");
    UText text = UTEXT_INITIALIZER;
    utext_openUTF8(&text, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    it->setText(&text, status);
    for (int32_t pos = it->next(); pos != icu::BreakIterator::DONE; pos = it->next()) {
        if (static_cast<size_t>(pos) < utf8.size()) out.push_back(static_cast<size_t>(pos));
    }
    utext_close(&text);
    return out;
}

}  // namespace

std::vector<size_t> line_break_opportunities(std::string_view utf8) {
    std::vector<size_t> breaks = boundaries(utf8, true);
    // UAX #14 reads a combining mark after a space as a letter of its own (LB10) and allows a
    // break before it, inside the grapheme cluster the space and the mark make (UAX #29): the
    // next line would begin with a lone mark. Only breaks between graphemes are kept.
    const std::vector<size_t> graphemes = boundaries(utf8, false);
    std::erase_if(breaks, [&](size_t at) {
        return !std::binary_search(graphemes.begin(), graphemes.end(), at);
    });
    // Tailoring: UAX #14 allows a break after an en dash, which would split a range of numbers
    // ("2021–" / "2024", "25–" / "26/10/2025"). Keep digit–digit together.
    const std::string_view dash = "\xE2\x80\x93";
    std::erase_if(breaks, [&](size_t at) {
        return at >= dash.size() + 1 && at < utf8.size() &&
               utf8.substr(at - dash.size(), dash.size()) == dash &&
               std::isdigit(static_cast<unsigned char>(utf8[at - dash.size() - 1])) &&
               std::isdigit(static_cast<unsigned char>(utf8[at]));
    });
    return breaks;
}

std::vector<size_t> grapheme_boundaries(std::string_view utf8) {
    return boundaries(utf8, false);
}

}  // namespace kiosk::text
