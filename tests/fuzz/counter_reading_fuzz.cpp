// Fuzz target: a feed's answer as read_counter reads it, with the configured default pointer,
// with the empty pointer (the whole answer), and with a pointer taken from the input (its first
// line, when that is a valid JSON Pointer; the rest is the answer). A reading never throws; it
// is a value or a reason, never both; a value is a plausible count (at most 10^12); a reason is
// one clean line of bounded length. A value agrees with nlohmann::json's own document and JSON
// Pointer, and a plausible whole number there is always read (the streaming reader builds no
// document, so it is checked against one that does).

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "fuzz/fuzz_support.hpp"
#include "kiosk/feed/counter_reading.hpp"
#include "kiosk/model/config.hpp"
#include "kiosk/model/limits.hpp"
#include "kiosk/model/utf8.hpp"

using namespace kiosk;

namespace {

const std::string kPointer = "/result/signatories/total";  // as in config/kiosk.json
constexpr size_t kReasonBytes = 1024;

// What nlohmann::json finds at `pointer`, or nothing when the answer or the pointer does not
// lead anywhere.
std::optional<nlohmann::json> lookup(std::string_view body, const std::string& pointer) {
    try {
        const auto doc = nlohmann::json::parse(body.begin(), body.end());
        return doc.at(nlohmann::json::json_pointer(pointer));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// The count a string of digits, with spaces or tabs around, stands for.
std::optional<std::uint64_t> digits_value(const std::string& text) {
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return std::nullopt;
    const std::string digits = text.substr(first, text.find_last_not_of(" \t") - first + 1);
    if (digits.size() > 13 || digits.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoull(digits);
}

void check_reading(std::string_view body, const std::string& pointer) {
    feed::Reading reading;
    try {
        reading = feed::read_counter(body, pointer);
    } catch (const std::exception& e) {
        fuzz::require(false, "read_counter threw", e.what());
    }
    fuzz::require(reading.value.has_value() == reading.error.empty(),
                  "a reading is both a value and a reason, or neither", reading.error);
    if (!reading.value) {
        fuzz::require(fuzz::clean_line(reading.error), "a reason is not one clean line",
                      reading.error);
        fuzz::require(reading.error.size() <= kReasonBytes, "a reason is too long for a log line",
                      reading.error);
    } else {
        fuzz::require(*reading.value <= model::limits::kMaxCount, "a value is implausibly large");
    }

    const auto there = lookup(body, pointer);
    if (reading.value) {
        fuzz::require(there.has_value(), "a value was read where nlohmann::json finds nothing");
        bool same = false;
        if (there->is_number_unsigned() || there->is_number_integer())
            same = there->get<std::int64_t>() >= 0 &&
                   static_cast<std::uint64_t>(there->get<std::int64_t>()) == *reading.value;
        else if (there->is_number_float())
            same = there->get<double>() == static_cast<double>(*reading.value);
        else if (there->is_string())
            same = digits_value(there->get<std::string>()) == reading.value;
        fuzz::require(same, "the value read differs from what nlohmann::json finds", there->dump());
    } else if (there && (there->is_number_unsigned() || there->is_number_integer())) {
        const auto v = there->get<std::int64_t>();
        // Only nesting deeper than the feed's limit may keep a plausible count from being read.
        fuzz::require(v < 0 || static_cast<std::uint64_t>(v) > model::limits::kMaxCount ||
                          reading.error.find("nests deeper") != std::string::npos,
                      "a plausible count was refused", reading.error);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    check_reading(text, kPointer);
    check_reading(text, "");
    // The config lets through only pointers that are RFC 6901, in a JSON string of at most
    // kLineChars characters, so only those reach the reader.
    if (const size_t newline = text.find('\n'); newline != std::string_view::npos) {
        const std::string pointer(text.substr(0, newline));
        if (!model::first_invalid_utf8(pointer) &&
            model::count_code_points(pointer) <= model::limits::kLineChars &&
            model::json_pointer_problem(pointer).empty())
            check_reading(text.substr(newline + 1), pointer);
    }
    return 0;
}
