#pragma once
// A chosen line made into placed glyphs: the paragraph's runs sliced to the line, set in visual
// order (right-to-left runs reversed per line, by UAX #9 rule L2) and scaled to the size. The
// paragraph's own shaping is reused, since breaks fall at spaces and after hyphens, where no
// glyph joins its neighbours; the piece of a word cut between graphemes is shaped alone on each
// side of the cut (ShapedParagraph::slices()), so a ligature or an Arabic joining form is never
// split between two lines, and the line is exactly as wide as line_width() measured it.

#include "kiosk/text/layout.hpp"
#include "kiosk/text/line_breaker.hpp"
#include "kiosk/text/shaped_paragraph.hpp"

namespace kiosk::text {

// The glyphs of `span`, the pen starting at `indent` pixels; baseline at 0.
Line build_line(const ShapedParagraph& paragraph, const LineSpan& span, float size_px,
                float indent);

}  // namespace kiosk::text
