#pragma once
// Finding the counter's value in a feed's answer: any JSON, an RFC 6901 pointer into it, and a
// value that must be a plausible count.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::feed {

struct Reading {
    std::optional<std::uint64_t> value;
    std::string error;  // why there is no value, for one log line
};

// Accepts a JSON integer from 0 to 10^12, or a string of ASCII digits (spaces around allowed).
// Refuses fractions, negatives, larger numbers and grouped digits ("2.500" is 2500 in Vietnamese
// and 2.5 in English: a feed that writes it so is ambiguous, so it is refused, not guessed).
Reading read_counter(std::string_view body, const std::string& pointer);

}  // namespace kiosk::feed
