#pragma once
// A `chart` slide: its titles over labelled horizontal bars, drawn as rectangles and shaped text.
// Each bar's label stands in both languages, Vietnamese over English; its value is written at
// the bar's end in each language's number format (once when both write it alike). Bars start
// at one edge and their lengths are in proportion to their values. On a wide screen the labels
// stand in a column beside the bars; where that column would take too much of the width (a
// portrait screen), each label stands above its bar, and the bars take the whole width.

#include "kiosk/model/config.hpp"
#include "kiosk/model/deck.hpp"
#include "kiosk/scene/display_list.hpp"
#include "kiosk/scene/geometry.hpp"
#include "kiosk/text/font_set.hpp"

namespace kiosk::scene {

// Adds the chart's fills and texts to `out`, inside `area`, on the sizes of `g.type`; what had
// to be left out is said in out.problems.
void compose_chart(DisplayList& out, const model::Slide& slide, const model::Theme& theme,
                   const text::FontSet& fonts, const Geometry& g, const Rect& area);

}  // namespace kiosk::scene
