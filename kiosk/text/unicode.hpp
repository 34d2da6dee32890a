#pragma once
// The Unicode services layout needs, from ICU: normalization and UAX #14 line breaking.

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::text {

// NFC. Text typed on some Vietnamese keyboards arrives decomposed (a letter and combining marks);
// composing it first lets the font's precomposed glyphs serve, exactly as for composed input.
std::string to_nfc(std::string_view utf8);

// Byte offsets at which a new line may start, by UAX #14, in increasing order; the end of the
// text is not included. A break never falls inside a grapheme cluster, nor after the en dash of a
// number range such as 2021–2024.
std::vector<size_t> line_break_opportunities(std::string_view utf8);

// Byte offsets where grapheme clusters (a letter with its marks) begin, the first excluded; used
// to cut text for an ellipsis without splitting a letter from its marks.
std::vector<size_t> grapheme_boundaries(std::string_view utf8);

}  // namespace kiosk::text
