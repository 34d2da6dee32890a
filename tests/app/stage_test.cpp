// The Stage's frames drawn for real through SDL's software renderer and read back, judged as a
// person watching the screen would: a crossfade mixes the two slides pixel by pixel, the band
// stays where it stands through a fade, and frames that redraw only what changed show exactly
// what a frame drawn whole shows.

#include "kiosk/app/stage.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include "support/fonts.hpp"
#include "support/offscreen.hpp"

using namespace kiosk;

namespace {

constexpr int kW = 1280, kH = 720;

app::Sources two_slides() {
    app::Sources s;
    s.deck.slides.clear();
    for (const auto& [id, vi, en] :
         {std::tuple{"a", "Việt Nam ký đầu tiên", "Viet Nam signed first"},
          std::tuple{"b", "Công ước Hà Nội có hiệu lực khi 40 nước phê chuẩn",
                     "In force once 40 states have ratified it"}}) {
        model::Slide slide;
        slide.id = id;
        slide.layout = model::Layout::Text;
        slide.vi = model::SlideText{vi, "Lễ mở ký, Hà Nội, 25–26/10/2025", ""};
        slide.en = model::SlideText{en, "Signing ceremony, Hanoi, 25–26 October 2025", ""};
        s.deck.slides.push_back(slide);
    }
    s.deck_is_builtin = false;
    return s;
}

app::Player::Frame frame(size_t current, std::optional<size_t> previous = {}, float progress = 1) {
    app::Player::Frame f;
    f.current = current;
    f.previous = previous;
    f.progress = progress;
    feed::CounterState counter;
    counter.value = 72;
    counter.label = {"quốc gia đã ký", "states have signed"};
    f.counter = counter;
    f.counter_value = 72;
    f.band = true;
    return f;
}

struct Rig {
    std::unique_ptr<render::Screen> screen = test::offscreen_screen(kW, kH);
    app::Sources sources = two_slides();
    render::PictureLoader pictures;
    app::Stage stage{*screen, test::bundled_fonts(), sources, pictures};

    std::vector<Uint32> show(const app::Player::Frame& f) {
        stage.draw(f);
        auto pixels = screen->read_pixels();
        screen->present();
        return pixels;
    }
};

// Pixels that differ (comparing the vectors whole would print a million of them on failure).
size_t differing(const std::vector<Uint32>& a, const std::vector<Uint32>& b) {
    if (a.size() != b.size()) return std::max(a.size(), b.size());
    size_t n = 0;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) {
            if (!n)
                UNSCOPED_INFO("first at " << i % kW << "," << i / kW << ": " << std::hex << a[i]
                                          << " vs " << b[i]);
            ++n;
        }
    return n;
}

int channel(Uint32 p, int shift) {
    return static_cast<int>((p >> shift) & 0xFF);
}

}  // namespace

TEST_CASE("a crossfade halfway is halfway between the two slides, pixel by pixel", "[stage]") {
    const auto a = Rig().show(frame(0));
    const auto b = Rig().show(frame(1));
    const auto half = Rig().show(frame(1, 0, 0.5f));
    REQUIRE(a.size() == half.size());
    const Uint32 ground = b[static_cast<size_t>(kW) * 200 + 5];
    int old_text_on_new_ground = 0;
    for (size_t i = 0; i < half.size(); ++i) {
        for (int shift : {0, 8, 16}) {
            const int expect = (channel(a[i], shift) + channel(b[i], shift) + 1) / 2;
            INFO("pixel " << i % kW << "," << i / kW);
            REQUIRE(std::abs(channel(half[i], shift) - expect) <= 2);
        }
        // Solid old text where the new slide is bare ground: the very case of a crossfade.
        old_text_on_new_ground += b[i] == ground && a[i] == 0xFFFFFFFFu;
    }
    CHECK(old_text_on_new_ground > 1000);
}

TEST_CASE("frames that redraw only what changed show what a frame drawn whole shows", "[stage]") {
    Rig running;
    running.show(frame(0));
    std::vector<Uint32> last;
    for (float p : {0.0f, 0.1f, 0.3f, 0.5f, 0.7f, 0.9f}) {
        last = running.show(frame(1, 0, p));
        const auto whole = Rig().show(frame(1, 0, p));
        INFO("progress " << p);
        CHECK(differing(last, whole) == 0);
    }
    // The band stands through the fade exactly as over either slide.
    const auto still = Rig().show(frame(0));
    const size_t band_rows = static_cast<size_t>(kH - 90) * kW;
    CHECK(std::equal(last.begin() + band_rows, last.end(), still.begin() + band_rows));
    // And the fade ends on exactly the new slide.
    CHECK(differing(running.show(frame(1)), Rig().show(frame(1))) == 0);
    // A count-up redraws the band alone, and the picture is the same as drawn whole.
    auto counting = frame(1);
    counting.counter_value = 70;
    CHECK(differing(running.show(counting), Rig().show(counting)) == 0);
}
