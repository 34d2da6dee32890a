#pragma once
// First-fit line breaking, as the kiosk once did: each line takes as many words as fit, and
// the next begins where it stopped. Tests use it to show the mistakes the paragraph breaker
// avoids; it shares the paragraph's break points and widths, so the two differ only in the
// choosing.

#include <string>
#include <vector>

#include "kiosk/text/shaped_paragraph.hpp"

namespace kiosk::test {

inline std::vector<std::string> greedy_lines(const text::ShapedParagraph& p, double width) {
    std::vector<std::string> out;
    const auto& points = p.points();
    size_t start = 0;
    while (start + 1 < points.size()) {
        size_t end = start + 1;  // at least one piece, however wide
        while (end + 1 < points.size() && points[end + 1].end_x - points[start].start_x <= width)
            ++end;
        out.push_back(p.text().substr(points[start].at, points[end].line_end - points[start].at));
        start = end;
    }
    return out;
}

}  // namespace kiosk::test
