#pragma once
// UTF-8 as the kiosk accepts it from outside: well formed by RFC 3629, so no overlong form, no
// surrogate (U+D800–U+DFFF) and nothing above U+10FFFF. Everything later (shaping, breaking,
// logging) may then rely on the text being valid.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::model {

// The length of the well-formed sequence that starts at text[at], or 0 when none does.
size_t utf8_sequence_length(std::string_view text, size_t at);

// The byte offset of the first byte that does not start a well-formed sequence, or nullopt.
std::optional<size_t> first_invalid_utf8(std::string_view text);

// Decodes the sequence at `at` (which must be well formed) and moves `at` past it.
char32_t next_code_point(std::string_view text, size_t& at);

// Appends `cp` (a scalar value: not a surrogate, at most U+10FFFF) as UTF-8.
void append_utf8(std::string& out, char32_t cp);

// Code points in well-formed UTF-8.
size_t count_code_points(std::string_view text);

}  // namespace kiosk::model
