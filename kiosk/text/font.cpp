#include "kiosk/text/font.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include <hb.h>

#include <algorithm>
#include <stdexcept>

namespace kiosk::text {

namespace {

struct BlobDeleter {
    void operator()(hb_blob_t* blob) const { hb_blob_destroy(blob); }
};
struct HbFaceDeleter {
    void operator()(hb_face_t* face) const { hb_face_destroy(face); }
};

}  // namespace

void Font::LibraryDeleter::operator()(FT_LibraryRec_* library) const {
    FT_Done_FreeType(library);
}
void Font::FaceDeleter::operator()(FT_FaceRec_* face) const {
    FT_Done_Face(face);
}
void Font::HbFontDeleter::operator()(hb_font_t* font) const {
    hb_font_destroy(font);
}

Font::Font(const std::filesystem::path& file, int index, size_t cache_glyphs)
    : name_(file.filename().string()), cache_(cache_glyphs) {
    const auto fail = [&] {
        throw std::runtime_error(file.string() + ": cannot be opened as a scalable font");
    };
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) throw std::runtime_error("FreeType cannot start");
    library_.reset(library);
    FT_Face face = nullptr;
    if (FT_New_Face(library, file.c_str(), index, &face) != 0) fail();
    face_.reset(face);
    if (!FT_IS_SCALABLE(face)) fail();
    units_per_em_ = face->units_per_EM;
    ascender_ = face->ascender;
    descender_ = -face->descender;
    bold_ = (face->style_flags & FT_STYLE_FLAG_BOLD) != 0;
    italic_ = (face->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
    // HarfBuzz reads the file with its own OpenType code rather than through FreeType, whose
    // face size the glyph cache changes. Shaping is done at one scale (font units) and scaled
    // per size, so text measures exactly proportionally at every size fit-to-box tries.
    const std::unique_ptr<hb_blob_t, BlobDeleter> blob(hb_blob_create_from_file(file.c_str()));
    const std::unique_ptr<hb_face_t, HbFaceDeleter> hb_face(
        hb_face_create(blob.get(), static_cast<unsigned>(index)));
    if (hb_face_get_glyph_count(hb_face.get()) == 0) fail();
    hb_font_.reset(hb_font_create(hb_face.get()));
    hb_font_set_scale(hb_font_.get(), units_per_em_, units_per_em_);
    // Immutable from here on, which is what lets threads shape with it at once.
    hb_font_make_immutable(hb_font_.get());
}

Font::~Font() = default;

bool Font::covers(char32_t code_point) const {
    hb_codepoint_t glyph = 0;
    return hb_font_get_nominal_glyph(hb_font_.get(), code_point, &glyph) && glyph != 0;
}

size_t Font::cached_glyphs() const {
    const std::lock_guard lock(mutex_);
    return cache_.size();
}

std::shared_ptr<const GlyphImage> Font::glyph(std::uint32_t glyph, std::int32_t size_64,
                                              int phase) const {
    const GlyphKey key{glyph, size_64, static_cast<std::uint8_t>(phase)};
    const std::lock_guard lock(mutex_);
    if (auto image = cache_.find(key)) return image;
    auto image = render(glyph, size_64, phase);
    cache_.insert(key, image);
    return image;
}

// Called with mutex_ held.
std::shared_ptr<const GlyphImage> Font::render(std::uint32_t glyph, std::int32_t size_64,
                                               int phase) const {
    auto image = std::make_shared<GlyphImage>();
    FT_Face face = face_.get();
    if (FT_Set_Char_Size(face, 0, size_64, 72, 72) != 0) return image;
    // Light hinting moves outlines only vertically, so HarfBuzz's advances still hold.
    if (FT_Load_Glyph(face, glyph, FT_LOAD_NO_BITMAP | FT_LOAD_TARGET_LIGHT) != 0) return image;
    if (face->glyph->format == FT_GLYPH_FORMAT_OUTLINE)
        FT_Outline_Translate(&face->glyph->outline, phase * 64 / kPhases, 0);
    if (FT_Render_Glyph(face->glyph, FT_RENDER_MODE_LIGHT) != 0) return image;
    const FT_Bitmap& bitmap = face->glyph->bitmap;
    image->left = face->glyph->bitmap_left;
    image->top = face->glyph->bitmap_top;
    image->width = static_cast<int>(bitmap.width);
    image->height = static_cast<int>(bitmap.rows);
    image->alpha.resize(static_cast<size_t>(image->width) * image->height);
    for (int y = 0; y < image->height; ++y)
        std::copy_n(bitmap.buffer + static_cast<std::ptrdiff_t>(y) * bitmap.pitch, image->width,
                    image->alpha.begin() + static_cast<std::ptrdiff_t>(y) * image->width);
    return image;
}

}  // namespace kiosk::text
