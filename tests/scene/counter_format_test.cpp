#include "kiosk/scene/counter_format.hpp"

#include <catch2/catch.hpp>

using kiosk::model::Language;
using namespace kiosk::scene;

TEST_CASE("numbers are grouped the way each language writes them", "[format]") {
    CHECK(format_count(72, Language::Vi) == "72");
    CHECK(format_count(2500, Language::Vi) == "2.500");
    CHECK(format_count(2500, Language::En) == "2,500");
    CHECK(format_count(10500000, Language::En) == "10,500,000");
    CHECK(format_count(0, Language::En) == "0");
}

TEST_CASE("a chart's values are written the way each language writes them", "[format]") {
    CHECK(format_number(21, Language::Vi) == "21");
    CHECK(format_number(2500, Language::Vi) == "2.500");
    CHECK(format_number(10.5, Language::Vi) == "10,5");
    CHECK(format_number(10.5, Language::En) == "10.5");
    CHECK(format_number(1234.25, Language::En) == "1,234.25");
    CHECK(format_number(7.999, Language::En) == "8");
}

TEST_CASE("dates are written the way each language writes them", "[format]") {
    const std::int64_t oct26 = 1761436800;  // 2025-10-26 00:00 UTC
    CHECK(format_date(oct26, Language::Vi) == "26/10/2025");
    CHECK(format_date(oct26, Language::En) == "26 Oct 2025");
}

TEST_CASE("moments are local time to the minute", "[format]") {
    setenv("TZ", "Asia/Ho_Chi_Minh", 1);
    tzset();
    const std::int64_t t = 1761436800 + 7 * 3600 + 5 * 60;  // 07:05 UTC = 14:05 in Hanoi
    CHECK(format_moment(t, Language::Vi) == "14:05 26/10/2025");
    CHECK(format_moment(t, Language::En) == "14:05, 26 Oct 2025");
    unsetenv("TZ");
    tzset();
}
