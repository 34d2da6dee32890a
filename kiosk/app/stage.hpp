#pragma once
// Draws the Player's frames on one Screen: the slides, faded as the frame says, and the counter
// band over them. It keeps the textures of the slides it needs (the current one, the one fading
// out, and the next, made ahead so a fade never starts with a stall) and forgets the rest.
// Textures belong to the screen's renderer: when the screen is made anew, so is the Stage.
// Main thread only.

#include <map>
#include <optional>

#include "kiosk/app/player.hpp"
#include "kiosk/render/screen.hpp"
#include "kiosk/text/font_set.hpp"

namespace kiosk::app {

class Stage {
  public:
    Stage(render::Screen& screen, const text::FontSet& fonts, const Sources& sources);

    // New content or theme (or fonts): every texture is made anew on demand.
    void set_sources(const Sources& sources);
    // Draws one frame into the screen (without presenting it).
    void draw(const Player::Frame& frame);
    // Makes the textures of slide `index` now, while nothing moves.
    void prepare_slide(size_t index, const Player::Frame& frame);
    size_t texture_bytes() const;

  private:
    const render::PreparedList& slide(size_t index, const Player::Frame& frame);
    void update_counter(const Player::Frame& frame);

    render::Screen& screen_;
    const text::FontSet& fonts_;
    const Sources* sources_;
    std::map<size_t, render::PreparedList> slides_;
    render::PreparedList band_;
    // What the band and counter slides were made for.
    std::optional<feed::CounterState> counter_;
    std::uint64_t counter_value_ = 0;
    bool band_shown_ = false;
    bool counter_known_ = false;
};

}  // namespace kiosk::app
