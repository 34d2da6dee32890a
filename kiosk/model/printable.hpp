#pragma once
// Text from outside (a file, a feed, a header, a URL) as it may appear in a message or a log
// line: control characters, terminal escapes, bidirectional overrides and broken UTF-8 are
// written as visible escapes, and the length is capped. No input can then forge a log line,
// move a terminal's cursor or flood the journal.

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk::model {

// At most `max_chars` code points of `text`, then "…"; "\n" stands for a newline, "\x1b" for
// ESC, "\u{202e}" for a bidi override.
std::string printable(std::string_view text, size_t max_chars = 80);

// True when `text` is what printable() leaves as it is: well-formed UTF-8 without any of the
// code points it escapes (control characters, bidi controls, line and paragraph separators, the
// byte-order mark), so it can be shown or logged as one line.
bool is_one_clean_line(std::string_view text);

}  // namespace kiosk::model
