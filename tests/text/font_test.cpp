#include "kiosk/text/font.hpp"

#include <catch2/catch.hpp>
#include <optional>
#include <thread>

#include "kiosk/text/layout.hpp"
#include "kiosk/text/rasterizer.hpp"
#include "support/fonts.hpp"
#include "support/temp_dir.hpp"

using namespace kiosk::text;

namespace {

const std::filesystem::path kFonts = KIOSK_SOURCE_DIR "/fonts";

std::uint32_t glyph_of(const Font& font, char32_t c) {
    TextStyle style;
    style.font = &font;
    const auto block = layout_paragraphs({std::string(1, static_cast<char>(c))}, style, 40, 1000);
    return block.lines.at(0).glyphs.at(0).id;
}

}  // namespace

TEST_CASE("a font's glyph cache fills to its limit and stays there", "[font]") {
    const Font font(kFonts / "NotoSans-Regular.ttf", 0, 64);
    const std::uint32_t h = glyph_of(font, 'H');
    const auto first = font.glyph(h, 20 * 64, 0);
    REQUIRE(first->width > 0);
    // 300 different images: the same glyph at 75 sizes, each at 4 pen phases.
    for (int size = 21; size < 96; ++size)
        for (int phase = 0; phase < Font::kPhases; ++phase) {
            font.glyph(h, size * 64, phase);
            REQUIRE(font.cached_glyphs() <= 64);
        }
    CHECK(font.cached_glyphs() == 64);
    // The first image was let go and is made anew, identical; the last one is still kept.
    const auto again = font.glyph(h, 20 * 64, 0);
    CHECK(again != first);
    CHECK(again->alpha == first->alpha);
    const auto last = font.glyph(h, 95 * 64, 3);
    CHECK(font.glyph(h, 95 * 64, 3) == last);
    CHECK(font.cached_glyphs() == 64);
}

TEST_CASE("a font loaded where another was never shows the other's images", "[font]") {
    std::optional<Font> slot;
    slot.emplace(kFonts / "NotoSans-Regular.ttf");
    const Font* regular_at = &*slot;
    const std::uint32_t id = glyph_of(*slot, 'H');
    const auto regular = slot->glyph(id, 48 * 64, 0);
    slot.reset();
    slot.emplace(kFonts / "NotoSans-Bold.ttf");
    REQUIRE(&*slot == regular_at);  // the very same address
    CHECK(slot->cached_glyphs() == 0);
    const auto bold = slot->glyph(id, 48 * 64, 0);
    REQUIRE(bold->width > 0);
    // Bold strokes are wider: more ink, not the regular's picture.
    long regular_ink = 0, bold_ink = 0;
    for (auto a : regular->alpha) regular_ink += a;
    for (auto a : bold->alpha) bold_ink += a;
    CHECK(bold_ink > regular_ink * 1.2);
}

TEST_CASE("a file that is no font is refused by name", "[font]") {
    kiosk::test::TempDir dir;
    const auto file = dir.write("not-a-font.ttf", "hello");
    CHECK_THROWS_WITH(Font(file), Catch::Contains("not-a-font.ttf"));
    CHECK_THROWS_WITH(Font(kFonts / "missing.ttf"), Catch::Contains("missing.ttf"));
}

TEST_CASE("two threads lay out and draw with one font at once", "[font]") {
    const Font font(kFonts / "NotoSans-Regular.ttf", 0, 32);  // small: threads evict each other
    TextStyle style;
    style.font = &font;
    style.language = "vi";
    const std::vector<std::string> text{"Công ước Hà Nội về chống tội phạm mạng 0123456789"};
    const Coverage expected = rasterize(layout_paragraphs(text, style, 40, 5000));
    bool same[2] = {true, true};
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 20; ++i) {
                const float size = 30 + static_cast<float>((i + t) % 5);
                rasterize(layout_paragraphs(text, style, size, 5000));
                same[t] =
                    same[t] && rasterize(layout_paragraphs(text, style, 40, 5000)) == expected;
            }
        });
    for (auto& thread : threads) thread.join();
    CHECK(same[0]);
    CHECK(same[1]);
}
