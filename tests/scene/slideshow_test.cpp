#include "kiosk/scene/slideshow.hpp"

#include <catch2/catch.hpp>

using kiosk::scene::count_up_value;
using kiosk::scene::Slideshow;

TEST_CASE("slides advance by their durations with a crossfade", "[slideshow]") {
    Slideshow show({1000, 2000, 3000}, 500, 0);
    CHECK(show.frame(0).current == 0);
    CHECK_FALSE(show.frame(999).previous);
    CHECK(show.idle_ms(400) == 600);
    auto f = show.frame(1250);
    CHECK(f.current == 1);
    REQUIRE(f.previous);
    CHECK(*f.previous == 0);
    CHECK(f.progress == Approx(0.5));
    CHECK(show.idle_ms(1250) == 0);  // fading: frames needed
    f = show.frame(1600);
    CHECK_FALSE(f.previous);
    CHECK(show.idle_ms(1600) == 1400);
    CHECK(show.frame(3000).current == 2);
    CHECK(show.frame(6000).current == 0);  // wraps around
}

TEST_CASE("a cut has no fade", "[slideshow]") {
    Slideshow show({1000, 1000}, 0, 0);
    const auto f = show.frame(1000);
    CHECK(f.current == 1);
    CHECK_FALSE(f.previous);
}

TEST_CASE("one slide stands still and asks for no frames", "[slideshow]") {
    Slideshow show({1000}, 500, 0);
    CHECK(show.frame(5000).current == 0);
    CHECK_FALSE(show.frame(5000).previous);
    CHECK(show.idle_ms(5000) == INT64_MAX);
}

TEST_CASE("after a long stall the show catches up without replaying", "[slideshow]") {
    Slideshow show({1000, 1000, 1000}, 500, 0);
    const auto f = show.frame(10'000'000 + 100);
    CHECK(f.current == (10'000 % 3));
    CHECK_FALSE(f.previous);  // no fade from a slide nobody saw
}

TEST_CASE("a reload keeps the slide on screen when it still exists", "[slideshow]") {
    Slideshow show({1000, 1000, 1000}, 0, 0);
    show.frame(1500);
    show.replace({5000, 5000}, 0, 1, 1500);
    CHECK(show.frame(1500).current == 1);
    show.replace({5000}, 0, std::nullopt, 2000);
    CHECK(show.frame(2000).current == 0);
}

TEST_CASE("a count-up eases from the old number to the new one", "[count_up]") {
    CHECK(count_up_value(60, 72, 0, 1000) == 60);
    CHECK(count_up_value(60, 72, 1000, 1000) == 72);
    const auto mid = count_up_value(60, 72, 500, 1000);
    CHECK(mid > 66);  // ease-out: past half-way at half time
    CHECK(mid < 72);
    std::uint64_t last = 60;
    for (int t = 0; t <= 1000; t += 16) {
        const auto v = count_up_value(60, 72, t, 1000);
        CHECK(v >= last);  // never goes back
        last = v;
    }
}
