#include "kiosk/scene/counter_format.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>

namespace kiosk::scene {

namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string date_of(const std::tm& t, model::Language language) {
    char text[32];
    if (language == model::Language::Vi)
        std::snprintf(text, sizeof text, "%d/%d/%d", t.tm_mday, t.tm_mon + 1, t.tm_year + 1900);
    else
        std::snprintf(text, sizeof text, "%d %s %d", t.tm_mday, kMonths[t.tm_mon],
                      t.tm_year + 1900);
    return text;
}

}  // namespace

std::string format_count(std::uint64_t value, model::Language language) {
    const std::string digits = std::to_string(value);
    const char separator = language == model::Language::Vi ? '.' : ',';
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

std::string format_number(double value, model::Language language) {
    // Two decimals at most, trailing zeros dropped: a chart's value as a person writes it.
    const double rounded = std::round(std::max(0.0, value) * 100) / 100;
    const auto whole = static_cast<std::uint64_t>(rounded);
    const int cents = static_cast<int>(std::lround((rounded - static_cast<double>(whole)) * 100));
    std::string out = format_count(whole, language);
    if (cents == 0) return out;
    out += language == model::Language::Vi ? ',' : '.';
    out += static_cast<char>('0' + cents / 10);
    if (cents % 10) out += static_cast<char>('0' + cents % 10);
    return out;
}

std::string format_date(std::int64_t unix_seconds, model::Language language) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm utc{};
    gmtime_r(&t, &utc);
    return date_of(utc, language);
}

std::string format_moment(std::int64_t unix_seconds, model::Language language) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm local{};
    localtime_r(&t, &local);
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", local.tm_hour, local.tm_min);
    return std::string(clock) + (language == model::Language::Vi ? " " : ", ") +
           date_of(local, language);
}

std::string format_freshness(const feed::CounterState& state, model::Language language) {
    const bool vi = language == model::Language::Vi;
    switch (state.freshness) {
        case feed::Freshness::Live:
            return vi ? "trực tiếp" : "live";
        case feed::Freshness::Stale:
            return (vi ? "cập nhật " : "as of ") + format_moment(state.as_of_unix, language);
        case feed::Freshness::Bundled:
            return (vi ? "tính đến " : "as of ") + format_date(state.as_of_unix, language);
    }
    return "";
}

}  // namespace kiosk::scene
