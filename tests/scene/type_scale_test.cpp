#include "kiosk/scene/type_scale.hpp"

#include <catch2/catch.hpp>

#include "support/fonts.hpp"

using namespace kiosk;

TEST_CASE("the scale's steps are one ratio apart - in whole pixels - never below the minimum",
          "[type_scale]") {
    const auto s = scene::make_type_scale({}, 1, 40);
    CHECK(s.size(scene::kBody) == 52);
    CHECK(s.size(scene::kHeading) == 78);
    CHECK(s.size(scene::kDisplay) == 117);
    CHECK(s.size(scene::kNote) == 40);  // 52 / 1.5 is below the minimum
    CHECK(s.size(-5) == 40);
    // 4K is 1080p doubled; 720p two thirds of it, rounded down.
    const auto k4 = scene::make_type_scale({}, 2, 80);
    CHECK(k4.size(scene::kDisplay) == 234);
    const auto p720 = scene::make_type_scale({}, 2.0f / 3, 720.0f / 27);
    CHECK(p720.min == 27);
    CHECK(p720.size(scene::kBody) == 34);
    CHECK(p720.size(scene::kHeading) == 52);
}

TEST_CASE("theme.scale multiplies the steps - not the minimum", "[type_scale]") {
    model::Theme large;
    large.scale = 1.5;
    const auto s = scene::make_type_scale(large, 1, 40);
    CHECK(s.size(scene::kBody) == 78);
    CHECK(s.size(scene::kNote) == 52);
    CHECK(s.min == 40);
    model::Theme small;
    small.scale = 0.8;
    CHECK(scene::make_type_scale(small, 1, 40).size(scene::kNote) == 40);
    const auto down = s.down_from(s.size(scene::kHeading));
    CHECK(down == std::vector<float>{117, 78, 52, 40});
}

TEST_CASE("fitting on the scale goes down its steps - then cuts at the last", "[type_scale]") {
    text::TextStyle style;
    style.font = test::bundled_fonts().regular.get();
    style.min_size_px = 40;
    const std::vector<float> steps{78, 52, 40};
    const std::vector<std::string> words{"Công ước Liên hợp quốc về chống tội phạm mạng"};
    const float one_line_at_52 = text::layout_paragraphs(words, style, 52, 1e5f).width + 1;
    const auto fitted = scene::fit_on_scale(words, style, steps, one_line_at_52, 80);
    CHECK(fitted.size_px == 52);  // 78 takes two lines, too tall for 80 px; no size between
    CHECK(fitted.shrunk);
    CHECK_FALSE(fitted.truncated);
    const auto cut = scene::fit_on_scale(words, style, steps, 300, 60);
    CHECK(cut.size_px == 40);
    CHECK(cut.truncated);
}
