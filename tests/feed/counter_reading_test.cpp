#include "kiosk/feed/counter_reading.hpp"

#include <catch2/catch.hpp>

using kiosk::feed::read_counter;

namespace {
const std::string kPointer = "/result/signatories/total";
std::string body(const std::string& total) {
    return R"({"result": {"signatories": {"total": )" + total + "}}}";
}
}  // namespace

TEST_CASE("a JSON number or a string of digits is the count", "[feed]") {
    CHECK(read_counter(body("72"), kPointer).value == 72u);
    CHECK(read_counter(body("0"), kPointer).value == 0u);
    CHECK(read_counter(body("\"2500\""), kPointer).value == 2500u);
    CHECK(read_counter(body("\" 81 \""), kPointer).value == 81u);
    CHECK(read_counter(body("72.0"), kPointer).value ==
          72u);  // some feeds write every number as a float
}

TEST_CASE("the pointer follows RFC 6901 - escapes included", "[feed]") {
    CHECK(read_counter(R"({"a/b": {"m~n": [5, 9]}})", "/a~1b/m~0n/1").value == 9u);
    CHECK(read_counter("42", "").value == 42u);  // the empty pointer is the whole answer
}

TEST_CASE("values that are not a plausible count are refused with a reason", "[feed]") {
    struct Case {
        std::string total, reason;
    };
    const Case cases[] = {
        {"-3", "negative"},
        {"72.5", "not a whole number"},
        {"1e300", "implausibly large"},
        {"18446744073709551615", "implausibly large"},
        {"\"2.500\"", "not a whole number written in digits"},
        {"\"2,500\"", "not a whole number written in digits"},
        {"\"\"", "empty string"},
        {"null", "null, not a number"},
        {"true", "true or false, not a number"},
        {"[72]", "an array, not a number"},
    };
    for (const auto& c : cases) {
        INFO(c.total);
        const auto reading = read_counter(body(c.total), kPointer);
        CHECK_FALSE(reading.value);
        CHECK_THAT(reading.error, Catch::Contains(c.reason));
    }
}

TEST_CASE("an answer without the pointer's target - or not JSON - says so", "[feed]") {
    const auto missing = read_counter(R"({"result": {}})", kPointer);
    CHECK_FALSE(missing.value);
    CHECK(missing.error == "answer has nothing at /result/signatories/total");
    const auto html = read_counter("<html>Gateway timeout</html>", kPointer);
    CHECK_FALSE(html.value);
    CHECK(html.error == "answer is not JSON (at byte 1)");
}

TEST_CASE("a pointer that stops short of the number says where to point it", "[feed]") {
    const auto whole = read_counter(body("72"), "");
    CHECK_FALSE(whole.value);
    CHECK(whole.error ==
          "the whole answer (counter.pointer is \"\") is an object, not a number; "
          "point counter.pointer at the number inside it");
    CHECK(read_counter(body("72"), "/result").error ==
          "/result is an object, not a number; point counter.pointer at the number inside it");
}

TEST_CASE("a number too large for JSON anywhere in the answer is refused - not a crash", "[feed]") {
    for (const char* answer : {R"({"x": 1e400, "result": {"signatories": {"total": 72}}})",
                               R"({"result": {"signatories": {"total": -1e400}}})", R"([1e400])"}) {
        INFO(answer);
        const auto reading = read_counter(answer, kPointer);
        CHECK_FALSE(reading.value);
        CHECK_THAT(reading.error, Catch::Contains("too large for JSON"));
    }
}

TEST_CASE("deep nesting is refused at a written depth - not built in memory", "[feed]") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const auto reading = read_counter(deep, kPointer);
    CHECK_FALSE(reading.value);
    CHECK(reading.error == "answer nests deeper than 64");
    // Sixty levels of a feed's own structure are fine.
    std::string sixty = "72";
    for (int i = 0; i < 60; ++i) sixty = "[" + sixty + "]";
    CHECK(read_counter(sixty,
                       "/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0"
                       "/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0")
              .value == 72u);
}

TEST_CASE("the pointer finds its value among arrays and look-alike keys", "[feed]") {
    const std::string answer =
        R"({"items": [{"n": 1}, {"n": 2}, {"n": [7, 8, {"n": 9}]}], "n": 3, "item": {"n": 4}})";
    CHECK(read_counter(answer, "/items/1/n").value == 2u);
    CHECK(read_counter(answer, "/items/2/n/2/n").value == 9u);
    CHECK(read_counter(answer, "/n").value == 3u);
    CHECK(read_counter(answer, "/item/n").value == 4u);
    CHECK_FALSE(read_counter(answer, "/items/3/n").value);
    CHECK_FALSE(read_counter(answer, "/items/01/n").value);  // RFC 6901: no leading zeros
}

TEST_CASE("a string value from the feed is quoted safely in the reason", "[feed]") {
    const auto reading =
        read_counter(body("\"72\\nkiosk: counter: now live, showing 999999\""), kPointer);
    CHECK_FALSE(reading.value);
    CHECK(reading.error.find('\n') == std::string::npos);
    CHECK_THAT(reading.error, Catch::Contains("72\\nkiosk: counter:"));
}
