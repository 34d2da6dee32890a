#include "kiosk/render/painter.hpp"

#include <cmath>

namespace kiosk::render {

PreparedList prepare(SDL_Renderer* renderer, const scene::DisplayList& list) {
    PreparedList out;
    out.background = list.background;
    out.fills = list.fills;
    for (const auto& item : list.texts) {
        const text::Coverage coverage = text::rasterize(item.block);
        if (coverage.width == 0) continue;
        TexturePtr texture(SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888,
                                             SDL_TEXTUREACCESS_STATIC, coverage.width,
                                             coverage.height));
        if (!texture) {
            SDL_Log("kiosk: cannot make a %dx%d texture: %s", coverage.width, coverage.height,
                    SDL_GetError());
            continue;
        }
        std::vector<Uint32> pixels(coverage.alpha.size());
        for (size_t i = 0; i < pixels.size(); ++i)
            pixels[i] = (static_cast<Uint32>(coverage.alpha[i]) << 24) | 0x00FFFFFFu;
        SDL_UpdateTexture(texture.get(), nullptr, pixels.data(), coverage.width * 4);
        SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
        const SDL_Rect where{static_cast<int>(std::lround(item.x)) + coverage.origin_x,
                             static_cast<int>(std::lround(item.y)) + coverage.origin_y,
                             coverage.width, coverage.height};
        out.texture_bytes += pixels.size() * 4;
        out.sprites.push_back({std::move(texture), where, item.color});
    }
    return out;
}

void draw(SDL_Renderer* renderer, const PreparedList& list, Uint8 opacity) {
    SDL_SetRenderDrawBlendMode(renderer, opacity == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    for (const auto& fill : list.fills) {
        SDL_SetRenderDrawColor(renderer, fill.color.r, fill.color.g, fill.color.b, opacity);
        const SDL_FRect rect{fill.rect.x, fill.rect.y, fill.rect.w, fill.rect.h};
        SDL_RenderFillRectF(renderer, &rect);
    }
    for (const auto& sprite : list.sprites) {
        SDL_SetTextureColorMod(sprite.texture.get(), sprite.color.r, sprite.color.g,
                               sprite.color.b);
        SDL_SetTextureAlphaMod(sprite.texture.get(), opacity);
        SDL_RenderCopy(renderer, sprite.texture.get(), nullptr, &sprite.where);
    }
}

void clear(SDL_Renderer* renderer, model::Color color) {
    SDL_SetRenderDrawColor(renderer, color.r, color.g, color.b, 255);
    SDL_RenderClear(renderer);
}

}  // namespace kiosk::render
