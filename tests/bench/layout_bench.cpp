// kiosk-layout-bench: how layout time grows with the text. Prints a table; passes or fails
// nothing. Each figure is the mean of as many runs as fit in about 0.2 s (at least one).
//
//   title     a balanced bold title fitted into a 1080p title box (1728 x 480, 112 px down to 40)
//   body      a body fitted into a 1080p text box (1728 x 620, 52 px down to 40)
//   word      one word of that many words' letters and no space, fitted like a body
//   slides    every bundled slide composed whole, at 1920x1080 and at 3840x2160
//
// A size whose run takes over 3 s is the last of its row: the next would only take longer.

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "kiosk/model/deck.hpp"
#include "kiosk/scene/slide_scene.hpp"
#include "kiosk/text/layout.hpp"
#include "support/fonts.hpp"

using namespace kiosk;
using Clock = std::chrono::steady_clock;

namespace {

template <typename F>
double mean_ms(F&& work) {
    int runs = 0;
    const auto start = Clock::now();
    double elapsed = 0;
    do {
        work();
        ++runs;
        elapsed = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    } while (elapsed < 200);
    return elapsed / runs;
}

// Words of the bundled story, repeated: realistic lengths, marks and numbers.
std::string words(int count, const char* separator) {
    static const std::vector<std::string> pool = {
        "Công", "ước",  "Liên", "hợp",   "quốc",       "về",  "chống", "tội",
        "phạm", "mạng", "được", "mở",    "ký",         "tại", "Hà",    "Nội",
        "năm",  "2025", "the",  "first", "Convention", "72",  "states"};
    std::string out;
    for (int i = 0; i < count; ++i) {
        if (i > 0) out += separator;
        out += pool[static_cast<size_t>(i) % pool.size()];
    }
    return out;
}

text::TextStyle style(const text::Font* font, float size, bool balance) {
    text::TextStyle s;
    s.font = font;
    s.size_px = size;
    s.min_size_px = 40;
    s.balance = balance;
    s.language = "vi";
    return s;
}

}  // namespace

int main() {
    const auto& fonts = test::bundled_fonts();
    const int counts[] = {10, 100, 400, 1600, 3200, 12800};
    std::printf("kiosk-layout-bench: mean ms per layout\n\n%-8s", "words");
    for (int n : counts) std::printf("%10d", n);
    std::printf("\n");
    struct Row {
        const char* name;
        const text::Font* font;
        float size, height;
        bool balance;
        const char* separator;
    };
    const Row rows[] = {{"title", fonts.bold.get(), 112, 480, true, " "},
                        {"body", fonts.regular.get(), 52, 620, false, " "},
                        {"word", fonts.regular.get(), 52, 620, false, ""}};
    for (const auto& row : rows) {
        std::printf("%-8s", row.name);
        bool slow = false;
        for (int n : counts) {
            if (slow) {
                std::printf("%10s", "-");
                continue;
            }
            const std::vector<std::string> text{words(n, row.separator)};
            const auto s = style(row.font, row.size, row.balance);
            const double ms = mean_ms([&] { text::fit_paragraphs(text, s, 1728, row.height); });
            std::printf("%10.2f", ms);
            std::fflush(stdout);
            slow = ms > 3000;
        }
        std::printf("\n");
    }

    model::Diagnostics diagnostics;
    const auto deck = model::parse_deck(KIOSK_SOURCE_DIR "/content/slides.json", diagnostics);
    if (!deck) return 1;
    std::printf("\n%-20s %10s %10s\n", "slide", "1920x1080", "3840x2160");
    for (const auto& slide : deck->slides) {
        std::printf("%-20s", slide.id.c_str());
        for (auto [w, h] : {std::pair{1920, 1080}, std::pair{3840, 2160}})
            std::printf(" %10.2f", mean_ms([&] { scene::compose_slide(slide, {}, fonts, w, h); }));
        std::printf("\n");
    }
    return 0;
}
