#pragma once
// Draws the Player's frames on one Screen: the slides, faded as the frame says, and the counter
// band over them. Each slide is drawn once into one opaque picture of the part of the screen it
// draws on; a crossfade then mixes the two, in the tiles either draws on and nowhere else (the
// CPU mixes them where the renderer is SDL's software one, see painter.hpp). Where the renderer
// keeps its pixels between frames (SDL's software renderer), a frame redraws only what changed
// since the last: a band that stays is not redrawn, and nothing is cleared. GPU renderers get every
// frame drawn whole.
//
// It keeps the pictures of the slides it needs (the current one, the one fading out, and the
// next, made ahead so a fade never starts with a stall) and forgets the rest. Slide pictures
// from files are decoded by a PictureLoader, for the current slide and the next only; until a
// picture is done its slide is drawn without it, and a picture that cannot be decoded leaves
// its slide without it (said once by take_log).
// Textures belong to the screen's renderer: when the screen is made anew, so is the Stage.
// Main thread only.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kiosk/app/player.hpp"
#include "kiosk/render/picture_loader.hpp"
#include "kiosk/render/screen.hpp"
#include "kiosk/text/font_set.hpp"

namespace kiosk::app {

class Stage {
  public:
    Stage(render::Screen& screen, const text::FontSet& fonts, const Sources& sources,
          render::PictureLoader& pictures);

    // New content or theme (or fonts): every texture is made anew on demand.
    void set_sources(const Sources& sources);
    // Draws one frame into the screen (without presenting it).
    void draw(const Player::Frame& frame);
    // Makes the picture of slide `index` now, while nothing moves, and asks for its images.
    void prepare_slide(size_t index, const Player::Frame& frame);
    // Puts pictures decoded since the last call into their slides. True when a slide on screen
    // changed, so a frame is due.
    bool take_pictures();
    // Lines for the log: pictures refused, one line a file ("image FILE: reason; …").
    std::vector<std::string> take_log();
    // The screen lost its pixels (a window exposed): the next frame is drawn whole.
    void invalidate() { shown_.valid = false; }
    size_t texture_bytes() const;

  private:
    struct Slide {
        std::optional<render::SlidePicture> picture;
        render::PreparedList direct;  // only where the renderer cannot draw into a texture
        scene::DisplayList list;      // kept while a picture is still to come
        std::vector<render::PictureRequest> waiting;
        std::map<std::string, render::Picture> arrived;  // by file, until composed
        std::uint64_t id = 0;  // a new one each time it is made: what the screen shows is known
    };
    // What the last frame left on screen.
    struct Shown {
        bool valid = false;
        std::uint64_t from = 0, to = 0, band = 0;
        Uint8 alpha = 0, band_alpha = 0;
    };

    Slide& slide(size_t index, const Player::Frame& frame);
    void compose(Slide& s);
    // Where the CPU mixes fades (SDL's software renderer), the slide's picture as pixels.
    void keep_as_pixels(Slide& s);
    void update_counter(const Player::Frame& frame);
    void want_pictures();

    render::Screen& screen_;
    const text::FontSet& fonts_;
    const Sources* sources_;
    render::PictureLoader& loader_;
    std::map<size_t, Slide> slides_;
    render::PreparedList band_;
    std::uint64_t band_id_ = 1, next_id_ = 1;
    // What the band and counter slides were made for.
    std::optional<feed::CounterState> counter_;
    std::uint64_t counter_value_ = 0;
    bool band_shown_ = false;
    bool counter_known_ = false;
    Shown shown_;
    render::TileMask shown_ink_;     // tiles that may differ from the ground on screen now
    render::MixStrip mix_;           // where pictures kept as pixels are mixed
    std::set<std::string> refused_;  // files, with their lines said
    std::vector<std::string> log_;
    std::vector<size_t> on_screen_;
};

}  // namespace kiosk::app
