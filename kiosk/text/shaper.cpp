#include "kiosk/text/shaper.hpp"

#include <hb.h>

namespace kiosk::text {

std::vector<ShapedGlyph> shape(const Font& font, std::string_view text, float size_px,
                               const char* language) {
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), 0,
                       static_cast<int>(text.size()));
    // Slides are Vietnamese or English: Latin script, left to right. Guessing from the text
    // would pick "common" for a run of digits and punctuation and change nothing else.
    hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer, HB_SCRIPT_LATIN);
    hb_buffer_set_language(buffer, hb_language_from_string(language, -1));
    hb_shape(font.harfbuzz(), buffer, nullptr, 0);

    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
    const float scale = size_px / static_cast<float>(font.units_per_em());
    std::vector<ShapedGlyph> glyphs;
    glyphs.reserve(count);
    for (unsigned i = 0; i < count; ++i) {
        glyphs.push_back({info[i].codepoint, info[i].cluster, pos[i].x_advance * scale,
                          pos[i].x_offset * scale, pos[i].y_offset * scale});
    }
    hb_buffer_destroy(buffer);
    return glyphs;
}

}  // namespace kiosk::text
