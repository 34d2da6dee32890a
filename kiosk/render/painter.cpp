#include "kiosk/render/painter.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/render/pixel_mix.hpp"

namespace kiosk::render {

namespace {

PixelRect pixels(const SDL_Rect& r) {
    return {r.x, r.y, r.w, r.h};
}

TexturePtr texture_of(SDL_Renderer* renderer, Uint32 format, int w, int h, const void* pixels,
                      int pitch) {
    TexturePtr texture(SDL_CreateTexture(renderer, format, SDL_TEXTUREACCESS_STATIC, w, h));
    if (!texture) {
        SDL_Log("kiosk: cannot make a %dx%d texture: %s", w, h, SDL_GetError());
        return texture;
    }
    SDL_UpdateTexture(texture.get(), nullptr, pixels, pitch);
    return texture;
}

Uint32 argb(model::Color c) {
    return 0xFF000000u | (static_cast<Uint32>(c.r) << 16) | (static_cast<Uint32>(c.g) << 8) | c.b;
}

// The QR code at its size on screen, each module whole pixels.
std::vector<Uint32> qr_pixels(const scene::QrItem& code, int side) {
    std::vector<Uint32> out(static_cast<size_t>(side) * side, argb(code.light_color));
    const int quiet = (side - code.modules * code.module_px) / 2;
    for (int my = 0; my < code.modules; ++my)
        for (int mx = 0; mx < code.modules; ++mx) {
            if (!code.dark[static_cast<size_t>(my) * code.modules + mx]) continue;
            for (int y = 0; y < code.module_px; ++y) {
                Uint32* row = &out[static_cast<size_t>(quiet + my * code.module_px + y) * side];
                for (int x = 0; x < code.module_px; ++x)
                    row[quiet + mx * code.module_px + x] = argb(code.dark_color);
            }
        }
    return out;
}

}  // namespace

PreparedList prepare(SDL_Renderer* renderer, const scene::DisplayList& list,
                     const PictureFor& pictures) {
    PreparedList out;
    out.background = list.background;
    out.fills = list.fills;
    out.ink = TileMask(list.width, list.height);
    for (const auto& item : list.images) {
        const Picture* picture = pictures ? pictures(item) : nullptr;
        const SDL_Rect where = pixel_rect(item.shown);
        if (!picture || picture->width != where.w || picture->height != where.h) continue;
        TexturePtr texture =
            texture_of(renderer, SDL_PIXELFORMAT_RGB888, picture->width, picture->height,
                       picture->pixels.data(), picture->width * 4);
        if (!texture) continue;
        out.texture_bytes += picture->pixels.size() * 4;
        out.ink.mark(pixels(where));
        out.images.push_back({std::move(texture), where, true});
    }
    for (const auto& fill : list.fills)
        if (fill.alpha > 0) out.ink.mark(pixels(pixel_rect(fill.rect)));
    for (const auto& code : list.codes) {
        const SDL_Rect where = pixel_rect(code.rect);
        const auto pixels_of = qr_pixels(code, where.w);
        TexturePtr texture = texture_of(renderer, SDL_PIXELFORMAT_RGB888, where.w, where.w,
                                        pixels_of.data(), where.w * 4);
        if (!texture) continue;
        out.texture_bytes += pixels_of.size() * 4;
        out.ink.mark(pixels(where));
        out.codes.push_back({std::move(texture), {where.x, where.y, where.w, where.w}, true});
    }
    for (const auto& item : list.texts) {
        const text::Coverage coverage = text::rasterize(item.block);
        if (coverage.width == 0) continue;
        // The colour is in the pixels: a plain alpha blend draws it, the fastest SDL has.
        std::vector<Uint32> pixels_of(coverage.alpha.size());
        const Uint32 rgb = argb(item.color) & 0x00FFFFFFu;
        for (size_t i = 0; i < pixels_of.size(); ++i)
            pixels_of[i] = (static_cast<Uint32>(coverage.alpha[i]) << 24) | rgb;
        TexturePtr texture = texture_of(renderer, SDL_PIXELFORMAT_ARGB8888, coverage.width,
                                        coverage.height, pixels_of.data(), coverage.width * 4);
        if (!texture) continue;
        SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
        const SDL_Rect where{static_cast<int>(std::lround(item.x)) + coverage.origin_x,
                             static_cast<int>(std::lround(item.y)) + coverage.origin_y,
                             coverage.width, coverage.height};
        out.ink.mark_alpha(coverage.alpha.data(), coverage.width, coverage.height, where.x,
                           where.y);
        out.texture_bytes += pixels_of.size() * 4;
        out.sprites.push_back({std::move(texture), where, false});
    }
    return out;
}

namespace {

void draw_sprites(SDL_Renderer* renderer, const std::vector<PreparedList::Sprite>& sprites,
                  Uint8 opacity, int dx, int dy) {
    for (const auto& sprite : sprites) {
        const bool blend = !sprite.opaque || opacity < 255;
        SDL_SetTextureBlendMode(sprite.texture.get(),
                                blend ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
        SDL_SetTextureAlphaMod(sprite.texture.get(), opacity);
        const SDL_Rect where{sprite.where.x - dx, sprite.where.y - dy, sprite.where.w,
                             sprite.where.h};
        SDL_RenderCopy(renderer, sprite.texture.get(), nullptr, &where);
    }
}

// The list drawn with its origin at (dx, dy) of the screen.
void draw_at(SDL_Renderer* renderer, const PreparedList& list, Uint8 opacity, int dx, int dy) {
    draw_sprites(renderer, list.images, opacity, dx, dy);
    for (const auto& fill : list.fills) {
        const auto alpha = static_cast<Uint8>(fill.alpha * opacity / 255);
        SDL_SetRenderDrawBlendMode(renderer,
                                   alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(renderer, fill.color.r, fill.color.g, fill.color.b, alpha);
        SDL_Rect rect = pixel_rect(fill.rect);
        rect.x -= dx;
        rect.y -= dy;
        SDL_RenderFillRect(renderer, &rect);
    }
    draw_sprites(renderer, list.codes, opacity, dx, dy);
    draw_sprites(renderer, list.sprites, opacity, dx, dy);
}

}  // namespace

SDL_Rect pixel_rect(const scene::Rect& r) {
    const auto x0 = static_cast<int>(std::lround(r.x)), y0 = static_cast<int>(std::lround(r.y));
    return {x0, y0, static_cast<int>(std::lround(r.right())) - x0,
            static_cast<int>(std::lround(r.bottom())) - y0};
}

void draw(SDL_Renderer* renderer, const PreparedList& list, Uint8 opacity) {
    draw_at(renderer, list, opacity, 0, 0);
}

void clear(SDL_Renderer* renderer, model::Color color) {
    SDL_SetRenderDrawColor(renderer, color.r, color.g, color.b, 255);
    SDL_RenderClear(renderer);
}

std::optional<SlidePicture> compose_picture(SDL_Renderer* renderer, const PreparedList& list,
                                            int width, int height) {
    if (!SDL_RenderTargetSupported(renderer)) return std::nullopt;
    SlidePicture out;
    out.ink = list.ink.width() > 0 ? list.ink : TileMask(width, height);
    out.ground = list.background;
    const PixelRect area = out.ink.bounds();
    out.area = {area.x, area.y, area.w, area.h};
    if (area.w <= 0 || area.h <= 0) return out;
    // No alpha channel: blended at an opacity, SDL's software renderer takes its surface-alpha
    // blit, the cheapest blend it has; copied opaque, a plain copy.
    out.texture.reset(SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET,
                                        area.w, area.h));
    if (!out.texture) return std::nullopt;
    SDL_Texture* was = SDL_GetRenderTarget(renderer);
    SDL_SetRenderTarget(renderer, out.texture.get());
    clear(renderer, list.background);
    draw_at(renderer, list, 255, area.x, area.y);
    SDL_SetRenderTarget(renderer, was);
    out.bytes = static_cast<size_t>(area.w) * area.h * 4;
    return out;
}

bool keep_pixels_only(SDL_Renderer* renderer, SlidePicture& picture) {
    if (picture.unreadable) return false;
    if (!picture.texture) return true;
    std::vector<Uint32> pixels(static_cast<size_t>(picture.area.w) * picture.area.h);
    SDL_Texture* was = SDL_GetRenderTarget(renderer);
    const bool read = SDL_SetRenderTarget(renderer, picture.texture.get()) == 0 &&
                      SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_RGB888, pixels.data(),
                                           picture.area.w * 4) == 0;
    SDL_SetRenderTarget(renderer, was);
    if (!read) {
        picture.unreadable = true;
        SDL_Log("kiosk: cannot read a slide's picture back, it fades as a texture: %s",
                SDL_GetError());
        return false;
    }
    picture.pixels = std::move(pixels);
    picture.texture.reset();
    return true;
}

namespace {

// What a frame does in one tile.
enum Kind { kNothing = 0, kFrom = 1, kTo = 2, kBoth = 3, kGround = 4 };

void ground(SDL_Renderer* renderer, model::Color c, const SDL_Rect& r) {
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer, c.r, c.g, c.b, 255);
    SDL_RenderFillRect(renderer, &r);
}

void copy(SDL_Renderer* renderer, const SlidePicture& p, const SDL_Rect& r, Uint8 alpha) {
    // A picture kept as pixels cannot be drawn as a texture: opaque, it leaves the ground.
    if (!p.texture) {
        if (alpha == 255) ground(renderer, p.ground, r);
        return;
    }
    const SDL_Rect source{r.x - p.area.x, r.y - p.area.y, r.w, r.h};
    SDL_SetTextureBlendMode(p.texture.get(),
                            alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(p.texture.get(), alpha);
    SDL_RenderCopy(renderer, p.texture.get(), &source, &r);
}

// Makes `mix` a strip as wide as the screen.
bool ready(SDL_Renderer* renderer, MixStrip& mix, int width) {
    if (mix.texture && mix.width >= width) return true;
    mix.texture.reset(SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGB888,
                                        SDL_TEXTUREACCESS_STREAMING, width, MixStrip::kRows));
    if (!mix.texture) {
        SDL_Log("kiosk: cannot make a %dx%d texture to mix a crossfade in: %s", width,
                MixStrip::kRows, SDL_GetError());
        return false;
    }
    SDL_SetTextureBlendMode(mix.texture.get(), SDL_BLENDMODE_NONE);
    mix.width = width;
    return true;
}

// Row `y` of a picture kept as pixels, from column `x` of the screen.
const Uint32* row_of(const SlidePicture& p, int x, int y) {
    return p.pixels.data() + static_cast<size_t>(y - p.area.y) * p.area.w + (x - p.area.x);
}

// `a` mixed with `b` at `alpha` (b's share) in `r`, either missing one being the bare ground,
// onto the screen through `mix`. Locking the strip again makes SDL do the copy queued from it
// first, so each strip reaches the screen straight from the cache.
void mix_region(SDL_Renderer* renderer, const MixStrip& mix, const SlidePicture* a,
                const SlidePicture* b, Uint8 alpha, const SDL_Rect& r,
                const std::vector<Uint32>& ground_row) {
    for (int y0 = r.y; y0 < r.y + r.h; y0 += MixStrip::kRows) {
        const SDL_Rect strip{0, 0, r.w, std::min(MixStrip::kRows, r.y + r.h - y0)};
        void* locked = nullptr;
        int pitch = 0;
        if (SDL_LockTexture(mix.texture.get(), &strip, &locked, &pitch) != 0) return;
        for (int y = 0; y < strip.h; ++y) {
            auto* out = reinterpret_cast<Uint32*>(static_cast<Uint8*>(locked) +
                                                  static_cast<ptrdiff_t>(y) * pitch);
            mix_row(a ? row_of(*a, r.x, y0 + y) : ground_row.data(),
                    b ? row_of(*b, r.x, y0 + y) : ground_row.data(), out, r.w, alpha);
        }
        SDL_UnlockTexture(mix.texture.get());
        const SDL_Rect onto{r.x, y0, r.w, strip.h};
        SDL_RenderCopy(renderer, mix.texture.get(), &strip, &onto);
    }
}

}  // namespace

