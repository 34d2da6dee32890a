#include "kiosk/scene/slide_scene.hpp"

#include <catch2/catch.hpp>

#include "kiosk/scene/geometry.hpp"
#include "support/fonts.hpp"

using namespace kiosk;

namespace {

model::Slide slide_with(model::Layout layout, std::string title, std::string body) {
    model::Slide slide;
    slide.id = "test";
    slide.layout = layout;
    slide.vi = model::SlideText{title, body, "Người nói"};
    slide.en = model::SlideText{title, body, "Speaker"};
    return slide;
}

float min_size(const scene::DisplayList& list) {
    float smallest = 1e9f;
    for (const auto& item : list.texts) smallest = std::min(smallest, item.block.size_px);
    return smallest;
}

}  // namespace

TEST_CASE("the layout scales with the screen", "[scene]") {
    const auto slide = slide_with(model::Layout::Text, "Hà Nội", "Công ước");
    const auto small = scene::compose_slide(slide, {}, test::bundled_fonts(), 1280, 720);
    const auto large = scene::compose_slide(slide, {}, test::bundled_fonts(), 3840, 2160);
    REQUIRE(small.texts.size() == large.texts.size());
    for (size_t i = 0; i < small.texts.size(); ++i)
        CHECK(large.texts[i].block.size_px == Approx(3 * small.texts[i].block.size_px).margin(3));
}

TEST_CASE("Vietnamese stands above English", "[scene]") {
    const auto list = scene::compose_slide(slide_with(model::Layout::Text, "Tiêu đề", "Nội dung"),
                                           {}, test::bundled_fonts(), 1920, 1080);
    float vi_bottom = 0, en_top = 1e9f;
    for (const auto& item : list.texts) {
        if (item.role.rfind("vi.", 0) == 0) vi_bottom = std::max(vi_bottom, item.bounds().bottom());
        if (item.role.rfind("en.", 0) == 0) en_top = std::min(en_top, item.y);
    }
    CHECK(vi_bottom < en_top);
}

TEST_CASE("a slide too long for the screen is cut - said - and stays inside", "[scene]") {
    std::string body;
    for (int i = 0; i < 60; ++i) body += "Công ước Hà Nội về chống tội phạm mạng. ";
    const auto list = scene::compose_slide(slide_with(model::Layout::Text, "Dài", body), {},
                                           test::bundled_fonts(), 1920, 1080);
    REQUIRE(list.problems.size() == 2);  // one a language
    CHECK(list.problems[0] == "slide \"test\": vi body is too long and is cut at 1920x1080");
    const auto g = scene::compute_geometry({}, test::bundled_fonts(), 1920, 1080);
    for (const auto& item : list.texts) CHECK(g.content.contains(item.bounds()));
    CHECK(min_size(list) >= g.min_text);
}

TEST_CASE("each layout kind places its parts", "[scene]") {
    for (auto layout :
         {model::Layout::Title, model::Layout::Text, model::Layout::Facts, model::Layout::Quote}) {
        const auto list = scene::compose_slide(slide_with(layout, "Tiêu đề", "Một\n\nHai"), {},
                                               test::bundled_fonts(), 1920, 1080);
        std::vector<std::string> roles;
        for (const auto& item : list.texts) roles.push_back(item.role);
        INFO(static_cast<int>(layout));
        CHECK(std::count(roles.begin(), roles.end(), "vi.title") == 1);
        if (layout == model::Layout::Quote) {
            CHECK(std::count(roles.begin(), roles.end(), "en.quote") == 1);
            CHECK(std::count(roles.begin(), roles.end(), "en.attribution") == 1);
        } else {
            CHECK(std::count(roles.begin(), roles.end(), "en.body") == 1);
        }
        // Facts get one marker an item in each language, plus the rule between languages.
        if (layout == model::Layout::Facts) CHECK(list.fills.size() == 5);
    }
}

