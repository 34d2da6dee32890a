#pragma once
// One font file, opened once for both jobs: HarfBuzz shapes with it and FreeType rasterizes its
// glyphs. Sizes are not part of a Font: shaping happens in font units and is scaled, and the
// glyph cache sets the FreeType size it needs. Not thread-safe; use from one thread.

#include <filesystem>
#include <memory>
#include <string>

struct FT_FaceRec_;
struct hb_font_t;

namespace kiosk::text {

class Font {
  public:
    // Throws std::runtime_error naming the file when it cannot be opened as a font.
    explicit Font(const std::filesystem::path& file);
    ~Font();
    Font(const Font&) = delete;
    Font& operator=(const Font&) = delete;

    const std::string& name() const { return name_; }
    hb_font_t* harfbuzz() const { return hb_font_; }
    FT_FaceRec_* freetype() const { return face_; }
    int units_per_em() const { return units_per_em_; }
    // Vertical metrics for a size in pixels (ascender above the baseline, descender below).
    double ascender(double size_px) const { return ascender_ * size_px / units_per_em_; }
    double descender(double size_px) const { return descender_ * size_px / units_per_em_; }
    // True when the font has a glyph for the code point.
    bool covers(char32_t code_point) const;

  private:
    std::string name_;
    FT_FaceRec_* face_ = nullptr;
    hb_font_t* hb_font_ = nullptr;
    int units_per_em_ = 1000;
    int ascender_ = 0;
    int descender_ = 0;  // positive, below the baseline
};

// The faces a slide uses. Loaded once at start; a missing file is a start-up error.
struct FontSet {
    std::unique_ptr<Font> regular;
    std::unique_ptr<Font> bold;
    std::unique_ptr<Font> italic;
};

FontSet load_fonts(const std::filesystem::path& dir, const std::string& regular,
                   const std::string& bold, const std::string& italic);

}  // namespace kiosk::text
