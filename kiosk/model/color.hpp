#pragma once
// An sRGB colour as operators write it ("#0b1f3a"), and the WCAG contrast ratio between two.

#include <cstdint>
#include <optional>
#include <string_view>

namespace kiosk::model {

struct Color {
    std::uint8_t r = 0, g = 0, b = 0;
    friend bool operator==(const Color&, const Color&) = default;
};

// "#rrggbb" or "#rgb"; nullopt for anything else.
std::optional<Color> parse_color(std::string_view text);

// WCAG 2 contrast ratio, from 1 (same) to 21 (black on white). 7 is the AAA level for text.
double contrast_ratio(Color a, Color b);

}  // namespace kiosk::model
