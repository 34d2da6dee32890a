#include "kiosk/app/stage.hpp"

#include <cmath>

#include "kiosk/scene/band_scene.hpp"
#include "kiosk/scene/slide_scene.hpp"

namespace kiosk::app {

Stage::Stage(render::Screen& screen, const text::FontSet& fonts) : screen_(screen), fonts_(fonts) {}

void Stage::set_sources(const Sources& sources) {
    sources_ = &sources;
    slides_.clear();
    prepare_band();
}

void Stage::resized() {
    slides_.clear();
    prepare_band();
}

void Stage::set_counter(const std::optional<feed::CounterState>& state, std::uint64_t shown) {
    counter_ = state;
    shown_ = shown;
    prepare_band();
    // Slides of the counter layout show the number too: they are made anew when next drawn.
    if (!sources_) return;
    for (auto it = slides_.begin(); it != slides_.end();) {
        const bool shows_counter =
            sources_->deck.slides.at(it->first).layout == model::Layout::Counter;
        it = shows_counter ? slides_.erase(it) : std::next(it);
    }
}

void Stage::prepare_band() {
    band_ = {};
    if (!counter_ || !sources_) return;
    band_ = render::prepare(screen_.renderer(),
                            scene::compose_band(*counter_, shown_, sources_->config.theme, fonts_,
                                                screen_.width(), screen_.height()));
}

const render::PreparedList& Stage::slide(size_t index) {
    auto it = slides_.find(index);
    if (it != slides_.end()) return it->second;
    const auto& slide = sources_->deck.slides.at(index);
    return slides_[index] = render::prepare(
               screen_.renderer(),
               scene::compose_slide(slide, sources_->config.theme, fonts_, screen_.width(),
                                    screen_.height(), {counter_ ? &*counter_ : nullptr, shown_}));
}

void Stage::prepare_slide(size_t index) {
    if (sources_ && index < sources_->deck.slides.size()) slide(index);
}

void Stage::draw(const scene::Slideshow::Frame& frame) {
    if (!sources_) return;
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
    if (frame.previous) {
        // Both slides stand on the same ground, so fading their ink is a crossfade.
        const auto alpha = static_cast<Uint8>(std::lround(255 * frame.progress));
        render::draw(screen_.renderer(), slide(*frame.previous), static_cast<Uint8>(255 - alpha));
        render::draw(screen_.renderer(), slide(frame.current), alpha);
    } else {
        render::draw(screen_.renderer(), slide(frame.current));
    }
    render::draw(screen_.renderer(), band_);
}

size_t Stage::texture_bytes() const {
    size_t bytes = band_.texture_bytes;
    for (const auto& [i, list] : slides_) bytes += list.texture_bytes;
    return bytes;
}

}  // namespace kiosk::app
