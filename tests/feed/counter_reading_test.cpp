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
