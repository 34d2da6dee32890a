#include "kiosk/model/counter_content.hpp"

#include <cstdio>

#include "kiosk/model/limits.hpp"
#include "kiosk/model/object_reader.hpp"

namespace kiosk::model {

namespace {

bool parse_date(const std::string& text, CivilDate& date) {
    // Digits where digits stand: %d alone would take a sign or spaces, and "-025-10-26" would
    // be shown as a date in the year -25.
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (const size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    int y, m, d;
    size_t used = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%zn", &y, &m, &d, &used) != 3 || used != 10)
        return false;
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
    if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) return false;
    date = {y, m, d};
    return true;
}

void read_label(ObjectReader& parent, const char* key, LocalizedText& label) {
    const JsonValue* object = parent.object(key, true);
    if (!object) return;
    ObjectReader reader(*object, parent.file(), in_quotes(key), parent.diagnostics());
    reader.string("vi", label.vi);
    reader.string("en", label.en);
    reader.finish();
    if (label.vi.empty() && label.en.empty())
        reader.error(*object, in_quotes(key) + " needs \"vi\" or \"en\" text");
}

}  // namespace

std::optional<CounterContent> parse_counter_content(const std::string& file,
                                                    Diagnostics& diagnostics) {
    DiagnosticScope scope(diagnostics);
    auto root = read_json_file(file, diagnostics);
    if (!root) return std::nullopt;
    CounterContent content;
    ObjectReader reader(*root, file, "", diagnostics);
    if (!reader.has("value")) reader.error(*root, "\"value\" is missing");
    reader.integer("value", content.value, 0, limits::kMaxCount);
    std::string as_of;
    if (reader.string("as_of", as_of, true) && !parse_date(as_of, content.as_of))
        reader.error(reader.at("as_of"),
                     "\"as_of\" must be a date written YYYY-MM-DD, such as \"2025-10-26\"");
    read_label(reader, "label", content.label);
    if (const JsonValue* target = reader.object("target")) {
        ObjectReader target_reader(*target, file, "target", diagnostics);
        CounterContent::Target t;
        if (!target_reader.has("value"))
            target_reader.error(*target, "\"value\" in target is missing");
        target_reader.integer("value", t.value, 1, limits::kMaxCount);
        read_label(target_reader, "label", t.label);
        target_reader.finish();
        content.target = t;
    }
    reader.finish();
    if (!scope.finish()) return std::nullopt;
    return content;
}

}  // namespace kiosk::model
