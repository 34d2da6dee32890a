#include "kiosk/text/shaper.hpp"

#include <memory>

namespace kiosk::text {

namespace {

struct BufferDeleter {
    void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};

}  // namespace

std::vector<ShapedGlyph> shape(std::string_view text, const TextRun& run) {
    const std::unique_ptr<hb_buffer_t, BufferDeleter> buffer(hb_buffer_create());
    hb_buffer_add_utf8(buffer.get(), text.data(), static_cast<int>(text.size()),
                       static_cast<unsigned>(run.begin), static_cast<int>(run.end - run.begin));
    hb_buffer_set_direction(buffer.get(), run.level & 1 ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer.get(), run.script);
    if (!run.language.empty())
        hb_buffer_set_language(buffer.get(), hb_language_from_string(run.language.c_str(), -1));
    hb_shape(run.font->harfbuzz(), buffer.get(), nullptr, 0);

    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer.get(), &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer.get(), &count);
    const float em = 1.0f / static_cast<float>(run.font->units_per_em());
    std::vector<ShapedGlyph> glyphs;
    glyphs.reserve(count);
    for (unsigned i = 0; i < count; ++i)
        glyphs.push_back({run.font, info[i].codepoint, info[i].cluster, pos[i].x_advance * em,
                          pos[i].x_offset * em, pos[i].y_offset * em});
    return glyphs;
}

}  // namespace kiosk::text
