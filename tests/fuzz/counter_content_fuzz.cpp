// Fuzz target: content/counter.json as parse_counter_content reads it, from a real file holding
// the input. It never throws; every diagnostic is one clean line at a place the file has; and
// content it accepts shows a plausible number (at most 10^12), a real calendar date written
// YYYY-MM-DD, and labels with text.

#include <optional>
#include <string>

#include "fuzz/fuzz_support.hpp"
#include "kiosk/model/counter_content.hpp"
#include "kiosk/model/json_document.hpp"
#include "kiosk/model/limits.hpp"
#include "kiosk/model/utf8.hpp"

using namespace kiosk;

namespace {

void check_label(const model::LocalizedText& label) {
    fuzz::require(!label.vi.empty() || !label.en.empty(), "a label has no text");
    fuzz::require(model::count_code_points(label.vi) <= model::limits::kLineChars &&
                      model::count_code_points(label.en) <= model::limits::kLineChars,
                  "a label is too long");
}

bool written_as_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (const size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    return true;
}

void check_content(const model::CounterContent& c, std::string_view text) {
    fuzz::require(c.value <= model::limits::kMaxCount, "the value is implausibly large");
    const auto& d = c.as_of;
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    fuzz::require(d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= kDays[d.month - 1],
                  "as_of is not a calendar date");
    fuzz::require(d.year >= 0 && d.year <= 9999, "as_of has a year of other than four digits");
    // People read the date on the screen; the file must say it the one way the README gives.
    const auto root = model::parse_json(text, nullptr);
    const model::JsonValue* as_of = root ? root->find("as_of") : nullptr;
    fuzz::require(as_of && written_as_date(as_of->text),
                  "as_of was accepted not written YYYY-MM-DD", as_of ? as_of->text : "");
    check_label(c.label);
    if (c.target) {
        fuzz::require(c.target->value >= 1 && c.target->value <= model::limits::kMaxCount,
                      "the target is out of range");
        check_label(c.target->label);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    const auto content =
        fuzz::read_operator_file("counter.json", text, model::parse_counter_content);
    if (content) check_content(*content, text);
    return 0;
}