TEST_CASE("a one-language slide uses the whole area", "[scene]") {
    model::Slide slide;
    slide.id = "en-only";
    slide.en = model::SlideText{"Only English", "Body", ""};
    const auto list = scene::compose_slide(slide, {}, test::bundled_fonts(), 1920, 1080);
    for (const auto& item : list.texts) CHECK(item.role.rfind("en.", 0) == 0);
    CHECK(list.fills.empty());  // no rule between languages
}

namespace {

feed::CounterState counter_state(feed::Freshness freshness) {
    feed::CounterState s;
    s.value = 2513;
    s.freshness = freshness;
    s.label = {"quốc gia đã ký", "states have signed"};
    s.target = model::CounterContent::Target{
        40, {"nước phê chuẩn để có hiệu lực", "ratifications for entry into force"}};
    return s;
}

const scene::TextItem* find(const scene::DisplayList& list, const std::string& role) {
    for (const auto& item : list.texts)
        if (item.role == role) return &item;
    return nullptr;
}

std::string text_of(const scene::DisplayList& list, const std::string& role) {
    const auto* item = find(list, role);
    if (!item) return "(none)";
    std::string out;
    for (const auto& line : item->block.lines) out += (out.empty() ? "" : " ") + line.text;
    return out;
}

}  // namespace

TEST_CASE(
    "a counter slide shows the number as each language writes it - with label - freshness and "
    "target",
    "[scene]") {
    const auto state = counter_state(feed::Freshness::Live);
    const auto list =
        scene::compose_slide(slide_with(model::Layout::Counter, "Công ước Hà Nội", ""), {},
                             test::bundled_fonts(), 1920, 1080, {&state, 2513});
    CHECK(text_of(list, "vi.number") == "2.513");
    CHECK(text_of(list, "en.number") == "2,513");
    CHECK(text_of(list, "vi.label") == "quốc gia đã ký");
    CHECK(text_of(list, "en.freshness") == "live");
    CHECK(text_of(list, "vi.freshness") == "trực tiếp");
    CHECK(text_of(list, "en.target") == "40 ratifications for entry into force");
    // During a count-up the slide shows the number on screen, not the one it is heading for.
    const auto counting = scene::compose_slide(slide_with(model::Layout::Counter, "Hà Nội", ""), {},
                                               test::bundled_fonts(), 1920, 1080, {&state, 2400});
    CHECK(text_of(counting, "en.number") == "2,400");
}

TEST_CASE("side by side the counter's lines stand level even when one title wraps", "[scene]") {
    auto slide = slide_with(model::Layout::Counter, "Hà Nội", "");
    slide.vi->title = "Số quốc gia đã ký Công ước Hà Nội";
    const auto state = counter_state(feed::Freshness::Bundled);
    const auto list =
        scene::compose_slide(slide, {}, test::bundled_fonts(), 1920, 1080, {&state, 72});
    REQUIRE(find(list, "vi.number"));
    REQUIRE(find(list, "en.number"));
    CHECK(find(list, "vi.title")->block.lines.size() > find(list, "en.title")->block.lines.size());
    CHECK(find(list, "vi.number")->y == find(list, "en.number")->y);
    CHECK(find(list, "vi.number")->x < find(list, "en.number")->x);  // side by side
}

TEST_CASE("a counter slide too full for its screen leaves lines out and says so", "[scene]") {
    auto slide = slide_with(model::Layout::Counter, "Hà Nội", "");
    slide.vi->title =
        "Số quốc gia đã ký Công ước Liên hợp quốc về chống tội phạm mạng, mở ký tại Hà Nội";
    slide.vi->title += " " + slide.vi->title + " " + slide.vi->title;
    const auto state = counter_state(feed::Freshness::Stale);
    for (const auto& [w, h] : {std::pair{1280, 720}, std::pair{1920, 1080}}) {
        INFO(w << "x" << h);
        const auto list =
            scene::compose_slide(slide, {}, test::bundled_fonts(), w, h, {&state, 2513});
        // A counter slide hides the band and takes its room.
        const auto geometry = scene::compute_geometry({}, test::bundled_fonts(), w, h, false);
        for (const auto& item : list.texts) {
            INFO(item.role);
            CHECK(geometry.content.contains(item.bounds()));
        }
        CHECK(find(list, "vi.number"));
        CHECK_FALSE(list.problems.empty());
    }
}

