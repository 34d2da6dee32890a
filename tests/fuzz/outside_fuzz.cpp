// Fuzz target: text from outside on its way into a log line, through printable() and
// redacted_url(). The first byte of the input picks printable's cap (and, for the URL built
// below, its scheme and whether it has userinfo); the rest is the text.
//
// printable(): the result is one clean line; at most `cap` characters of the text are shown,
// and "…" follows exactly when there were more; clean text without a backslash comes through
// unchanged. redacted_url(): the result is one clean line of bounded length; and in a URL made
// of the input's pieces (host, path and query keys, split at NUL bytes) around userinfo and
// query values holding a marker, the marker never survives.

#include <string>
#include <vector>

#include "fuzz/fuzz_support.hpp"
#include "kiosk/feed/url_text.hpp"
#include "kiosk/model/printable.hpp"
#include "kiosk/model/utf8.hpp"

using namespace kiosk;

namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
constexpr size_t kUrlChars = 200;  // redacted_url's cap
// The longest escape one character may become: "\u{feff}".
constexpr size_t kEscapeBytes = 8;

bool ends_with(std::string_view text, std::string_view end) {
    return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// Characters as printable() counts them: a well-formed sequence, or one byte that is not.
size_t characters(std::string_view text) {
    size_t n = 0;
    for (size_t at = 0; at < text.size(); ++n)
        at += std::max<size_t>(1, model::utf8_sequence_length(text, at));
    return n;
}

void check_printable(std::string_view text, size_t cap) {
    const std::string shown = model::printable(text, cap);
    fuzz::require(fuzz::clean_line(shown), "printable() leaves a control character", shown);
    fuzz::require(shown.size() <= cap * kEscapeBytes + kEllipsis.size(),
                  "printable() goes past its cap", shown);
    const size_t n = characters(text);
    if (n > cap) {
        fuzz::require(ends_with(shown, kEllipsis), "printable() cuts without saying so", shown);
    } else if (fuzz::clean_line(text) && text.find('\\') == std::string_view::npos) {
        fuzz::require(shown == text, "printable() changes clean text", shown);
    }
}

// The marker stands where a URL keeps its secrets; no piece of the input can hold its letter.
constexpr char kMarkerLetter = 'Z';
const std::string kSecret = "ZZsecretZZ";

void check_redaction(std::uint8_t flags, std::string_view rest) {
    std::vector<std::string> pieces(1);
    for (const char c : rest) {
        if (c == '\0')
            pieces.emplace_back();
        else if (c != kMarkerLetter)
            pieces.back() += c;
    }
    std::string url = flags & 1 ? "https://" : "http://";
    if (flags & 2) url += kSecret + ":" + kSecret + "@";
    url += pieces[0];
    if (pieces.size() > 1) url += "/" + pieces[1];
    for (size_t k = 2; k < pieces.size(); ++k)
        url += (k == 2 ? "?" : "&") + pieces[k] + "=" + kSecret;
    const std::string shown = feed::redacted_url(url);
    fuzz::require(shown.find(kMarkerLetter) == std::string::npos,
                  "redacted_url() keeps a secret of the URL", url);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t first = data[0];
    const std::string_view text = fuzz::as_text(data + 1, size - 1);
    check_printable(text, first);
    check_printable(text, 80);  // the default, as most messages use it

    const std::string url(text);
    const std::string shown = feed::redacted_url(url);
    fuzz::require(fuzz::clean_line(shown), "redacted_url() leaves a control character", shown);
    fuzz::require(shown.size() <= kUrlChars * kEscapeBytes + kEllipsis.size(),
                  "redacted_url() goes past its cap", shown);
    check_redaction(first, text);

    const std::string print = feed::feed_fingerprint(url, std::string(text.substr(0, first)));
    fuzz::require(
        print.size() == 16 && print.find_first_not_of("0123456789abcdef") == std::string::npos,
        "a feed fingerprint is not 16 hexadecimal digits", print);
    return 0;
}
