#include "kiosk/model/json_document.hpp"

#include <catch2/catch.hpp>

using kiosk::model::JsonParseError;
using kiosk::model::JsonValue;
using kiosk::model::parse_json;

namespace {

JsonParseError error_of(std::string_view text) {
    JsonParseError error;
    REQUIRE_FALSE(parse_json(text, &error));
    return error;
}

}  // namespace

TEST_CASE("values keep their line and column - comments are skipped", "[json]") {
    const auto doc = parse_json(
        "// heading\n{\n  /* note */ \"a\": [1, \"xin chào\"],\n  \"b\": true\n}", nullptr);
    REQUIRE(doc);
    const JsonValue* a = doc->find("a");
    REQUIRE(a);
    CHECK(a->pos.line == 3);
    CHECK(a->pos.column == 19);
    REQUIRE(a->items.size() == 2);
    CHECK(a->items[1].text == "xin chào");
    CHECK(a->items[0].integral);
    CHECK(doc->find("b")->boolean);
}

TEST_CASE("columns count characters - not bytes - so Vietnamese lines point right", "[json]") {
    const auto error = error_of("{\"tiêu đề\": ệ}");
    CHECK(error.pos.line == 1);
    CHECK(error.pos.column == 13);
}

TEST_CASE("each slip an operator makes is named where it is", "[json]") {
    struct Case {
        const char* text;
        int line, column;
        const char* says;
    };
    const Case cases[] = {
        {"{\"a\": 1,\n}", 1, 8, "trailing comma"},
        {"{\"a\": 1\n \"b\": 2}", 2, 2, "expected ',' or '}'"},
        {"{\"a\": 'x'}", 1, 7, "double quotes"},
        {"{\"a\": \"open\n}", 1, 7, "missing \""},
        {"{\"a\" 1}", 1, 6, "expected ':'"},
        {"{\"a\": 1, \"a\": 2}", 1, 10, "appears twice"},
        {"{\"a\": [1, 2}", 1, 12, "expected ',' or ']'"},
        {"{\"a\": 1} x", 1, 10, "after the end"},
        {"{\"a\": 1", 1, 8, "ends before"},
        {"/* never closed\n{}", 1, 1, "never closed"},
        {"{\"a\": tru}", 1, 7, "expected a value"},
        {"{\"a\": -}", 1, 8, "needs digits"},
        {"{\"a\": \"\\q\"}", 1, 8, "unknown escape"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto error = error_of(c.text);
        CHECK(error.pos.line == c.line);
        CHECK(error.pos.column == c.column);
        CHECK_THAT(error.message, Catch::Contains(c.says));
    }
}

TEST_CASE("escapes decode to UTF-8 - including surrogate pairs", "[json]") {
    const auto doc = parse_json(R"({"s": "\u1EC7 \ud83d\ude00 \"q\""})", nullptr);
    REQUIRE(doc);
    CHECK(doc->find("s")->text == "\xE1\xBB\x87 \xF0\x9F\x98\x80 \"q\"");
}

TEST_CASE("nesting is bounded instead of exhausting the stack", "[json]") {
    const std::string deep(100000, '[');
    const auto error = error_of(deep);
    CHECK_THAT(error.message, Catch::Contains("deeper"));
}
