#include "kiosk/model/utf8.hpp"

namespace kiosk::model {

namespace {

bool continuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

}  // namespace

// The ranges are those of RFC 3629's table: they exclude overlong forms, surrogates and code
// points above U+10FFFF.
size_t utf8_sequence_length(std::string_view text, size_t at) {
    const auto byte = [&](size_t i) {
        return at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : 0;
    };
    const unsigned char c = byte(0);
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return continuation(byte(1)) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
        const unsigned char hi = c == 0xED ? 0x9F : 0xBF;  // ED A0..BF would be a surrogate
        return byte(1) >= lo && byte(1) <= hi && continuation(byte(2)) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
        const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;  // F4 90.. would pass U+10FFFF
        return byte(1) >= lo && byte(1) <= hi && continuation(byte(2)) && continuation(byte(3)) ? 4
                                                                                                : 0;
    }
    return 0;
}

std::optional<size_t> first_invalid_utf8(std::string_view text) {
    for (size_t at = 0; at < text.size();) {
        const size_t n = utf8_sequence_length(text, at);
        if (n == 0) return at;
        at += n;
    }
    return std::nullopt;
}

char32_t next_code_point(std::string_view text, size_t& at) {
    const unsigned char c = static_cast<unsigned char>(text[at]);
    const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
    for (size_t k = 1; k < n && at + k < text.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3F);
    at += n;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

size_t count_code_points(std::string_view text) {
    size_t n = 0;
    for (char c : text) n += !continuation(static_cast<unsigned char>(c));
    return n;
}

}  // namespace kiosk::model
