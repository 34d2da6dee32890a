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

TEST_CASE("malformed UTF-8 is an error at its place - not text", "[json]") {
    struct Case {
        const char* text;
        int column;
    };
    const Case cases[] = {
        {"{\"a\": \"\xC0\xAF\"}", 8},          // overlong '/'
        {"{\"a\": \"\xE0\x80\xAF\"}", 8},      // overlong, three bytes
        {"{\"a\": \"\xED\xA0\x80\"}", 8},      // a surrogate written directly
        {"{\"a\": \"\xF4\x90\x80\x80\"}", 8},  // above U+10FFFF
        {"{\"a\": \"x\x80\"}", 9},             // a lone continuation byte
        {"{\"a\": \"\xE1\xBB\"}", 8},          // cut short
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto error = error_of(c.text);
        CHECK(error.pos.column == c.column);
        CHECK_THAT(error.message, Catch::Contains("not valid UTF-8"));
    }
}

TEST_CASE("escapes that are not text are refused", "[json]") {
    struct Case {
        const char* text;
        int column;
        const char* says;
    };
    const Case cases[] = {
        {R"({"a": "\udc00"})", 8, "lone \\u surrogate"},
        {R"({"a": "\ud800x"})", 8, "surrogate pair is incomplete"},
        {R"({"a": "\u001b[2J"})", 8, "control character"},
        {R"({"a": "\u0000"})", 8, "control character"},
        {R"({"a": "x\ry"})", 9, "control character"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto error = error_of(c.text);
        CHECK(error.pos.column == c.column);
        CHECK_THAT(error.message, Catch::Contains(c.says));
    }
    // What text needs still decodes.
    const auto doc = parse_json(R"({"a": "one\ntwo\tthree"})", nullptr);
    REQUIRE(doc);
    CHECK(doc->find("a")->text == "one\ntwo\tthree");
}

TEST_CASE("numbers are JSON numbers - no leading zeros", "[json]") {
    for (const char* text : {"{\"a\": 0123}", "{\"a\": -01}", "{\"a\": 00.5}"}) {
        INFO(text);
        CHECK_THAT(error_of(text).message, Catch::Contains("cannot start with 0"));
    }
    for (const char* text : {"{\"a\": 0}", "{\"a\": -0.5}", "{\"a\": 0e3}", "{\"a\": 10}"}) {
        INFO(text);
        CHECK(parse_json(text, nullptr));
    }
}

TEST_CASE("a document of countless small values is refused before it is built", "[json]") {
    std::string many = "[0";
    for (int i = 0; i < 100000; ++i) many += ",0";
    many += "]";
    const auto error = error_of(many);
    CHECK_THAT(error.message, Catch::Contains("more than 20000 values"));
    // A deck-sized document is far below the limit.
    std::string fine = "[0";
    for (int i = 0; i < 5000; ++i) fine += ",0";
    CHECK(parse_json(fine + "]", nullptr));
}

TEST_CASE("a key repeated after thousands of others is still found", "[json]") {
    std::string doc = "{";
    for (int i = 0; i < 9000; ++i) doc += "\"k" + std::to_string(i) + "\": 0, ";
    doc += "\"k7\": 1}";
    const auto error = error_of(doc);
    CHECK_THAT(error.message, Catch::Contains("\"k7\" appears twice"));
}

TEST_CASE("values quoted in messages cannot break the line or drive the terminal", "[json]") {
    const auto error = error_of("{\"a\": 1, \"line\\nkiosk: forged \\u001b\": 2, \"a\": 3}");
    INFO(error.message);
    CHECK(error.message.find('\n') == std::string::npos);
    CHECK(error.message.find('\x1b') == std::string::npos);
}
