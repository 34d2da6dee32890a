#pragma once
// One paragraph, itemized and shaped once, in ems, with everything line breaking needs: where
// it may break, what each break costs, and the width of any slice in one subtraction. Shaping
// does not depend on the size, so fit-to-box tries every size on the same ShapedParagraph.
// Immutable once made, but for a cache of what line_width() shaped; it refers to the fonts it
// was shaped with, which must outlive it.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "kiosk/text/break_rules.hpp"
#include "kiosk/text/itemizer.hpp"
#include "kiosk/text/shaper.hpp"

namespace kiosk::text {

// A place a line may end, measured. The first point of a paragraph is its start and the last
// its end; the ones between are its break opportunities.
struct BreakPoint {
    size_t at = 0;        // where a line after this point begins (bytes)
    size_t line_end = 0;  // where a line ending at this point ends, trailing spaces left out
    double start_x = 0;   // width of the text before `at`, ems
    double end_x = 0;     // width of the text before `line_end`, ems
    float penalty = 0;
    float quote_penalty = 0;  // owed when the quotation around this point fits on one line
    double quote_width = 0;   // that quotation's width, ems
    bool space = false;       // the line ending here ends a word
    bool cut = false;         // between two graphemes of one word: a last resort
};

class ShapedParagraph {
  public:
    // `text` must be NFC. `language` is the style's BCP 47 tag.
    ShapedParagraph(std::string text, const Font& primary, const FontFallback* fallback,
                    const std::string& language);

    const std::string& text() const { return text_; }
    const Font& primary() const { return *primary_; }
    const std::vector<TextRun>& runs() const { return items_.runs; }
    // The glyphs of run `r`, in visual order.
    const std::vector<ShapedGlyph>& glyphs(size_t r) const { return glyphs_[r]; }
    const std::vector<BreakPoint>& points() const { return points_; }

    // Width of text[0, byte), ems. `byte` must be a character boundary.
    double x(size_t byte) const { return x_[byte]; }
    bool grapheme_start(size_t byte) const {
        return byte >= text_.size() || items_.grapheme_start[byte];
    }
    // Points inside (begin, end) where a word may be cut between graphemes, measured as the
    // paragraph runs on; a line that begins or ends at one is measured by line_width().
    std::vector<BreakPoint> cut_points(size_t begin, size_t end) const;

    // A line [begin, end) as it is drawn: slices of runs, in logical order. A slice is the
    // paragraph's own glyphs but for the piece of a word cut between graphemes that stands on
    // this line (from the cut to the word's end or its run's, or back to its start), which is
    // shaped alone: a ligature or an Arabic joining form is then never split between lines.
    struct Slice {
        size_t run = 0;
        size_t begin = 0, end = 0;  // bytes of the paragraph, inside the run
        bool alone = false;
    };
    std::vector<Slice> slices(size_t begin, size_t end, bool cut_before, bool cut_after) const;
    // The glyphs of an `alone` slice, in visual order, clusters in the paragraph's bytes.
    std::vector<ShapedGlyph> shape_alone(const Slice& slice) const;
    // The width, ems, of the line [begin, end) drawn from slices(): one subtraction but for a
    // line at a cut, whose cut pieces are shaped (and remembered, so that trying many widths
    // and sizes shapes each piece once). Not to be called from two threads at once.
    double line_width(size_t begin, size_t end, bool cut_before, bool cut_after) const;

  private:
    struct Span {
        size_t begin = 0, end = 0;
    };
    // The pieces of the line [begin, end) that are shaped alone: none, one or two.
    struct AlonePieces {
        Span piece[2];
        size_t count = 0;
    };
    AlonePieces alone_pieces(size_t begin, size_t end, bool cut_before, bool cut_after) const;
    size_t run_at(size_t byte) const;  // the run holding text[byte]

    std::string text_;
    const Font* primary_;
    Itemized items_;
    std::vector<std::vector<ShapedGlyph>> glyphs_;  // one list a run
    std::vector<double> x_;                         // text_.size() + 1 prefix widths
    std::vector<BreakPoint> points_;
    mutable std::unordered_map<std::uint64_t, double> alone_widths_;  // by begin and end
};

}  // namespace kiosk::text