TEST_CASE("without a counter a counter slide shows its title alone", "[scene]") {
    const auto list = scene::compose_slide(slide_with(model::Layout::Counter, "Hà Nội", ""), {},
                                           test::bundled_fonts(), 1920, 1080);
    CHECK(text_of(list, "vi.title") == "Hà Nội");
    CHECK_FALSE(find(list, "vi.number"));
}

TEST_CASE("a long title stays as large as its body while the slide has room", "[scene]") {
    auto slide = slide_with(model::Layout::Text, "", "Hà Nội, 25–26/10/2025");
    slide.vi->title =
        "Lễ mở ký Công ước Liên hợp quốc về chống tội phạm mạng và Hội nghị cấp cao, với hơn "
        "2.500 đại biểu từ 119 quốc gia và vùng lãnh thổ, tại Hà Nội";
    const auto list = scene::compose_slide(slide, {}, test::bundled_fonts(), 1920, 1080);
    const auto* title = find(list, "vi.title");
    const auto* body = find(list, "vi.body");
    REQUIRE(title);
    REQUIRE(body);
    CHECK(title->block.lines.size() >= 3);
    CHECK(title->block.size_px >= body->block.size_px);
    CHECK(list.problems.empty());
    const auto g = scene::compute_geometry({}, test::bundled_fonts(), 1920, 1080);
    for (const auto& item : list.texts) CHECK(g.content.contains(item.bounds()));
}

TEST_CASE("a word too long for any line is said, once it had to be cut", "[scene]") {
    std::string word;
    while (word.size() < 160) word += "Cybercrime";
    const auto list = scene::compose_slide(slide_with(model::Layout::Text, "Dài", word), {},
                                           test::bundled_fonts(), 1280, 720);
    REQUIRE_FALSE(list.problems.empty());
    CHECK(list.problems[0] ==
          "slide \"test\": vi body has a word too long for its line, cut mid-word at 1280x720");
}

namespace {

struct Extent {
    float top = 1e9f, bottom = 0;
};

Extent extent(const scene::DisplayList& list, const std::string& prefix = "") {
    Extent e;
    for (const auto& item : list.texts) {
        if (item.role.rfind(prefix, 0) != 0) continue;
        e.top = std::min(e.top, item.y);
        e.bottom = std::max(e.bottom, item.bounds().bottom());
    }
    return e;
}

const std::string kFirst =
    "Bộ trưởng Bộ Công an Lương Tam Quang ký Công ước thay mặt Việt Nam, quốc gia đầu tiên ký.";

}  // namespace

TEST_CASE("a one-language slide has the rhythm of two - centred in the whole area", "[scene]") {
    const auto& fonts = test::bundled_fonts();
    const auto g = scene::compute_geometry({}, fonts, 1920, 1080);
    auto both = slide_with(model::Layout::Text, "Việt Nam ký đầu tiên", kFirst);
    auto alone = both;
    alone.en.reset();
    const auto two = scene::compose_slide(both, {}, fonts, 1920, 1080);
    const auto one = scene::compose_slide(alone, {}, fonts, 1920, 1080);
    // The same sizes, not a bigger half.
    for (const std::string role : {"vi.title", "vi.body"}) {
        INFO(role);
        REQUIRE(find(one, role));
        CHECK(find(one, role)->block.size_px == find(two, role)->block.size_px);
    }
    const Extent e = extent(one);
    CHECK(e.top - g.content.y == Approx(g.content.bottom() - e.bottom).margin(1));

    // A body two languages would have to shrink keeps the body size alone: it has the whole
    // area, not a half of it.
    std::string body;
    for (int i = 0; i < 5; ++i) body += kFirst + " ";
    auto long_both = slide_with(model::Layout::Text, "Việt Nam ký đầu tiên", body);
    auto long_alone = long_both;
    long_alone.en.reset();
    const auto shrunk = scene::compose_slide(long_both, {}, fonts, 1920, 1080);
    const auto roomy = scene::compose_slide(long_alone, {}, fonts, 1920, 1080);
    CHECK(find(shrunk, "vi.body")->block.size_px < g.type.body());
    CHECK(find(roomy, "vi.body")->block.size_px == g.type.body());
    CHECK(roomy.problems.empty());
}

