#include "kiosk/text/vi_compounds.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::text;

TEST_CASE("the words of the bundled content are in the list", "[vi_compounds]") {
    for (auto [a, b] : {std::pair{"số", "hóa"},
                        {"quốc", "gia"},
                        {"hòa", "bình"},
                        {"tội", "phạm"},
                        {"mở", "ký"},
                        {"công", "ước"}})
        CHECK(is_vietnamese_compound(a, b));
}

TEST_CASE("words that are not one word are not", "[vi_compounds]") {
    CHECK_FALSE(is_vietnamese_compound("vì", "hòa"));
    CHECK_FALSE(is_vietnamese_compound("hóa", "số"));
    CHECK_FALSE(is_vietnamese_compound("Số", "hóa"));     // lower case only: callers fold case
    CHECK_FALSE(is_vietnamese_compound("headword", ""));  // the list's notes are no words
}
