#include "kiosk/feed/poll_schedule.hpp"

#include <catch2/catch.hpp>

using kiosk::feed::next_poll_delay;
using std::chrono::milliseconds;

TEST_CASE("polls come every interval - spread by a tenth either way", "[feed]") {
    kiosk::feed::PollTiming c;
    c.interval_s = 30;
    CHECK(next_poll_delay(c, 0, 0.5) == milliseconds(30'000));
    CHECK(next_poll_delay(c, 0, 0.0) == milliseconds(27'000));
    CHECK(next_poll_delay(c, 0, 0.999999) == milliseconds(33'000));
}

TEST_CASE("failures back off exponentially up to the bound", "[feed]") {
    kiosk::feed::PollTiming c;
    c.interval_s = 30;
    c.max_backoff_s = 300;
    CHECK(next_poll_delay(c, 1, 0.5) == milliseconds(60'000));
    CHECK(next_poll_delay(c, 3, 0.5) == milliseconds(240'000));
    CHECK(next_poll_delay(c, 4, 0.5) == milliseconds(300'000));
    CHECK(next_poll_delay(c, 1000, 0.5) == milliseconds(300'000));
    c.max_backoff_s = 10;  // a bound below the interval never shortens the interval
    CHECK(next_poll_delay(c, 5, 0.5) == milliseconds(30'000));
}