TEST_CASE("each language's block takes its real height - the rule centred between them",
          "[scene]") {
    // A long Vietnamese text over a short English one: the rule follows the text, whatever the
    // share each takes.
    auto slide = slide_with(model::Layout::Text, "Việt Nam ký đầu tiên", kFirst + " " + kFirst);
    slide.en = model::SlideText{"Viet Nam signed first", "The first state to sign.", ""};
    for (const auto& [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
        INFO(w << "x" << h);
        const auto list = scene::compose_slide(slide, {}, test::bundled_fonts(), w, h);
        const Extent vi = extent(list, "vi."), en = extent(list, "en.");
        REQUIRE(list.fills.size() == 1);
        const auto& rule = list.fills[0].rect;
        CHECK(rule.y + rule.h / 2 == Approx((vi.bottom + en.top) / 2).margin(1));
        // The gap is the same whatever the texts: it belongs to neither.
        const auto short_list = scene::compose_slide(slide_with(model::Layout::Text, "A", "B"), {},
                                                     test::bundled_fonts(), w, h);
        CHECK(en.top - vi.bottom ==
              Approx(extent(short_list, "en.").top - extent(short_list, "vi.").bottom).margin(0.5));
    }
}

TEST_CASE("too much for the screen shrinks both languages together - down the scale", "[scene]") {
    std::string body;
    for (int i = 0; i < 7; ++i) body += kFirst + " ";
    auto slide = slide_with(model::Layout::Text, "Việt Nam ký đầu tiên", body);
    slide.en->body = "The first state to sign.";  // English needs no shrinking of its own
    const auto g = scene::compute_geometry({}, test::bundled_fonts(), 1080, 1920);
    const auto list = scene::compose_slide(slide, {}, test::bundled_fonts(), 1080, 1920);
    const float vi = find(list, "vi.body")->block.size_px;
    CHECK(vi < g.type.body());
    CHECK(find(list, "en.body")->block.size_px == vi);
    CHECK(find(list, "en.title")->block.size_px == find(list, "vi.title")->block.size_px);
    for (const auto& item : list.texts) {
        INFO(item.role);
        CHECK(g.content.contains(item.bounds()));
        bool on_scale = false;
        for (int step = scene::kDisplay; step >= -2; --step)
            on_scale = on_scale || g.type.size(step) == item.block.size_px;
        CHECK(on_scale);
    }
}

TEST_CASE("a title larger than its body shrinks a step rather than break inside a name",
          "[scene]") {
    // "The Hanoi Convention" is too wide for a portrait line at the title step: any break would
    // part the name, so the title takes the next step down and stays whole.
    const auto slide = slide_with(model::Layout::Title, "The Hanoi Convention", "Hà Nội");
    const auto g = scene::compute_geometry({}, test::bundled_fonts(), 1080, 1920);
    const auto list = scene::compose_slide(slide, {}, test::bundled_fonts(), 1080, 1920);
    const auto* title = find(list, "en.title");
    REQUIRE(title);
    CHECK(title->block.lines.size() == 1);
    CHECK(title->block.size_px == g.type.size(scene::kHeading));
    // On a wide screen it keeps the largest step.
    const auto wide = scene::compose_slide(slide, {}, test::bundled_fonts(), 1920, 1080);
    CHECK(find(wide, "en.title")->block.size_px == g.type.size(scene::kDisplay));
}
