#pragma once
// Draws display lists with an SDL renderer. A display list is uploaded once into textures (one
// per text block, white with the coverage as alpha, tinted when drawn), then drawn as often as
// frames need it, at any opacity, which is all a crossfade takes.
// Use only on the thread that owns the SDL renderer.

#include <SDL.h>

#include <memory>
#include <vector>

#include "kiosk/scene/display_list.hpp"
#include "kiosk/text/rasterizer.hpp"

namespace kiosk::render {

struct TextureDeleter {
    void operator()(SDL_Texture* t) const { SDL_DestroyTexture(t); }
};
using TexturePtr = std::unique_ptr<SDL_Texture, TextureDeleter>;

// A display list ready to draw: its textures belong to the renderer it was prepared for.
struct PreparedList {
    struct Sprite {
        TexturePtr texture;
        SDL_Rect where;
        model::Color color;
    };
    model::Color background;
    std::vector<scene::FillItem> fills;
    std::vector<Sprite> sprites;
    size_t texture_bytes = 0;
};

// Glyph images come from each font's own cache (see text::Font).
PreparedList prepare(SDL_Renderer* renderer, const scene::DisplayList& list);

// Draws at `opacity` (0–255) over what is already there.
void draw(SDL_Renderer* renderer, const PreparedList& list, Uint8 opacity = 255);

void clear(SDL_Renderer* renderer, model::Color color);

}  // namespace kiosk::render