bool paint_slides(SDL_Renderer* renderer, const SlidePicture* from, const SlidePicture& to,
                  Uint8 alpha, const TileMask& stale, int keep_top, int keep_bottom,
                  MixStrip* mix) {
    const TileMask& shape = to.ink;
    if (shape.columns() == 0) return true;
    const bool old = from && from->drawn() && from->ink.columns() == shape.columns();
    const bool fresh = to.drawn();
    const bool check_stale = stale.columns() == shape.columns() && stale.rows() == shape.rows();
    const bool mixing = old && fresh && alpha > 0 && alpha < 255;
    const auto within = [&](const SDL_Rect& area, int c, int r) {
        const PixelRect t = shape.pixels(c, r, 1, 1);
        return t.x >= area.x && t.y >= area.y && t.right() <= area.x + area.w &&
               t.bottom() <= area.y + area.h;
    };
    const auto kind = [&](int c, int r) {
        const int k = (old && alpha < 255 && from->ink.at(c, r) ? kFrom : 0) |
                      (fresh && alpha > 0 && to.ink.at(c, r) ? kTo : 0);
        // Where both pictures cover the tile, a tile of either one's ink is mixed as one of
        // both (each is the ground where it has no ink), which gives the same pixels for the
        // same work and merges into fewer, longer rectangles: each costs SDL a blit's setup.
        if (k && mixing && within(from->area, c, r) && within(to.area, c, r))
            return static_cast<int>(kBoth);
        if (k) return k;
        const bool was_ink = (check_stale && stale.at(c, r)) || (old && from->ink.at(c, r)) ||
                             (fresh && to.ink.at(c, r));
        return was_ink ? static_cast<int>(kGround) : 0;
    };
    // Pictures kept as pixels are mixed by the CPU. (A picture that could not be read back is
    // still a texture: with one of each, the two are drawn as textures, and the one kept as
    // pixels shows as the ground.)
    const bool on_cpu =
        (old || fresh) && (!old || !from->pixels.empty()) && (!fresh || !to.pixels.empty());
    bool mixing_ok = true;
    std::vector<Uint32> ground_row;
    if (on_cpu) {
        mixing_ok = mix && ready(renderer, *mix, shape.width());
        ground_row.assign(static_cast<size_t>(shape.width()), argb(to.ground));
    }
    each_region(shape, kind, [&](int k, PixelRect p) {
        // The band's rows stay as they are: it stands over both slides.
        if (keep_bottom > keep_top) {
            if (p.y >= keep_top && p.bottom() <= keep_bottom) return;
            if (p.y < keep_top && p.bottom() > keep_top)
                p.h = keep_top - p.y;
            else if (p.y < keep_bottom && p.bottom() > keep_bottom) {
                p.h = p.bottom() - keep_bottom;
                p.y = keep_bottom;
            }
        }
        const SDL_Rect r{p.x, p.y, p.w, p.h};
        if (on_cpu && k != kGround) {
            if (!mixing_ok) return ground(renderer, to.ground, r);
            return mix_region(renderer, *mix, k == kTo ? nullptr : from, k == kFrom ? nullptr : &to,
                              alpha, r, ground_row);
        }
        switch (k) {
            case kBoth:
                copy(renderer, *from, r, 255);
                copy(renderer, to, r, alpha);
                break;
            case kFrom:
                ground(renderer, to.ground, r);
                copy(renderer, *from, r, static_cast<Uint8>(255 - alpha));
                break;
            case kTo:
                if (alpha < 255) ground(renderer, to.ground, r);
                copy(renderer, to, r, alpha);
                break;
            default:
                ground(renderer, to.ground, r);
        }
    });
    return mixing_ok;
}

}  // namespace kiosk::render
