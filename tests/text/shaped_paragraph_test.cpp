#include "kiosk/text/shaped_paragraph.hpp"

#include <catch2/catch.hpp>

#include "paragraphs.hpp"

using namespace kiosk::text;

using kiosk::test::shaped;

TEST_CASE("widths add up: a slice is one subtraction", "[shaped_paragraph]") {
    const ShapedParagraph p = shaped("Hà Nội");
    const ShapedParagraph ha = shaped("Hà");
    const ShapedParagraph noi = shaped("Nội");
    const size_t space = std::string("Hà").size();
    CHECK(p.x(space) == Approx(ha.x(ha.text().size())));
    CHECK(p.x(p.text().size()) - p.x(space + 1) == Approx(noi.x(noi.text().size())));
}

TEST_CASE("break points run from the start to the end, measured", "[shaped_paragraph]") {
    const ShapedParagraph p = shaped("Việt Nam ký đầu tiên  ");
    const auto& points = p.points();
    REQUIRE(points.size() == 6);  // start, four spaces, end
    CHECK(points.front().at == 0);
    CHECK(points.back().at == p.text().size());
    CHECK(points.back().line_end == std::string("Việt Nam ký đầu tiên").size());
    CHECK(points[1].penalty > 0);  // "Việt" / "Nam"
    for (size_t i = 1; i < points.size(); ++i) {
        CHECK(points[i].start_x >= points[i - 1].start_x);
        CHECK(points[i].end_x <= points[i].start_x);
    }
}

TEST_CASE("a long word offers cuts only between graphemes", "[shaped_paragraph]") {
    const ShapedParagraph p = shaped("ViệtNam");
    std::vector<size_t> at;
    for (const auto& c : p.cut_points(0, p.text().size())) {
        CHECK(c.cut);
        at.push_back(c.at);
    }
    // V, i, ệ, t, N, a, m: six places between seven letters.
    CHECK(at.size() == 6);
}
