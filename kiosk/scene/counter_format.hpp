#pragma once
// How the counter's number and its "as of" time are written in each language:
// 2.500 and 26/10/2025 in Vietnamese, 2,500 and 26 Oct 2025 in English.

#include <cstdint>
#include <string>

#include "kiosk/feed/counter_state.hpp"
#include "kiosk/model/deck.hpp"

namespace kiosk::scene {

std::string format_count(std::uint64_t value, model::Language language);

// A chart's value: grouped as format_count, with at most two decimals after the language's
// decimal mark (10,5 in Vietnamese, 10.5 in English).
std::string format_number(double value, model::Language language);

// A calendar date, UTC (bundled values carry a date, not a moment).
std::string format_date(std::int64_t unix_seconds, model::Language language);

// A moment in the screen's local time zone, to the minute.
std::string format_moment(std::int64_t unix_seconds, model::Language language);

// How fresh the number is, in words: "live", "as of 14:32, 26 Oct 2025", "as of 26 Oct 2025".
std::string format_freshness(const feed::CounterState& state, model::Language language);

}  // namespace kiosk::scene
