#include "kiosk/app/player.hpp"

#include <utility>

namespace kiosk::app {

namespace {

std::vector<std::int64_t> durations_ms(const Sources& s) {
    std::vector<std::int64_t> out;
    for (const auto& slide : s.deck.slides)
        out.push_back(
            static_cast<std::int64_t>(1000 * slide.duration_s.value_or(s.config.slide_duration_s)));
    return out;
}

std::int64_t fade_ms(const model::Config& c) {
    return c.transition == model::Transition::Cut
               ? 0
               : static_cast<std::int64_t>(1000 * c.transition_s);
}

}  // namespace

Player::Player(Sources sources, Time now, const std::string& first)
    : sources_(std::move(sources)), epoch_(now), show_(make_show(now, 0)) {
    for (size_t i = 0; i < sources_.deck.slides.size(); ++i)
        if (sources_.deck.slides[i].id == first) show_ = make_show(now, i);
}

std::int64_t Player::ms(Time t) const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t - epoch_).count();
}

scene::Slideshow Player::make_show(Time now, size_t first) const {
    return scene::Slideshow(durations_ms(sources_), fade_ms(sources_.config), ms(now), first);
}

const std::string& Player::current_id() const {
    return sources_.deck.slides.at(show_.current()).id;
}

std::optional<feed::CounterState> Player::counter_state(Time now) {
    if (!report_) return std::nullopt;
    // Without counter.json the bundled state has neither number nor words: nothing to show
    // until a feed answers.
    if (!sources_.counter && report_->state.freshness == feed::Freshness::Bundled)
        return std::nullopt;
    feed::CounterState state = report_->state;
    // Live lasts until the report says, on this clock: no message is needed to end it, so a
    // feed hung in a request can never keep "live" on screen.
    if (state.freshness == feed::Freshness::Live && report_->live_until &&
        now >= *report_->live_until)
        state.freshness = feed::Freshness::Stale;
    if (state.freshness != feed::Freshness::Bundled && logged_freshness_ != state.freshness)
        log_.push_back(std::string("now ") + feed::freshness_name(state.freshness) + ", showing " +
                       std::to_string(state.value));
    logged_freshness_ = state.freshness;
    return state;
}

Player::Frame Player::frame(Time now) {
    const auto f = show_.frame(ms(now));
    Frame out;
    out.current = f.current;
    out.previous = f.previous;
    out.progress = f.progress;
    out.counter = counter_state(now);
    if (out.counter) {
        out.counter_value =
            scene::count_up_value(from_, to_, ms(now) - ms(count_started_), kCountUp.count());
        // A band with a number and no word for what it counts would say nothing: it is left
        // out, and --check says why.
        out.band = !out.counter->label.vi.empty() || !out.counter->label.en.empty();
    }
    return out;
}

bool Player::moving(Time now) {
    return show_.fading(ms(now)) || (from_ != to_ && now - count_started_ < kCountUp);
}

Player::Time Player::next_change(Time now) {
    const std::int64_t idle = show_.idle_ms(ms(now));
    Time next = idle == INT64_MAX ? Time::max() : now + std::chrono::milliseconds(idle);
    if (report_ && report_->state.freshness == feed::Freshness::Live && report_->live_until &&
        *report_->live_until > now)
        next = std::min(next, *report_->live_until);
    return next;
}

void Player::replace(Sources next, Time now) {
    const std::string id = current_id();
    sources_ = std::move(next);
    std::optional<size_t> keep;
    for (size_t i = 0; i < sources_.deck.slides.size(); ++i)
        if (sources_.deck.slides[i].id == id) keep = i;
    show_.replace(durations_ms(sources_), fade_ms(sources_.config), keep, ms(now));
}

void Player::set_counter(const feed::CounterReport& report, Time now, bool jump) {
    const std::uint64_t on_screen =
        report_ ? scene::count_up_value(from_, to_, ms(now) - ms(count_started_), kCountUp.count())
                : report.state.value;
    const bool rise = report_ && !jump && report.state.value > on_screen;
    from_ = rise ? on_screen : report.state.value;
    to_ = report.state.value;
    count_started_ = now;
    report_ = report;
}

void Player::clear_counter() {
    report_.reset();
    from_ = to_ = 0;
    logged_freshness_.reset();
}

Player::Lines Player::take_log() {
    return std::exchange(log_, {});
}

}  // namespace kiosk::app
