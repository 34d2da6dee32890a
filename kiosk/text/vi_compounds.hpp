#pragma once
// The Vietnamese two-syllable words a line should not split ("quốc gia", "số hóa"), read from
// vi_compounds.txt, which is compiled into the program and says where its words come from.

#include <string_view>

namespace kiosk::text {

// True when `first` and `second` (lower case, NFC) are one word of the list. Thread-safe.
bool is_vietnamese_compound(std::string_view first, std::string_view second);

}  // namespace kiosk::text
