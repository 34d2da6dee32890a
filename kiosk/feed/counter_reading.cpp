#include "kiosk/feed/counter_reading.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace kiosk::feed {

namespace {

constexpr std::uint64_t kMaxCount = 1'000'000'000'000ull;

Reading fail(std::string why) {
    return {std::nullopt, std::move(why)};
}

Reading from_digits(const std::string& text) {
    const size_t first = text.find_first_not_of(" \t");
    const size_t last = text.find_last_not_of(" \t");
    if (first == std::string::npos) return fail("value is an empty string");
    const std::string digits = text.substr(first, last - first + 1);
    if (digits.size() > 13 || digits.find_first_not_of("0123456789") != std::string::npos)
        return fail("value \"" + text + "\" is not a whole number written in digits");
    const std::uint64_t value = std::stoull(digits);
    if (value > kMaxCount) return fail("value " + digits + " is implausibly large");
    return {value, ""};
}

// Where the pointer points, in words: the default empty pointer means the whole answer.
std::string place(const std::string& pointer) {
    return pointer.empty() ? "the whole answer (counter.pointer is \"\")" : pointer;
}

std::string kind(const nlohmann::json& value) {
    if (value.is_object()) return "an object";
    if (value.is_array()) return "an array";
    if (value.is_boolean()) return "true or false";
    return "null";
}

}  // namespace

Reading read_counter(std::string_view body, const std::string& pointer) {
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(body);
    } catch (const nlohmann::json::parse_error& e) {
        return fail("answer is not JSON (at byte " + std::to_string(e.byte) + ")");
    }
    const nlohmann::json* value = nullptr;
    try {
        value = &document.at(nlohmann::json::json_pointer(pointer));
    } catch (const nlohmann::json::exception&) {
        return fail("answer has nothing at " + place(pointer));
    }
    if (value->is_string()) return from_digits(value->get<std::string>());
    if (value->is_number_unsigned()) {
        const auto n = value->get<std::uint64_t>();
        if (n > kMaxCount) return fail("value " + std::to_string(n) + " is implausibly large");
        return {n, ""};
    }
    if (value->is_number_integer()) return fail("value " + value->dump() + " is negative");
    if (value->is_number_float()) {
        const double d = value->get<double>();
        if (d < 0) return fail("value " + value->dump() + " is negative");
        if (d != std::floor(d)) return fail("value " + value->dump() + " is not a whole number");
        if (d > static_cast<double>(kMaxCount))
            return fail("value " + value->dump() + " is implausibly large");
        return {static_cast<std::uint64_t>(d), ""};
    }
    // An object or array usually means the pointer stops short of the number: say so.
    return fail(place(pointer) + " is " + kind(*value) + ", not a number" +
                (value->is_structured() ? "; point counter.pointer at the number inside it" : ""));
}

}  // namespace kiosk::feed
