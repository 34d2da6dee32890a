#pragma once
// The first stage of layout: a paragraph split into runs, each of one script, one direction and
// one font, ready to be shaped on its own. Scripts come from ICU (uscript), with Common and
// Inherited characters (spaces, digits, punctuation, combining marks) taken into the script of
// their neighbours; directions from the bidirectional algorithm; fonts from the style's font,
// then its fallbacks, a grapheme cluster at a time so a letter and its marks share a font.

#include <hb.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/text/font.hpp"
#include "kiosk/text/font_fallback.hpp"

namespace kiosk::text {

struct TextRun {
    size_t begin = 0, end = 0;  // bytes of the paragraph
    const Font* font = nullptr;
    hb_script_t script = HB_SCRIPT_LATIN;
    std::uint8_t level = 0;  // bidi embedding level: odd reads right to left
    std::string language;    // BCP 47: the style's for its own script, else the script's own
};

struct Itemized {
    std::vector<TextRun> runs;                 // in logical order, covering the whole text
    std::vector<std::uint8_t> grapheme_start;  // one a byte: 1 where a grapheme cluster begins
    std::uint8_t paragraph_level = 0;          // 1 when the paragraph reads right to left
};

// `text` is NFC. `language` is the style's ("vi", "en"): it applies to Latin runs. Without a
// fallback, or where no font covers a character, the character stays with `primary` (and
// shows as its .notdef box).
Itemized itemize(std::string_view text, const Font& primary, const FontFallback* fallback,
                 const std::string& language);

}  // namespace kiosk::text
