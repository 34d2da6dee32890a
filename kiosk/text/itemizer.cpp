#include "kiosk/text/itemizer.hpp"

#include <unicode/locid.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <unordered_map>

#include "kiosk/text/bidi.hpp"
#include "kiosk/text/unicode.hpp"

// Why ICU and not libraqm (bookworm's libraqm-dev 0.7), which itemizes and shapes too: raqm
// shapes through FreeType faces at their current pixel size (hb-ft), where this layout shapes
// once in font units with an immutable HarfBuzz font that threads share, and it would still
// leave font fallback to us (its caller names a face for every range). It also lays a paragraph
// out as one line, while lines need their own visual order, and brings FriBiDi for the bidi
// ICU already gives. Measured on a 3.5 KB paragraph of Vietnamese and Arabic: raqm took 0.4-0.7
// ms to itemize and shape; this itemizer and the shaper 0.5-0.8 ms, and 0.7-1.3 ms with every
// break opportunity and its penalty found as well, which raqm does not do.

namespace kiosk::text {

namespace {

struct CodePoint {
    size_t at;
    char32_t value;
    UScriptCode script;  // resolved: never Common or Inherited unless the whole text is
    bool neutral;        // its own script was Common or Inherited
};

std::vector<CodePoint> resolve_scripts(std::string_view text) {
    std::vector<CodePoint> out;
    out.reserve(text.size());
    UScriptCode last = USCRIPT_INVALID_CODE;
    size_t pending = 0;  // the first of the neutrals waiting for a script to follow them
    for (size_t i = 0; i < text.size();) {
        const size_t at = i;
        UChar32 c = 0;
        U8_NEXT_OR_FFFD(text.data(), i, text.size(), c);
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode script = uscript_getScript(c, &status);
        const bool neutral =
            U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED;
        if (neutral) {
            script = last;
        } else {
            // Neutrals at the start of the text take the first real script after them.
            if (last == USCRIPT_INVALID_CODE)
                for (; pending < out.size(); ++pending) out[pending].script = script;
            last = script;
        }
        out.push_back({at, static_cast<char32_t>(c), script, neutral});
    }
    // Text of digits and punctuation alone is shaped as Latin, the slides' own script.
    for (auto& cp : out)
        if (cp.script == USCRIPT_INVALID_CODE) cp.script = USCRIPT_LATIN;
    return out;
}

hb_script_t harfbuzz_script(UScriptCode script) {
    return hb_script_from_string(uscript_getShortName(script), -1);
}

// The language a script is most likely written in, by CLDR's likely subtags ("und-Arab" is
// Arabic, "und-Hani" Chinese): shaping may pick forms by language, and a Latin slide's
// language says nothing about its Arabic words.
std::string likely_language(UScriptCode script) {
    thread_local std::unordered_map<int, std::string> known;
    if (const auto it = known.find(script); it != known.end()) return it->second;
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale((std::string("und_") + uscript_getShortName(script)).c_str());
    locale.addLikelySubtags(status);
    std::string language = U_SUCCESS(status) ? locale.getLanguage() : "";
    if (language == "und") language.clear();
    return known[script] = language;
}

// The font of each code point: a grapheme cluster's first decides for the whole cluster.
// Letters take the first font that has them. A space or punctuation mark between two letters
// of one fallback font takes that font too (an Arabic phrase keeps the Arabic font's spaces);
// elsewhere it takes the style's font, so "Hà Nội · 河内" keeps Noto Sans's dot.
std::vector<const Font*> choose_fonts(const std::vector<CodePoint>& cps,
                                      const std::vector<std::uint8_t>& grapheme_start,
                                      const Font& primary, const FontFallback* fallback) {
    const auto lookup = [&](char32_t c) -> const Font* {
        const Font* found =
            fallback ? fallback->font_for(primary, c) : (primary.covers(c) ? &primary : nullptr);
        return found ? found : &primary;
    };
    std::vector<const Font*> fonts(cps.size(), nullptr);
    for (size_t k = 0; k < cps.size(); ++k)
        if (grapheme_start[cps[k].at] && !cps[k].neutral) fonts[k] = lookup(cps[k].value);
    // The font of the next letter after each code point, found from the right.
    std::vector<const Font*> next(cps.size() + 1, nullptr);
    for (size_t k = cps.size(); k-- > 0;) next[k] = fonts[k] ? fonts[k] : next[k + 1];
    const Font* previous = nullptr;  // the font of the last letter, or of the cluster going on
    for (size_t k = 0; k < cps.size(); ++k) {
        const CodePoint& cp = cps[k];
        if (!grapheme_start[cp.at]) {
            fonts[k] = previous ? previous : &primary;
            continue;
        }
        if (!fonts[k]) {
            const Font* around = previous && previous == next[k + 1] ? previous : nullptr;
            if (around && around->covers(cp.value))
                fonts[k] = around;
            else
                fonts[k] = primary.covers(cp.value) ? &primary : lookup(cp.value);
        }
        previous = fonts[k];
    }
    return fonts;
}

}  // namespace

Itemized itemize(std::string_view text, const Font& primary, const FontFallback* fallback,
                 const std::string& language) {
    Itemized out;
    out.grapheme_start.assign(text.size(), 0);
    if (text.empty()) return out;
    out.grapheme_start[0] = 1;
    for (size_t b : grapheme_boundaries(text)) out.grapheme_start[b] = 1;
    const BidiLevels levels = bidi_levels(text);
    out.paragraph_level = levels.paragraph;
    const std::vector<CodePoint> cps = resolve_scripts(text);

    const std::vector<const Font*> fonts = choose_fonts(cps, out.grapheme_start, primary, fallback);
    UScriptCode last_script = USCRIPT_INVALID_CODE;
    hb_script_t script = HB_SCRIPT_INVALID;
    for (size_t k = 0; k < cps.size(); ++k) {
        const CodePoint& cp = cps[k];
        const Font* font = fonts[k];
        if (cp.script != last_script) script = harfbuzz_script(last_script = cp.script);
        const std::uint8_t level = levels.at[cp.at];
        TextRun* run = out.runs.empty() ? nullptr : &out.runs.back();
        if (run && run->font == font && run->script == script && run->level == level) {
            run->end = cp.at;  // fixed up below
        } else {
            if (run) run->end = cp.at;
            out.runs.push_back(
                {cp.at, cp.at, font, script, level,
                 cp.script == USCRIPT_LATIN ? language : likely_language(cp.script)});
        }
    }
    // Every run ends where the next begins; the last at the end of the text.
    for (size_t r = 0; r + 1 < out.runs.size(); ++r) out.runs[r].end = out.runs[r + 1].begin;
    out.runs.back().end = text.size();
    return out;
}

}  // namespace kiosk::text
