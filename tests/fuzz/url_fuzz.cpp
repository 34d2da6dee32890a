// Fuzz target: resolve_url(), which makes the URLs of a remote deck's files (counter.json, the
// images slides.json names) from the deck's own URL. The first byte of the input chooses the
// base: either the rest of the input up to its first NUL byte as it is, or a configured URL
// built from the flags (http or https, with or without userinfo and a port), in which case the
// whole rest is the name to resolve; otherwise the name follows the NUL byte.
//
// resolve_url() never throws, and gives either nothing or an http or https URL in one line
// without spaces or control characters, on the base's own scheme, userinfo, host and port: a
// name from a deck can change only the path, the query and the fragment, so it can never bring
// in userinfo, reach another host, or take the base's headers there. A base that is not http or
// https resolves to nothing.

#include <curl/curl.h>

#include <exception>
#include <optional>
#include <string>

#include "fuzz/fuzz_support.hpp"
#include "kiosk/feed/request.hpp"

using namespace kiosk;

namespace {

// The parts of a URL as curl reads them, an absent part (no userinfo, no port) as an empty one:
// "http://:@host/" sends no more userinfo than "http://host/".
struct Parts {
    std::string scheme, user, password, host, port;
};

std::string part(CURLU* u, CURLUPart what) {
    char* value = nullptr;
    if (curl_url_get(u, what, &value, 0) != CURLUE_OK) return "";
    std::string out(value);
    curl_free(value);
    return out;
}

std::optional<Parts> parts_of(const std::string& url) {
    CURLU* u = curl_url();
    if (!u) return std::nullopt;
    std::optional<Parts> out;
    if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK)
        out = Parts{part(u, CURLUPART_SCHEME), part(u, CURLUPART_USER), part(u, CURLUPART_PASSWORD),
                    part(u, CURLUPART_HOST), part(u, CURLUPART_PORT)};
    curl_url_cleanup(u);
    return out;
}

std::string configured_base(std::uint8_t flags) {
    std::string url = flags & 2 ? "https://" : "http://";
    if (flags & 4) url += "user:pw@";
    url += flags & 8 ? "Feed.Example:8443" : "feed.example";
    url += flags & 16 ? "/decks/hall%20a/slides.json?v=2" : "/slides.json";
    return url;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t flags = data[0];
    const std::string rest(fuzz::as_text(data + 1, size - 1));
    std::string base, name;
    if (flags & 1) {
        const size_t nul = rest.find('\0');
        base = rest.substr(0, nul);
        name = nul == std::string::npos ? "" : rest.substr(nul + 1);
    } else {
        base = configured_base(flags);
        name = rest;
    }

    std::string url;
    try {
        url = feed::resolve_url(base, name);
    } catch (const std::exception& e) {
        fuzz::require(false, "resolve_url() threw", e.what());
    }
    if (url.empty()) return 0;

    fuzz::require(url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0,
                  "resolve_url() gives a URL that is not http or https", url);
    for (const char c : url) {
        const auto b = static_cast<unsigned char>(c);
        fuzz::require(b > 0x20 && b != 0x7F, "resolve_url() gives a URL with a space or a control",
                      url);
    }
    const auto from = parts_of(base), to = parts_of(url);
    fuzz::require(from.has_value(), "resolve_url() resolves against a base curl cannot read", base);
    fuzz::require(to.has_value(), "resolve_url() gives a URL curl cannot read", url);
    fuzz::require(to->scheme == from->scheme, "a name changed the scheme", url);
    fuzz::require(to->user == from->user && to->password == from->password,
                  "a name brought in or changed userinfo", url);
    fuzz::require(to->host == from->host && to->port == from->port,
                  "a name reached another host or port", url);
    return 0;
}
