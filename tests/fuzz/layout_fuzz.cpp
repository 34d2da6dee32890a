// Fuzz target: any text through the whole of text layout, as a slide's title or body: NFC,
// itemizing, fallback fonts, shaping, paragraph line breaking, fitting to a box, rasterizing,
// with the bundled fonts at a few sizes and widths.
//
// The input is four bytes of settings, then the text, made what the model lets through (bytes that
// are not UTF-8 and control characters become U+FFFD) and cut to the model's length limits:
//   byte 0: bits 0-1 font (regular, bold, italic, regular), bit 2 balanced lines (titles),
//           bit 3 language vi/en, bit 4 a body split into paragraphs / a title as one,
//           bit 5 lay out the NFD form too and compare, bit 6 a list marker's indent,
//           bit 7 a title's floor size and the room below it
//   byte 1: bits 0-2 size, bits 3-4 minimum size, bit 5 installed fonts (fontconfig) as fallback
//   byte 2: bits 0-2 width; byte 3: bits 0-2 height
//
// What a person would see is checked: no line is wider than the box unless it is one grapheme
// (lines cut inside a word too); a line begins where UAX #14 allows a break,
// or inside a word only when the block says a word was cut, and never inside a grapheme; no text
// is lost but the spaces at a break, unless the block says it was cut; a fitted block
// stays within its height (one line at least is kept), at a size between the minimum and the
// preferred; a cut block ends in "…"; decomposed text lays out and draws exactly as composed
// text; and the coverage image is as large as it says.

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/fuzz_support.hpp"
#include "kiosk/model/deck.hpp"
#include "kiosk/model/limits.hpp"
#include "kiosk/model/utf8.hpp"
#include "kiosk/text/font_set.hpp"
#include "kiosk/text/layout.hpp"
#include "kiosk/text/rasterizer.hpp"
#include "kiosk/text/unicode.hpp"

using namespace kiosk;

namespace {

constexpr float kSizes[] = {12, 26.67f, 40, 52, 80, 112, 168, 300};
constexpr float kMinFactors[] = {1, 0.75f, 0.5f, 0.3f};
constexpr float kWidths[] = {1, 17, 64, 300, 640, 1152, 1728, 3456};
constexpr float kHeights[] = {0, 20, 60, 200, 480, 620, 1000, 1944};
// Pixels summed glyph by glyph may differ from the breaker's measure by rounding, no more.
constexpr float kSlack = 0.05f;
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

struct Fonts {
    std::unique_ptr<text::Font> regular, bold, italic;
    std::unique_ptr<text::FontFallback> bundled;  // the bundled fallbacks alone
    std::unique_ptr<text::FontFallback> system;   // then installed fonts, as the kiosk has it

