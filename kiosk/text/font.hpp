#pragma once
// One font file (or one face of a collection), opened once for both jobs: HarfBuzz shapes with
// it and FreeType rasterizes its glyphs into images it keeps in its own bounded cache. Sizes are
// not part of a Font: shaping happens in font units and is scaled, and each rendered image is
// kept under its size.
//
// Thread safety: a Font may be used from several threads at once (the main thread draws the
// counter band while a worker lays out and rasterizes the next slide). Shaping reads an
// immutable HarfBuzz font and needs no lock; covers() likewise. glyph() takes the Font's own
// mutex around FreeType, whose face is not thread-safe, and around the cache. A Font must outlive
// every TextBlock that names it; it is never moved or copied.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "kiosk/text/glyph_cache.hpp"

struct FT_LibraryRec_;
struct FT_FaceRec_;
struct hb_font_t;

namespace kiosk::text {

class Font {
  public:
    static constexpr size_t kDefaultCacheGlyphs = 4096;
    // Pen positions within a pixel that glyph images are made for: quarters, so spacing stays
    // even without an image per exact position.
    static constexpr int kPhases = 4;

    // Opens face `index` of `file`. Throws std::runtime_error naming the file when it cannot be
    // opened as a scalable font; nothing is leaked then.
    explicit Font(const std::filesystem::path& file, int index = 0,
                  size_t cache_glyphs = kDefaultCacheGlyphs);
    ~Font();
    Font(const Font&) = delete;
    Font& operator=(const Font&) = delete;

    const std::string& name() const { return name_; }
    // Immutable: shape with it from any thread.
    hb_font_t* harfbuzz() const { return hb_font_.get(); }
    int units_per_em() const { return units_per_em_; }
    bool bold() const { return bold_; }
    bool italic() const { return italic_; }
    // Vertical metrics for a size in pixels (ascender above the baseline, descender below).
    double ascender(double size_px) const { return ascender_ * size_px / units_per_em_; }
    double descender(double size_px) const { return descender_ * size_px / units_per_em_; }
    // True when the font maps the code point to a glyph of its own.
    bool covers(char32_t code_point) const;

    // The image of `glyph` at `size_64` (1/64 px) with the pen `phase` quarters of a pixel
    // right of a whole pixel. Made on first use and kept; the pointer stays valid however the
    // cache changes later. An empty image for a glyph FreeType cannot render.
    std::shared_ptr<const GlyphImage> glyph(std::uint32_t glyph, std::int32_t size_64,
                                            int phase) const;
    // How many images the cache holds now, and at most.
    size_t cached_glyphs() const;
    size_t cache_capacity() const { return cache_.capacity(); }

  private:
    struct LibraryDeleter {
        void operator()(FT_LibraryRec_* library) const;
    };
    struct FaceDeleter {
        void operator()(FT_FaceRec_* face) const;
    };
    struct HbFontDeleter {
        void operator()(hb_font_t* font) const;
    };

    std::string name_;
    // Each Font has a FreeType library of its own: faces of one library may not be created on
    // one thread while another renders, and a library per font makes that impossible.
    std::unique_ptr<FT_LibraryRec_, LibraryDeleter> library_;
    std::unique_ptr<FT_FaceRec_, FaceDeleter> face_;  // declared after library_: freed before it
    std::unique_ptr<hb_font_t, HbFontDeleter> hb_font_;
    int units_per_em_ = 1000;
    int ascender_ = 0;
    int descender_ = 0;  // positive, below the baseline
    bool bold_ = false;
    bool italic_ = false;

    mutable std::mutex mutex_;  // guards face_ (FreeType) and cache_
    mutable GlyphCache cache_;

    std::shared_ptr<const GlyphImage> render(std::uint32_t glyph, std::int32_t size_64,
                                             int phase) const;
};

}  // namespace kiosk::text
