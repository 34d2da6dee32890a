#pragma once
// The project's own bundled fonts, pinned for tests so results do not depend on the machine.

#include "kiosk/text/font_set.hpp"

namespace kiosk::test {

inline const text::FontSet& bundled_fonts() {
    static const text::FontSet fonts =
        text::load_fonts(KIOSK_SOURCE_DIR "/fonts", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
                         "NotoSans-Italic.ttf");
    return fonts;
}

}  // namespace kiosk::test
