#include "kiosk/model/counter_content.hpp"

#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"

using namespace kiosk::model;

namespace {

struct Loaded {
    std::optional<CounterContent> content;
    Diagnostics diagnostics;
    std::string first() const { return diagnostics.empty() ? "" : diagnostics[0].to_string(); }
};

Loaded load(std::string_view text) {
    static kiosk::test::TempDir dir;
    Loaded loaded;
    loaded.content = parse_counter_content(dir.write("counter.json", text), loaded.diagnostics);
    return loaded;
}

}  // namespace

TEST_CASE("the counter's bundled value - date - labels and target are read", "[counter_content]") {
    const auto loaded = load(R"({"value": 72, "as_of": "2025-10-26",
        "label": {"vi": "quốc gia đã ký", "en": "states have signed"},
        "target": {"value": 40, "label": {"en": "ratifications for entry into force"}}})");
    INFO(loaded.first());
    REQUIRE(loaded.content);
    CHECK(loaded.content->value == 72);
    CHECK(loaded.content->as_of.year == 2025);
    CHECK(loaded.content->as_of.month == 10);
    CHECK(loaded.content->as_of.day == 26);
    CHECK(loaded.content->label.vi == "quốc gia đã ký");
    REQUIRE(loaded.content->target);
    CHECK(loaded.content->target->value == 40);
}

TEST_CASE("counter content mistakes are named where they are", "[counter_content]") {
    struct Case {
        const char* text;
        const char* expect;
    };
    const Case cases[] = {
        {R"({"as_of": "2025-10-26", "label": {"en": "x"}})", "1:1: error: \"value\" is missing"},
        {R"({"value": -1, "as_of": "2025-10-26", "label": {"en": "x"}})",
         "1:11: error: \"value\" must be a whole number"},
        {R"({"value": 7.5, "as_of": "2025-10-26", "label": {"en": "x"}})",
         "1:11: error: \"value\" must be a whole number"},
        {R"({"value": 72, "as_of": "26/10/2025", "label": {"en": "x"}})",
         "1:24: error: \"as_of\" must be a date written YYYY-MM-DD"},
        {R"({"value": 72, "as_of": "2025-02-30", "label": {"en": "x"}})",
         "1:24: error: \"as_of\" must be a date"},
        {R"({"value": 72, "as_of": "2025-10-26"})", "1:1: error: \"label\" is missing"},
        {R"({"value": 72, "as_of": "2025-10-26", "label": {}})",
         "1:47: error: \"label\" needs \"vi\" or \"en\" text"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto loaded = load(c.text);
        CHECK_FALSE(loaded.content);
        CHECK_THAT(loaded.first(), Catch::Contains(std::string("counter.json:") + c.expect));
    }
}
