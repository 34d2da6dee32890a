#pragma once
// The Unicode bidirectional algorithm (UAX #9, by ICU's ubidi): embedding levels of a
// paragraph, and the visual order of a line's runs. Even levels run left to right, odd ones
// right to left.

#include <cstdint>
#include <string_view>
#include <vector>

namespace kiosk::text {

struct BidiLevels {
    std::vector<std::uint8_t> at;  // one level a byte of the UTF-8 text
    std::uint8_t paragraph = 0;    // 0: the paragraph reads left to right, 1: right to left
};

// Levels of a paragraph whose direction is that of its first strong character (left to right
// when it has none). Text with no right-to-left character at all is answered without ICU.
BidiLevels bidi_levels(std::string_view utf8);

// The order in which runs of these levels stand on a line, left to right: indices into
// `levels`, as UAX #9 rule L2 reverses them.
std::vector<size_t> visual_order(const std::vector<std::uint8_t>& levels);

}  // namespace kiosk::text
