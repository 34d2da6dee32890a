#include "kiosk/feed/url_text.hpp"

#include <cstdint>
#include <cstdio>

#include "kiosk/model/printable.hpp"

namespace kiosk::feed {

std::string redacted_url(const std::string& url) {
    std::string out;
    size_t at = 0;
    if (const size_t scheme = url.find("://"); scheme != std::string::npos) {
        out = url.substr(0, scheme + 3);
        at = scheme + 3;
        const size_t authority_end = std::min(url.find_first_of("/?#", at), url.size());
        const size_t userinfo = url.rfind('@', authority_end);
        if (userinfo != std::string::npos && userinfo >= at) at = userinfo + 1;
    }
    const size_t query = std::min(url.find_first_of("?#", at), url.size());
    out += url.substr(at, query - at);
    if (query < url.size() && url[query] == '?') {
        const size_t end = std::min(url.find('#', query), url.size());
        out += '?';
        // Keys stay, so a person can tell which parameter is wrong; values go.
        for (size_t p = query + 1; p < end;) {
            const size_t amp = std::min(url.find('&', p), end);
            const size_t eq = url.find('=', p);
            if (eq != std::string::npos && eq < amp)
                out += url.substr(p, eq - p) + "=\xE2\x80\xA6";
            else
                out += url.substr(p, amp - p);
            if (amp < end) out += '&';
            p = amp + 1;
        }
    }
    return model::printable(out, 200);
}

std::string feed_fingerprint(const std::string& url, const std::string& pointer) {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    const auto mix = [&](const std::string& s) {
        for (unsigned char c : s) {
            hash ^= c;
            hash *= 0x100000001b3ull;
        }
    };
    mix(url);
    mix("\n");
    mix(pointer);
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

}  // namespace kiosk::feed
