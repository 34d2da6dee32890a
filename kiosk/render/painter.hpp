#pragma once
// Draws display lists with an SDL renderer. A display list is uploaded once into textures: one
// per text block, in its colour with the coverage as alpha (no colour modulation, which takes
// SDL's slow per-pixel blend path), its pictures and QR codes; then drawn as often as frames
// need it, at any opacity. A slide is drawn once more, into one opaque texture of the part of
// the screen it draws on (a SlidePicture): a crossfade is then the two mixed, only in the tiles
// where either draws anything. On a GPU that is an opaque copy of one picture and a blend of the
// other; on SDL's software renderer the pictures are kept as pixels and the CPU mixes them in
// one pass (pixel_mix.hpp) into a small streaming texture copied onto the screen a strip at a
// time.
// Use only on the thread that owns the SDL renderer.

#include <SDL.h>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "kiosk/render/picture_decoder.hpp"
#include "kiosk/render/tile_mask.hpp"
#include "kiosk/scene/display_list.hpp"
#include "kiosk/text/rasterizer.hpp"

namespace kiosk::render {

struct TextureDeleter {
    void operator()(SDL_Texture* t) const { SDL_DestroyTexture(t); }
};
using TexturePtr = std::unique_ptr<SDL_Texture, TextureDeleter>;

// The decoded picture for an image item of the list, or null while there is none (yet): the
// list is then drawn without it.
using PictureFor = std::function<const Picture*(const scene::ImageItem&)>;

// A display list ready to draw: its textures belong to the renderer it was prepared for.
struct PreparedList {
    struct Sprite {
        TexturePtr texture;
        SDL_Rect where;
        bool opaque = false;  // pictures and codes; text has coverage as alpha
    };
    model::Color background;
    std::vector<Sprite> images;  // under the fills
    std::vector<scene::FillItem> fills;
    std::vector<Sprite> codes;    // over the fills
    std::vector<Sprite> sprites;  // text, over everything
    size_t texture_bytes = 0;
    TileMask ink;  // the screen's tiles it draws anything on
};

PreparedList prepare(SDL_Renderer* renderer, const scene::DisplayList& list,
                     const PictureFor& pictures = {});

// Draws at `opacity` (0–255) over what is already there.
void draw(SDL_Renderer* renderer, const PreparedList& list, Uint8 opacity = 255);

void clear(SDL_Renderer* renderer, model::Color color);

// The whole pixels a fill covers: each edge rounded to the nearest pixel boundary. Fills are
// drawn so, which lets a frame know exactly which rows a band covers.
SDL_Rect pixel_rect(const scene::Rect& r);

// One slide drawn whole into one opaque picture of the tiles it draws on (`area`, the bounds of
// `ink`); outside them it is the bare ground. A texture, or its pixels (`area` row by row,
// 0xXXRRGGBB) where the CPU mixes; neither when it draws nothing.
struct SlidePicture {
    TexturePtr texture;
    std::vector<Uint32> pixels;
    SDL_Rect area{};
    TileMask ink;
    model::Color ground;
    size_t bytes = 0;
    bool unreadable = false;  // its texture could not be read back: it is not tried again
    bool drawn() const { return texture || !pixels.empty(); }
};

// nullopt when the renderer cannot draw into textures: draw the PreparedList then. Restores the
// renderer's target as it found it.
std::optional<SlidePicture> compose_picture(SDL_Renderer* renderer, const PreparedList& list,
                                            int width, int height);

// Reads a picture's texture back into its pixels and lets the texture go: for SDL's software
// renderer, where reading is a copy and the CPU mixes pixels faster than SDL blends textures.
// False, leaving it a texture, when it cannot be read (said once: it is not tried again).
bool keep_pixels_only(SDL_Renderer* renderer, SlidePicture& picture);

// Where the CPU mixes pictures kept as pixels: a streaming texture a few rows high, written a
// strip at a time and copied onto the screen while the strip is still in the CPU's cache (a
// texture of the whole fade would go through memory twice more). Made on first use; keep it.
struct MixStrip {
    static constexpr int kRows = 32;
    TexturePtr texture;
    int width = 0;
};

// Paints the slides' part of a frame: `from` fading out, `to` in at `alpha` (no `from` and 255
// for a slide standing alone), in the tiles of either and the tiles of `stale` (what the
// screen showed last that may differ from the ground now). Elsewhere the screen must already be
// the ground. Rows from `keep_top` to `keep_bottom` are left as they are (the band over both).
// Pictures kept as pixels are mixed through `mix`. False when that texture cannot be had: their
// tiles are then the bare ground.
bool paint_slides(SDL_Renderer* renderer, const SlidePicture* from, const SlidePicture& to,
                  Uint8 alpha, const TileMask& stale, int keep_top = 0, int keep_bottom = 0,
                  MixStrip* mix = nullptr);

}  // namespace kiosk::render
