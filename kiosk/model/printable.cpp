#include "kiosk/model/printable.hpp"

#include <cstdio>

#include "kiosk/model/utf8.hpp"

namespace kiosk::model {

namespace {

// Code points that change how a terminal or a log viewer shows what follows them.
bool hidden(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF;
}

}  // namespace

bool is_one_clean_line(std::string_view text) {
    for (size_t at = 0; at < text.size();) {
        if (utf8_sequence_length(text, at) == 0 || hidden(next_code_point(text, at))) return false;
    }
    return true;
}

std::string printable(std::string_view text, size_t max_chars) {
    std::string out;
    out.reserve(std::min(text.size(), max_chars * 4) + 8);
    size_t chars = 0;
    for (size_t at = 0; at < text.size();) {
        if (chars == max_chars) {
            out += "\xE2\x80\xA6";  // …
            break;
        }
        ++chars;
        if (utf8_sequence_length(text, at) == 0) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\x%02x", static_cast<unsigned char>(text[at]));
            out += escape;
            ++at;
            continue;
        }
        const size_t start = at;
        const char32_t cp = next_code_point(text, at);
        if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\\') {
            out += "\\\\";
        } else if (hidden(cp)) {
            char escape[16];
            if (cp < 0x100)
                std::snprintf(escape, sizeof escape, "\\x%02x", static_cast<unsigned>(cp));
            else
                std::snprintf(escape, sizeof escape, "\\u{%x}", static_cast<unsigned>(cp));
            out += escape;
        } else {
            out.append(text.substr(start, at - start));
        }
    }
    return out;
}

}  // namespace kiosk::model
