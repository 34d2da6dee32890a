// Fuzz target: config/kiosk.json as parse_config reads it, from a real file holding the input.
// It never throws; every diagnostic is one clean line at a place the file has; and a config it
// accepts holds only what the README's table allows, so nothing later needs to check again.

#include <algorithm>
#include <optional>
#include <string>

#include "fuzz/fuzz_support.hpp"
#include "kiosk/model/config.hpp"
#include "kiosk/model/limits.hpp"
#include "kiosk/model/utf8.hpp"

using namespace kiosk;

namespace {

bool within(double value, double low, double high) {
    return value >= low && value <= high;
}

bool font_name(const std::string& name) {
    return !name.empty() && name.find('/') == std::string::npos && name != "." && name != "..";
}

void check_config(const model::Config& c) {
    const auto& d = c.display;
    fuzz::require(within(d.display, 0, 15), "display.display is out of range");
    fuzz::require(d.rotation == 0 || d.rotation == 90 || d.rotation == 180 || d.rotation == 270,
                  "display.rotation is not a quarter turn");
    fuzz::require((d.width == 0 && d.height == 0) ||
                      (within(d.width, 64, 16384) && within(d.height, 64, 16384)),
                  "display.size is out of range");
    fuzz::require(within(c.slide_duration_s, 1, 3600), "slides.duration_s is out of range");
    fuzz::require(within(c.transition_s, 0, 5), "slides.transition_s is out of range");
    fuzz::require(within(c.theme.scale, 0.8, 1.5), "theme.scale is out of range");
    fuzz::require(
        font_name(c.theme.font) && font_name(c.theme.bold_font) && font_name(c.theme.italic_font),
        "a theme font is not a file name in the fonts folder");
    fuzz::require(c.state_dir.empty() || c.state_dir.is_absolute(), "state_dir is not absolute");

    const auto& counter = c.counter;
    fuzz::require(counter.url.empty() || model::valid_url_scheme(counter.url),
                  "counter.url is neither empty nor http(s)", counter.url);
    fuzz::require(model::count_code_points(counter.url) <= model::limits::kUrlChars,
                  "counter.url is too long");
    fuzz::require(model::json_pointer_problem(counter.pointer).empty(),
                  "counter.pointer is not a JSON pointer", counter.pointer);
    fuzz::require(within(counter.interval_s, 1, 86400), "counter.interval_s is out of range");
    fuzz::require(within(counter.timeout_s, 0.1, 300), "counter.timeout_s is out of range");
    fuzz::require(within(counter.connect_timeout_s, 0.1, counter.timeout_s),
                  "counter.connect_timeout_s is out of range or longer than timeout_s");
    fuzz::require(within(counter.max_backoff_s, 1, 86400), "counter.max_backoff_s is out of range");
    fuzz::require(counter.max_bytes >= 64 && counter.max_bytes <= model::limits::kFeedBytes,
                  "counter.max_bytes is out of range");
    fuzz::require(counter.headers.size() <= model::limits::kHeaders, "too many counter.headers");
    for (const auto& [name, value] : counter.headers) {
        // A header is sent as one line "name: value": a newline in either would start another.
        fuzz::require(
            !name.empty() && std::all_of(name.begin(), name.end(),
                                         [](char ch) {
                                             return std::isalnum(static_cast<unsigned char>(ch)) ||
                                                    ch == '-' || ch == '_';
                                         }),
            "a header name is not a token", name);
        fuzz::require(std::none_of(value.begin(), value.end(),
                                   [](char ch) {
                                       return static_cast<unsigned char>(ch) < 0x20 && ch != '\t';
                                   }),
                      "a header value is not one line", value);
        fuzz::require(value.size() <= model::limits::kHeaderChars, "a header value is too long");
    }
    fuzz::require(counter.ca_file.empty() || std::filesystem::path(counter.ca_file).is_absolute(),
                  "counter.ca_file is not absolute");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    const auto config = fuzz::read_operator_file("kiosk.json", text, model::parse_config);
    if (config) check_config(*config);
    return 0;
}
