#include "kiosk/text/font.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include <stdexcept>

namespace kiosk::text {

namespace {

// One FreeType library for the process; faces are only used from the thread that draws.
FT_Library freetype_library() {
    static FT_Library library = [] {
        FT_Library lib = nullptr;
        if (FT_Init_FreeType(&lib) != 0) throw std::runtime_error("FreeType cannot start");
        return lib;
    }();
    return library;
}

}  // namespace

Font::Font(const std::filesystem::path& file) : name_(file.filename().string()) {
    if (FT_New_Face(freetype_library(), file.c_str(), 0, &face_) != 0 || !FT_IS_SCALABLE(face_))
        throw std::runtime_error(file.string() + ": cannot be opened as a scalable font");
    units_per_em_ = face_->units_per_EM;
    ascender_ = face_->ascender;
    descender_ = -face_->descender;
    // HarfBuzz reads the file with its own OpenType code rather than through FreeType, whose
    // face size the glyph cache changes. Shaping is done at one scale (font units) and scaled
    // per size, so text measures exactly proportionally at every size fit-to-box tries.
    hb_blob_t* blob = hb_blob_create_from_file(file.c_str());
    hb_face_t* face = hb_face_create(blob, 0);
    hb_font_ = hb_font_create(face);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    hb_font_set_scale(hb_font_, units_per_em_, units_per_em_);
}

Font::~Font() {
    hb_font_destroy(hb_font_);
    FT_Done_Face(face_);
}

bool Font::covers(char32_t code_point) const {
    return FT_Get_Char_Index(face_, code_point) != 0;
}

FontSet load_fonts(const std::filesystem::path& dir, const std::string& regular,
                   const std::string& bold, const std::string& italic) {
    FontSet set;
    set.regular = std::make_unique<Font>(dir / regular);
    set.bold = std::make_unique<Font>(dir / bold);
    set.italic = std::make_unique<Font>(dir / italic);
    return set;
}

}  // namespace kiosk::text
