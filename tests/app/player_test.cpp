// The Player without any screen: reloads, the schedule, and what the counter shows when, with a
// clock the test moves.

#include "kiosk/app/player.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

const app::Player::Time t0{seconds(5000)};

app::Sources deck_of(std::vector<std::string> ids, bool with_counter = true) {
    app::Sources s;
    s.deck.slides.clear();
    for (const auto& id : ids) {
        model::Slide slide;
        slide.id = id;
        slide.en = model::SlideText{"Title " + id, "", ""};
        s.deck.slides.push_back(slide);
    }
    s.deck_is_builtin = false;
    s.config.slide_duration_s = 10;
    s.config.transition_s = 1;
    if (with_counter) {
        model::CounterContent c;
        c.value = 72;
        c.label = {"quốc gia đã ký", "states have signed"};
        s.counter = c;
    }
    return s;
}

feed::CounterReport report(std::uint64_t value, feed::Freshness freshness,
                           std::optional<app::Player::Time> live_until = std::nullopt) {
    feed::CounterReport r;
    r.state.value = value;
    r.state.freshness = freshness;
    r.state.label = {"quốc gia đã ký", "states have signed"};
    r.live_until = live_until;
    return r;
}

}  // namespace

TEST_CASE("a reload keeps the slide on screen - and its time on screen", "[player]") {
    app::Player player(deck_of({"a", "b", "c"}), t0);
    CHECK(player.frame(t0 + seconds(12)).current == 1);
    player.replace(deck_of({"c", "b", "new"}), t0 + seconds(12));
    const auto f = player.frame(t0 + seconds(12));
    CHECK(player.current_id() == "b");
    CHECK(f.current == 1);
    // "b" came on at 10 s: the new deck moves on at 20 s, not 10 s after the reload.
    CHECK(player.frame(t0 + seconds(21)).current == 2);
}

TEST_CASE("a reload without the slide on screen starts the show over", "[player]") {
    app::Player player(deck_of({"a", "b"}), t0);
    player.frame(t0 + seconds(11));
    player.replace(deck_of({"x", "y"}), t0 + seconds(11));
    CHECK(player.current_id() == "x");
}

TEST_CASE("a fresh start resumes at the slide it names", "[player]") {
    app::Player player(deck_of({"a", "b", "c"}), t0, "c");
    CHECK(player.current_id() == "c");
    CHECK(app::Player(deck_of({"a"}), t0, "gone").current_id() == "a");
}

TEST_CASE("live turns stale on the screen's own clock - with one line", "[player]") {
    app::Player player(deck_of({"a"}), t0);
    player.set_counter(report(81, feed::Freshness::Live, t0 + seconds(60)), t0);
    CHECK(player.frame(t0 + seconds(59)).counter->freshness == feed::Freshness::Live);
    CHECK(player.next_change(t0 + seconds(30)) == t0 + seconds(60));
    // No message from the feed (its request may hang for minutes): the clock alone decides.
    const auto later = player.frame(t0 + seconds(60));
    CHECK(later.counter->freshness == feed::Freshness::Stale);
    CHECK(later.counter->value == 81u);
    player.frame(t0 + seconds(90));
    CHECK(player.take_log() == app::Player::Lines{"now live, showing 81", "now stale, showing 81"});
}

TEST_CASE("a rise counts up over a second - a fall and a changed feed appear at once", "[player]") {
    app::Player player(deck_of({"a"}), t0);
    player.set_counter(report(72, feed::Freshness::Bundled), t0);
    CHECK(player.frame(t0).counter_value == 72u);
    player.set_counter(report(100, feed::Freshness::Live, t0 + seconds(60)), t0 + seconds(1));
    CHECK(player.moving(t0 + seconds(1) + milliseconds(100)));
    const auto mid = player.frame(t0 + seconds(1) + milliseconds(300)).counter_value;
    CHECK(mid > 72u);
    CHECK(mid < 100u);
    CHECK(player.frame(t0 + seconds(3)).counter_value == 100u);
    CHECK_FALSE(player.moving(t0 + seconds(3)));

    player.set_counter(report(90, feed::Freshness::Live, t0 + seconds(60)), t0 + seconds(4));
    CHECK(player.frame(t0 + seconds(4)).counter_value == 90u);  // no counting down
    CHECK_FALSE(player.moving(t0 + seconds(4)));
    // Another feed's first number (here the bundled 72 of a new URL) is not counted toward.
    player.set_counter(report(72, feed::Freshness::Bundled), t0 + seconds(5), true);
    CHECK(player.frame(t0 + seconds(5)).counter_value == 72u);
}

TEST_CASE("a band with a number and no words is left out - not drawn empty", "[player]") {
    app::Player player(deck_of({"a"}), t0);
    auto r = report(73, feed::Freshness::Live, t0 + seconds(60));
    r.state.label = {};
    player.set_counter(r, t0);
    const auto f = player.frame(t0);
    REQUIRE(f.counter);
    CHECK(f.counter->value == 73u);  // counter slides still show the number
    CHECK_FALSE(f.band);
    r.state.label.en = "states have signed";
    player.set_counter(r, t0);
    CHECK(player.frame(t0).band);
}

TEST_CASE("without counter.json nothing shows until a feed answers", "[player]") {
    app::Player player(deck_of({"a"}, false), t0);
    player.set_counter(report(0, feed::Freshness::Bundled), t0);
    CHECK_FALSE(player.frame(t0).counter);
    player.set_counter(report(81, feed::Freshness::Live, t0 + seconds(60)), t0);
    CHECK(player.frame(t0).counter);
    player.clear_counter();
    CHECK_FALSE(player.frame(t0).counter);
}
