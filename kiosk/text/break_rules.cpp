#include "kiosk/text/break_rules.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>

#include "kiosk/text/unicode.hpp"
#include "kiosk/text/vi_compounds.hpp"

namespace kiosk::text {

namespace {

UChar32 first_code_point(std::string_view s) {
    if (s.empty()) return 0;
    size_t i = 0;
    UChar32 c = 0;
    U8_NEXT_OR_FFFD(s.data(), i, s.size(), c);
    return c;
}

UChar32 last_code_point(std::string_view s) {
    if (s.empty()) return 0;
    int32_t i = static_cast<int32_t>(s.size());
    UChar32 c = 0;
    U8_PREV_OR_FFFD(s.data(), 0, i, c);
    return c;
}

bool opening(UChar32 c) {
    const auto type = u_charType(c);
    return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION || c == '"' || c == '\'';
}

// A word without the brackets and quotation marks that open it, or the punctuation that ends it.
std::string_view strip_opening(std::string_view s) {
    while (!s.empty() && opening(first_code_point(s)))
        s.remove_prefix(U8_LENGTH(first_code_point(s)));
    return s;
}

std::string_view strip_closing(std::string_view s) {
    while (!s.empty() && u_ispunct(last_code_point(s)))
        s.remove_suffix(U8_LENGTH(last_code_point(s)));
    return s;
}

bool capitalised(std::string_view word) {
    const UChar32 c = first_code_point(word);
    return u_isupper(c) || u_istitle(c);
}

bool number(std::string_view word) {
    return u_isdigit(first_code_point(strip_opening(word))) && u_isdigit(last_code_point(word));
}

// Simple case folding a code point at a time: Vietnamese and English need none of the
// language-specific rules, and this is many times faster than a full case mapping.
std::string lower(std::string_view word) {
    std::string out;
    out.reserve(word.size());
    for (size_t i = 0; i < word.size();) {
        UChar32 c = 0;
        U8_NEXT_OR_FFFD(word.data(), i, word.size(), c);
        c = u_tolower(c);
        char bytes[U8_MAX_LENGTH];
        int32_t n = 0;
        U8_APPEND_UNSAFE(bytes, n, c);
        out.append(bytes, static_cast<size_t>(n));
    }
    return out;
}

// Words after which a number is part of a date: "December 2024", "tháng 12", "năm 2025".
bool date_word(const std::string& lowered) {
    static const char* const kWords[] = {
        "january", "february", "march",    "april", "may", "june", "july",  "august", "september",
        "october", "november", "december", "jan",   "feb", "mar",  "apr",   "jun",    "jul",
        "aug",     "sep",      "sept",     "oct",   "nov", "dec",  "tháng", "năm",    "ngày"};
    return std::any_of(std::begin(kWords), std::end(kWords),
                       [&](const char* w) { return lowered == w; });
}

// What a break between `before` and `after` (words either side of one space) costs.
float keep_together(std::string_view before, std::string_view after) {
    if (before.empty() || after.empty()) return 0;
    float cost = 0;
    const bool closed = u_ispunct(last_code_point(before));  // "Nội," "2024)." end a phrase
    if (number(before) && u_isalpha(first_code_point(after))) cost = BreakPenalties::kNumber;
    const std::string word = lower(strip_opening(before));
    if (!closed && date_word(word) && u_isdigit(first_code_point(after)))
        cost = std::max(cost, BreakPenalties::kDate);
    if (!closed && capitalised(strip_opening(before)) && capitalised(after))
        cost = std::max(cost, BreakPenalties::kName);
    if (!closed && is_vietnamese_compound(word, lower(strip_closing(after))))
        cost = std::max(cost, BreakPenalties::kCompound);
    return cost;
}

struct Quotation {
    size_t begin, end;
};

// Quotations, paired the way they open and close: “…”, «…», „…“ and straight "…".
std::vector<Quotation> quotations(std::string_view text) {
    std::vector<Quotation> out;
    std::vector<std::pair<size_t, UChar32>> open;
    for (size_t i = 0; i < text.size();) {
        const size_t at = i;
        UChar32 c = 0;
        U8_NEXT_OR_FFFD(text.data(), i, text.size(), c);
        const bool straight = c == '"';
        if (c == 0x201C || c == 0x00AB || c == 0x201E ||
            (straight && (open.empty() || open.back().second != '"'))) {
            open.emplace_back(at, c);
        } else if (!open.empty() && (c == 0x201D || c == 0x00BB ||
                                     (c == 0x201C && open.back().second == 0x201E) || straight)) {
            out.push_back({open.back().first, i});
            open.pop_back();
        }
    }
    // Outer quotations first, so an inner one, applied later, wins where both hold.
    std::sort(out.begin(), out.end(), [](const Quotation& a, const Quotation& b) {
        return a.end - a.begin > b.end - b.begin;
    });
    return out;
}

}  // namespace

std::vector<BreakOpportunity> break_opportunities(std::string_view text) {
    std::vector<BreakOpportunity> out;
    const std::vector<size_t> at = line_break_opportunities(text);
    out.reserve(at.size());
    const auto trimmed = [&](size_t from, size_t to) {
        while (to > from && text[to - 1] == ' ') --to;
        return to;
    };
    for (size_t k = 0; k < at.size(); ++k) {
        BreakOpportunity b;
        b.at = at[k];
        const size_t previous = k == 0 ? 0 : at[k - 1];
        b.line_end = trimmed(previous, b.at);
        b.space = b.line_end < b.at;
        if (b.space) {
            const size_t next = k + 1 < at.size() ? at[k + 1] : text.size();
            b.penalty = keep_together(text.substr(previous, b.line_end - previous),
                                      text.substr(b.at, trimmed(b.at, next) - b.at));
        } else {
            b.penalty = BreakPenalties::kAfterHyphen;
        }
        out.push_back(b);
    }
    for (const auto& q : quotations(text)) {
        auto it =
            std::upper_bound(out.begin(), out.end(), q.begin,
                             [](size_t pos, const BreakOpportunity& b) { return pos < b.at; });
        for (; it != out.end() && it->at < q.end; ++it) {
            it->quote_penalty = BreakPenalties::kQuote;
            it->quote_begin = q.begin;
            it->quote_end = q.end;
        }
    }
    return out;
}

}  // namespace kiosk::text