    Fonts() {
        const std::filesystem::path dir = KIOSK_SOURCE_DIR "/fonts";
        regular = std::make_unique<text::Font>(dir / "NotoSans-Regular.ttf");
        bold = std::make_unique<text::Font>(dir / "NotoSans-Bold.ttf");
        italic = std::make_unique<text::Font>(dir / "NotoSans-Italic.ttf");
        const auto fallbacks = [&] {
            std::vector<std::unique_ptr<text::Font>> fonts;
            for (const char* name : text::kBundledFallbacks)
                fonts.push_back(std::make_unique<text::Font>(dir / name));
            return fonts;
        };
        bundled = std::make_unique<text::FontFallback>(fallbacks(), false);
        system = std::make_unique<text::FontFallback>(fallbacks(), true);
    }
};

const Fonts& fonts() {
    static const Fonts loaded;
    return loaded;
}

// Text as the model hands it on, of at most `max_chars` code points: bytes that are not UTF-8,
// and control characters no JSON string can hold (all below U+0020 but tab and newline), become
// U+FFFD.
std::string as_model_text(std::string_view bytes, size_t max_chars) {
    std::string out;
    size_t chars = 0;
    for (size_t at = 0; at < bytes.size() && chars < max_chars; ++chars) {
        const size_t n = model::utf8_sequence_length(bytes, at);
        const unsigned char c = static_cast<unsigned char>(bytes[at]);
        if (n > 0 && (c >= 0x20 || c == '\t' || c == '\n')) {
            out.append(bytes.substr(at, n));
            at += n;
        } else {
            out += "\xEF\xBF\xBD";
            at += std::max<size_t>(n, 1);
        }
    }
    return out;
}

std::string nfd(const std::string& text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFDInstance(status);
    fuzz::require(U_SUCCESS(status), "ICU's NFD is unavailable");
    const icu::UnicodeString out =
        normalizer->normalize(icu::UnicodeString::fromUTF8(text), status);
    std::string result;
    out.toUTF8String(result);
    return result;
}

bool one_grapheme(const std::string& text) {
    return text::grapheme_boundaries(text).empty();
}

// A line's text stands in its paragraph at `cursor`, or after spaces there (the ones a break
// drops); moves `cursor` past it and returns where it began.
std::optional<size_t> take(const std::string& paragraph, std::string_view line, size_t& cursor) {
    for (size_t at = cursor; at <= paragraph.size(); ++at) {
        if (paragraph.compare(at, line.size(), line) == 0) {
            cursor = at + line.size();
            return at;
        }
        if (at == paragraph.size() || paragraph[at] != ' ') break;
    }
    return std::nullopt;
}

// Where each line stands in its paragraph, found from the text it shows.
struct Span {
    size_t paragraph = 0, begin = 0, end = 0;
    bool ellipsis = false;
};

// The checks every block passes, whether laid out at a size or fitted. `nfc` are the
// paragraphs as layout saw them.
void check_block(const text::TextBlock& block, const std::vector<std::string>& nfc,
                 const text::TextStyle& style, float max_width) {
    std::vector<size_t> cursor(nfc.size(), 0);
    std::vector<Span> spans;
    float widest = 0, baseline = -INFINITY;
    for (size_t i = 0; i < block.lines.size(); ++i) {
        const text::Line& line = block.lines[i];
        fuzz::require(line.baseline > baseline, "lines do not go down the box");
        baseline = line.baseline;
        widest = std::max(widest, line.width);
        for (const auto& g : line.glyphs)
            fuzz::require(g.font != nullptr && std::isfinite(g.x) && std::isfinite(g.y),
                          "a glyph has no font or no place", line.text);
        fuzz::require(line.paragraph >= 0 && static_cast<size_t>(line.paragraph) < nfc.size(),
                      "a line belongs to no paragraph");
        Span span{static_cast<size_t>(line.paragraph)};
        std::string_view shown(line.text);
        if (block.truncated && i + 1 == block.lines.size()) {
            fuzz::require(shown.size() >= kEllipsis.size() &&
                              shown.substr(shown.size() - kEllipsis.size()) == kEllipsis,
                          "a cut block does not end in an ellipsis", line.text);
            shown.remove_suffix(kEllipsis.size());
            span.ellipsis = true;
        }
        const auto begin = take(nfc[span.paragraph], shown, cursor[span.paragraph]);
        fuzz::require(begin.has_value(),
                      "a line shows text that is not the next of its paragraph's", line.text);
        span.begin = *begin;
        span.end = cursor[span.paragraph];
        spans.push_back(span);
    }
    fuzz::require(block.width >= widest, "a block is narrower than its widest line");

    // A line begins where UAX #14 allows a break, or, only where a word was cut, between two of
    // its graphemes; never inside one.
    struct Boundaries {
        std::vector<size_t> breaks, graphemes;
    };
    std::vector<std::optional<Boundaries>> boundaries(nfc.size());
    const auto of = [&](size_t p) -> const Boundaries& {
        if (!boundaries[p])
            boundaries[p] = Boundaries{text::line_break_opportunities(nfc[p]),
                                       text::grapheme_boundaries(nfc[p])};
        return *boundaries[p];
    };
    const auto cut_at = [&](size_t p, size_t at) {
        if (at == 0 || at >= nfc[p].size()) return false;
        const auto& b = of(p);
        fuzz::require(std::binary_search(b.graphemes.begin(), b.graphemes.end(), at),
                      "a line begins inside a grapheme", nfc[p].substr(at));
        return !std::binary_search(b.breaks.begin(), b.breaks.end(), at);
    };
    const float limit = style.indent + std::max(1.0f, max_width - style.indent) + kSlack;
    for (size_t i = 0; i < spans.size(); ++i) {
        const text::Line& line = block.lines[i];
        const Span& s = spans[i];
        const bool cut_before = cut_at(s.paragraph, s.begin);
        const bool cut_after = i + 1 < spans.size() && spans[i + 1].paragraph == s.paragraph &&
                               spans[i + 1].begin == s.end && cut_at(s.paragraph, s.end);
        fuzz::require(!(cut_before || cut_after) || block.split_word,
                      "a word was cut though the block says none was", line.text);
        fuzz::require(line.width <= limit || one_grapheme(line.text),
                      "a line is wider than its box",
                      line.text + " (" + std::to_string(line.width) + " px, the box " +
                          std::to_string(limit - kSlack) + ")");
    }
    if (block.truncated) return;
    for (size_t p = 0; p < nfc.size(); ++p)
        fuzz::require(nfc[p].find_first_not_of(' ', cursor[p]) == std::string::npos,
                      "text was lost though the block says nothing was cut",
                      nfc[p].substr(cursor[p]));
}

void check_coverage(const text::Coverage& c) {
    fuzz::require(
        c.width >= 0 && c.height >= 0 && c.alpha.size() == static_cast<size_t>(c.width) * c.height,
        "a coverage image is not as large as it says");
}

bool same_layout(const text::TextBlock& a, const text::TextBlock& b) {
    if (a.size_px != b.size_px || a.truncated != b.truncated || a.split_word != b.split_word ||
        a.lines.size() != b.lines.size())
        return false;
    for (size_t i = 0; i < a.lines.size(); ++i) {
        const auto& x = a.lines[i];
        const auto& y = b.lines[i];
        if (x.text != y.text || x.glyphs.size() != y.glyphs.size()) return false;
        for (size_t g = 0; g < x.glyphs.size(); ++g)
            if (x.glyphs[g].id != y.glyphs[g].id || x.glyphs[g].font != y.glyphs[g].font ||
                x.glyphs[g].x != y.glyphs[g].x || x.glyphs[g].y != y.glyphs[g].y)
                return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 4) return 0;
    const std::uint8_t flags = data[0], sizing = data[1];
    const bool body = flags & 0x10;
    const std::string words =
        as_model_text(fuzz::as_text(data + 4, size - 4),
                      body ? model::limits::kBodyChars : model::limits::kTitleChars);
    // Bodies are split as the scene splits them; a title is one paragraph, newlines and all.
    const std::vector<std::string> paragraphs =
        body ? model::SlideText{"", words, ""}.paragraphs() : std::vector<std::string>{words};

    const Fonts& f = fonts();
    const text::Font* faces[] = {f.regular.get(), f.bold.get(), f.italic.get(), f.regular.get()};
    text::TextStyle style;
    style.font = faces[flags & 3];
    style.fallback = sizing & 0x20 ? f.system.get() : f.bundled.get();
    style.balance = flags & 4;
    style.language = flags & 8 ? "vi" : "en";
    style.size_px = kSizes[sizing & 7];
    style.min_size_px = style.size_px * kMinFactors[(sizing >> 3) & 3];
    if (flags & 0x40) style.indent = style.size_px * 1.2f;
    const float width = kWidths[data[2] & 7];
    const float height = kHeights[data[3] & 7];
    float room = 0;
    if (flags & 0x80) {
        style.floor_size_px = style.size_px * 0.6f;
        room = height * 2;
    }

    std::vector<std::string> nfc;
    for (const auto& p : paragraphs) nfc.push_back(text::to_nfc(p));

    try {
        // At one size, as the scene measures what a body needs at its smallest.
        const text::TextBlock laid =
            text::layout_paragraphs(paragraphs, style, style.min_size_px, width);
        fuzz::require(!laid.truncated, "layout at one size cut its text");
        check_block(laid, nfc, style, width);

        const text::TextBlock fitted = text::fit_paragraphs(paragraphs, style, width, height, room);
        check_block(fitted, nfc, style, width);
        const int low = static_cast<int>(std::ceil(style.min_size_px));
        const int high = std::max(low, static_cast<int>(std::floor(style.size_px)));
        fuzz::require(
            fitted.size_px >= static_cast<float>(low) && fitted.size_px <= static_cast<float>(high),
            "a fitted block's size is outside the style's range");
        fuzz::require(fitted.lines.size() <= 1 || fitted.height <= std::max(height, room) + kSlack,
                      "a fitted block is taller than its box");
        fuzz::require(!fitted.truncated || !fitted.lines.empty(),
                      "a cut block shows nothing, not even an ellipsis");
        const text::Coverage drawn = text::rasterize(fitted);
        check_coverage(drawn);

        if (flags & 0x20) {
            std::vector<std::string> decomposed;
            for (const auto& p : paragraphs) decomposed.push_back(nfd(p));
            const text::TextBlock again =
                text::fit_paragraphs(decomposed, style, width, height, room);
            fuzz::require(same_layout(fitted, again), "decomposed text lays out otherwise", words);
            fuzz::require(text::rasterize(again) == drawn, "decomposed text draws otherwise",
                          words);
        }
    } catch (const fuzz::Broken&) {
        throw;
    } catch (const std::exception& e) {
        fuzz::require(false, "layout threw", e.what());
    }
    return 0;
}
