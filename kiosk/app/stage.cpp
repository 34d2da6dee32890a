#include "kiosk/app/stage.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "kiosk/scene/band_scene.hpp"
#include "kiosk/scene/slide_scene.hpp"

namespace kiosk::app {

Stage::Stage(render::Screen& screen, const text::FontSet& fonts, const Sources& sources,
             render::PictureLoader& pictures)
    : screen_(screen), fonts_(fonts), sources_(&sources), loader_(pictures) {}

void Stage::set_sources(const Sources& sources) {
    sources_ = &sources;
    slides_.clear();
    counter_known_ = false;
    refused_.clear();  // a file put right is tried again with the new content
    want_pictures();
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
    ++band_id_;
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

void Stage::compose(Slide& s) {
    const auto picture_for = [&](const scene::ImageItem& item) -> const render::Picture* {
        const auto it = s.arrived.find(item.file);
        return it == s.arrived.end() ? nullptr : &it->second;
    };
    render::PreparedList list = render::prepare(screen_.renderer(), s.list, picture_for);
    s.picture =
        render::compose_picture(screen_.renderer(), list, screen_.width(), screen_.height());
    s.direct = s.picture ? render::PreparedList{} : std::move(list);
    // Once in the slide's picture, the decoded pixels are not needed any more.
    if (s.picture) s.arrived.clear();
    s.id = next_id_++;
}

Stage::Slide& Stage::slide(size_t index, const Player::Frame& frame) {
    auto it = slides_.find(index);
    if (it != slides_.end()) return it->second;
    model::Slide shown = sources_->deck.slides.at(index);
    // A picture that failed to decode leaves its slide laid out without it.
    if (shown.image && refused_.count(shown.image->file)) shown.image.reset();
    const scene::CounterView view{frame.counter ? &*frame.counter : nullptr, frame.counter_value};
    Slide s;
    s.list = scene::compose_slide(shown, sources_->config.theme, fonts_, screen_.width(),
                                  screen_.height(), view);
    for (const auto& item : s.list.images)
        s.waiting.push_back(render::picture_request(item, sources_->config.theme.background));
    compose(s);
    return slides_[index] = std::move(s);
}

void Stage::prepare_slide(size_t index, const Player::Frame& frame) {
    if (index >= sources_->deck.slides.size()) return;
    slide(index, frame);
    // While nothing moves, the pictures a fade will mix become pixels.
    for (auto& [i, s] : slides_) keep_as_pixels(s);
    want_pictures();
}

void Stage::keep_as_pixels(Slide& s) {
    if (screen_.keeps_pixels() && s.picture)
        render::keep_pixels_only(screen_.renderer(), *s.picture);
}

void Stage::want_pictures() {
    // The slides on screen first, then the one made ahead.
    std::vector<render::PictureRequest> wanted;
    for (int pass = 0; pass < 2; ++pass)
        for (const auto& [index, s] : slides_) {
            const bool shown =
                std::find(on_screen_.begin(), on_screen_.end(), index) != on_screen_.end();
            if (shown == (pass == 0))
                wanted.insert(wanted.end(), s.waiting.begin(), s.waiting.end());
        }
    loader_.want(std::move(wanted));
}

bool Stage::take_pictures() {
    bool changed = false;
    for (auto& [index, s] : slides_) {
        bool arrived = false, refused = false;
        for (auto it = s.waiting.begin(); it != s.waiting.end();) {
            auto result = loader_.take(*it);
            if (!result) {
                ++it;
                continue;
            }
            arrived = true;
            if (result->picture) {
                s.arrived.emplace(it->file, std::move(*result->picture));
            } else {
                refused = true;
                if (refused_.insert(it->file).second)
                    log_.push_back("image \"" + it->file + "\" " + result->why +
                                   "; the slide shows without it");
            }
            it = s.waiting.erase(it);
        }
        if (!arrived) continue;
        if (refused) {
            // Laid out again without the picture: its text takes the room back.
            Player::Frame frame;
            frame.counter = counter_;
            frame.counter_value = counter_value_;
            const size_t i = index;
            slides_.erase(i);
            slide(i, frame);
            changed = changed || std::count(on_screen_.begin(), on_screen_.end(), i) > 0;
            return take_pictures() || changed;  // the map changed under the loop
        }
        compose(s);
        changed = changed || std::count(on_screen_.begin(), on_screen_.end(), index) > 0;
    }
    want_pictures();
    return changed;
}

std::vector<std::string> Stage::take_log() {
    return std::exchange(log_, {});
}

void Stage::draw(const Player::Frame& frame) {
    update_counter(frame);
    // Only the slides on screen and the one after keep their pictures.
    const size_t count = sources_->deck.slides.size();
    for (auto it = slides_.begin(); it != slides_.end();) {
        const size_t i = it->first;
        const bool keep = i == frame.current || (frame.previous && i == *frame.previous) ||
                          i == (frame.current + 1) % count;
        it = keep ? std::next(it) : slides_.erase(it);
    }
    on_screen_ = {frame.current};
    if (frame.previous) on_screen_.push_back(*frame.previous);
    Slide& to = slide(frame.current, frame);
    Slide* from = frame.previous ? &slide(*frame.previous, frame) : nullptr;
    want_pictures();
    // A slide drawn still is copied from its texture as well as from its pixels (the first
    // frame comes sooner without reading the picture back); a fade mixes pixels.
    if (from) {
        keep_as_pixels(*from);
        keep_as_pixels(to);
    }

    SDL_Renderer* renderer = screen_.renderer();
    const model::Color ground = sources_->config.theme.background;
    // The band stands over the slides that show it, and fades in or out with a slide that
    // does not.
    const auto band_over = [&](size_t i) {
        return scene::shows_band(sources_->deck.slides.at(i)) ? 1.0f : 0.0f;
    };
    float band = band_over(frame.current);
    Uint8 alpha = 255;
    if (frame.previous) {
        alpha = static_cast<Uint8>(std::lround(255 * frame.progress));
        band = band * frame.progress + band_over(*frame.previous) * (1 - frame.progress);
    }
    const auto band_alpha = static_cast<Uint8>(
        band_.fills.empty() ? 0 : std::lround(255 * std::clamp(band, 0.0f, 1.0f)));
    screen_.begin_frame();

    if (!to.picture || (from && !from->picture)) {
        // A renderer that cannot draw into textures: every frame whole, as slides of sprites.
        render::clear(renderer, ground);
        if (from) render::draw(renderer, from->direct, static_cast<Uint8>(255 - alpha));
        render::draw(renderer, to.direct, alpha);
        if (band_alpha > 0) render::draw(renderer, band_, band_alpha);
        shown_.valid = false;
        return;
    }

    // The software renderer draws into the window's own pixels, which stay from one frame to
    // the next: only what changed is drawn. A GPU renderer's back buffer is undefined after a
    // present, so there every frame starts from nothing.
    const bool keeps = screen_.keeps_pixels() && shown_.valid;
    if (!keeps) {
        render::clear(renderer, ground);
        shown_ink_ = {};
    }
    const std::uint64_t from_id = from ? from->id : 0;
    const bool band_stays = band_alpha == 255;
    const bool slides_same = keeps && shown_.from == from_id && shown_.to == to.id &&
                             shown_.alpha == alpha &&
                             (band_stays || shown_.band_alpha == band_alpha);
    bool painted = true;
    if (!slides_same) {
        // Under a band that stands over both slides nothing of them shows: its rows are left.
        int keep_top = 0, keep_bottom = 0;
        if (band_stays && !band_.fills.empty()) {
            const SDL_Rect strip = render::pixel_rect(band_.fills.front().rect);
            keep_top = strip.y;
            keep_bottom = strip.y + strip.h;
        }
        if (!render::paint_slides(renderer, from ? &*from->picture : nullptr, *to.picture, alpha,
                                  shown_ink_, keep_top, keep_bottom, &mix_))
            painted = false;
    }
    const bool band_changed = !keeps || shown_.band != band_id_ ||
                              shown_.band_alpha != band_alpha || (!slides_same && !band_stays);
    if (band_alpha > 0 && band_changed) render::draw(renderer, band_, band_alpha);

    shown_ink_ = to.picture->ink;
    if (from) shown_ink_ |= from->picture->ink;
    if (band_alpha > 0) shown_ink_ |= band_.ink;
    // Slides that could not be mixed were left as the ground: the next frame draws them whole.
    shown_ = {painted, from_id, to.id, band_id_, alpha, band_alpha};
}

size_t Stage::texture_bytes() const {
    size_t bytes = band_.texture_bytes;
    for (const auto& [i, s] : slides_)
        bytes += s.picture ? s.picture->bytes : s.direct.texture_bytes;
    return bytes;
}

}  // namespace kiosk::app
