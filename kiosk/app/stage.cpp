#include "kiosk/app/stage.hpp"

#include <cmath>

#include "kiosk/scene/band_scene.hpp"
#include "kiosk/scene/slide_scene.hpp"

namespace kiosk::app {

Stage::Stage(render::Screen& screen, const text::FontSet& fonts, const Sources& sources)
    : screen_(screen), fonts_(fonts), sources_(&sources) {}

void Stage::set_sources(const Sources& sources) {
    sources_ = &sources;
    slides_.clear();
    counter_known_ = false;
}

void Stage::update_counter(const Player::Frame& frame) {
    if (counter_known_ && counter_ == frame.counter && counter_value_ == frame.counter_value &&
        band_shown_ == frame.band)
        return;
    counter_known_ = true;
    counter_ = frame.counter;
    counter_value_ = frame.counter_value;
    band_shown_ = frame.band;
    band_ = {};
    if (frame.band)
        band_ = render::prepare(
            screen_.renderer(),
            scene::compose_band(*frame.counter, frame.counter_value, sources_->config.theme, fonts_,
                                screen_.width(), screen_.height()));
    // Slides of the counter layout show the number too: they are made anew when next drawn.
    for (auto it = slides_.begin(); it != slides_.end();) {
        const bool shows_counter =
            sources_->deck.slides.at(it->first).layout == model::Layout::Counter;
        it = shows_counter ? slides_.erase(it) : std::next(it);
    }
}

const render::PreparedList& Stage::slide(size_t index, const Player::Frame& frame) {
    auto it = slides_.find(index);
    if (it != slides_.end()) return it->second;
    const auto& slide = sources_->deck.slides.at(index);
    const scene::CounterView view{frame.counter ? &*frame.counter : nullptr, frame.counter_value};
    return slides_[index] = render::prepare(
               screen_.renderer(), scene::compose_slide(slide, sources_->config.theme, fonts_,
                                                        screen_.width(), screen_.height(), view));
}

void Stage::prepare_slide(size_t index, const Player::Frame& frame) {
    if (index < sources_->deck.slides.size()) slide(index, frame);
}

void Stage::draw(const Player::Frame& frame) {
    update_counter(frame);
    // Only the slides on screen and the one after keep their textures.
    const size_t count = sources_->deck.slides.size();
    for (auto it = slides_.begin(); it != slides_.end();) {
        const size_t i = it->first;
        const bool keep = i == frame.current || (frame.previous && i == *frame.previous) ||
                          i == (frame.current + 1) % count;
        it = keep ? std::next(it) : slides_.erase(it);
    }
    screen_.begin_frame();
    render::clear(screen_.renderer(), sources_->config.theme.background);
    // The band stands over the slides that show it, and fades in or out with a slide that
    // does not.
    const auto band_over = [&](size_t i) {
        return scene::shows_band(sources_->deck.slides.at(i)) ? 1.0f : 0.0f;
    };
    float band = band_over(frame.current);
    if (frame.previous) {
        // Both slides stand on the same ground, so fading their ink is a crossfade.
        const auto alpha = static_cast<Uint8>(std::lround(255 * frame.progress));
        render::draw(screen_.renderer(), slide(*frame.previous, frame),
                     static_cast<Uint8>(255 - alpha));
        render::draw(screen_.renderer(), slide(frame.current, frame), alpha);
        band = band * frame.progress + band_over(*frame.previous) * (1 - frame.progress);
    } else {
        render::draw(screen_.renderer(), slide(frame.current, frame));
    }
    if (band > 0)
        render::draw(screen_.renderer(), band_, static_cast<Uint8>(std::lround(255 * band)));
}

size_t Stage::texture_bytes() const {
    size_t bytes = band_.texture_bytes;
    for (const auto& [i, list] : slides_) bytes += list.texture_bytes;
    return bytes;
}

}  // namespace kiosk::app
