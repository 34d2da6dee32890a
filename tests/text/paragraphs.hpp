#pragma once
// A paragraph shaped with the bundled fonts and their fallbacks, for the tests of the stages
// that work on shaped paragraphs.

#include <string>

#include "kiosk/text/shaped_paragraph.hpp"
#include "support/fonts.hpp"

namespace kiosk::test {

inline text::ShapedParagraph shaped(const std::string& text, bool bold = false,
                                    const char* language = "vi") {
    const auto& fonts = bundled_fonts();
    return text::ShapedParagraph(text, bold ? *fonts.bold : *fonts.regular, fonts.fallback.get(),
                                 language);
}

}  // namespace kiosk::test
