#pragma once
// Draws frames: the slides of a Sources, faded as the Slideshow says, and the counter band over
// them. It keeps the textures of the slides it needs (the current one, the one fading out, and
// the next, made ahead so a fade never starts with a stall) and forgets the rest.
// Main thread only.

#include <map>

#include "kiosk/app/sources.hpp"
#include "kiosk/feed/counter_state.hpp"
#include "kiosk/render/screen.hpp"
#include "kiosk/scene/slideshow.hpp"
#include "kiosk/text/font_set.hpp"

namespace kiosk::app {

class Stage {
  public:
    Stage(render::Screen& screen, const text::FontSet& fonts);

    // New content or theme: every texture is made anew on demand.
    void set_sources(const Sources& sources);
    // What the band shows; `shown` is the number on screen during a count-up.
    void set_counter(const std::optional<feed::CounterState>& state, std::uint64_t shown);
    // Draws one frame into the screen (without presenting it).
    void draw(const scene::Slideshow::Frame& frame);
    // Makes the textures of slide `index` now, while nothing moves.
    void prepare_slide(size_t index);
    // The screen's size changed.
    void resized();
    size_t texture_bytes() const;

  private:
    render::Screen& screen_;
    const text::FontSet& fonts_;
    const Sources* sources_ = nullptr;
    std::map<size_t, render::PreparedList> slides_;
    render::PreparedList band_;
    std::optional<feed::CounterState> counter_;
    std::uint64_t shown_ = 0;

    const render::PreparedList& slide(size_t index);
    void prepare_band();
};

}  // namespace kiosk::app
