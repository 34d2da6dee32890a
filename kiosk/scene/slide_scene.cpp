#include "kiosk/scene/slide_scene.hpp"

#include <algorithm>

#include "kiosk/scene/counter_format.hpp"
#include "kiosk/scene/geometry.hpp"

namespace kiosk::scene {

namespace {

// Preferred sizes in 1080p pixels, before the theme's scale. Fitting may shrink any of them to
// the minimum readable size, never below.
struct Sizes {
    float title, body;
};
constexpr Sizes kTitleSlide{112, 58};
constexpr Sizes kTextSlide{78, 52};
constexpr Sizes kQuoteSlide{66, 46};
constexpr Sizes kCounterSlide{64, 52};
constexpr float kCounterNumber = 200;
constexpr float kCounterNote = 40;
constexpr float kLineGap = 24;  // between the blocks of one language

// Builds one language's half of a slide.
class LanguageComposer {
  public:
    LanguageComposer(DisplayList& out, const model::Theme& theme, const text::FontSet& fonts,
                     const Geometry& g, const std::string& slide_id, model::Language language,
                     float boost, const CounterView& counter)
        : out_(out),
          theme_(theme),
          fonts_(fonts),
          g_(g),
          slide_id_(slide_id),
          prefix_(language == model::Language::Vi ? "vi" : "en"),
          tag_(language == model::Language::Vi ? "vi" : "en"),
          language_(language),
          body_color_(language == model::Language::Vi ? theme.text : theme.secondary),
          boost_(boost),
          counter_(counter) {}

    void compose(model::Layout layout, const model::SlideText& text, const Rect& region) {
        switch (layout) {
            case model::Layout::Title:
                title_layout(text, region);
                break;
            case model::Layout::Text:
                text_layout(text, region, false);
                break;
            case model::Layout::Facts:
                text_layout(text, region, true);
                break;
            case model::Layout::Quote:
                quote_layout(text, region);
                break;
            case model::Layout::Counter:
                if (counter_.state)
                    counter_layout(text, region, *counter_.state);
                else
                    title_layout(text, region);
                break;
        }
    }

  private:
    DisplayList& out_;
    const model::Theme& theme_;
    const text::FontSet& fonts_;
    const Geometry& g_;
    const std::string& slide_id_;
    std::string prefix_;
    const char* tag_;
    model::Language language_;
    model::Color body_color_;
    float boost_;
    const CounterView& counter_;

    text::TextStyle style(const text::Font* font, float size_1080, bool balance = false) const {
        text::TextStyle s;
        s.font = font;
        s.balance = balance;
        s.size_px =
            std::max(g_.min_text, size_1080 * g_.unit * static_cast<float>(theme_.scale) * boost_);
        s.min_size_px = g_.min_text;
        s.language = tag_;
        s.fallback = fonts_.fallback.get();
        return s;
    }

    text::TextBlock fit(const std::vector<std::string>& paragraphs, const text::TextStyle& s,
                        float w, float h, const char* role, float room = 0) {
        text::TextBlock block = text::fit_paragraphs(paragraphs, s, w, std::max(h, 0.0f), room);
        const std::string at =
            " at " + std::to_string(out_.width) + "x" + std::to_string(out_.height);
        if (block.truncated)
            out_.problems.push_back("slide \"" + slide_id_ + "\": " + prefix_ + " " + role +
                                    " is too long and is cut" + at);
        if (block.split_word)
            out_.problems.push_back("slide \"" + slide_id_ + "\": " + prefix_ + " " + role +
                                    " has a word too long for its line, cut mid-word" + at);
        return block;
    }

    // A title heading a body keeps the body's size while the slide has room for both: it may
    // take what the body, at its smallest, leaves.
    text::TextStyle title_over(text::TextStyle title, const text::TextStyle& body) const {
        title.floor_size_px = std::min(title.size_px, body.size_px);
        return title;
    }

    float room_above(const std::vector<std::string>& body, const text::TextStyle& s,
                     const Rect& r) const {
        if (body.empty()) return r.h;
        const float least = text::layout_paragraphs(body, s, s.min_size_px, r.w).height;
        return std::max(0.0f, r.h - least - gap());
    }

    void add(const char* role, float x, float y, text::TextBlock block, model::Color color) {
        out_.texts.push_back({prefix_ + "." + role, x, y, std::move(block), color});
    }

    // Centres each line within `width`; the block then spans the whole width.
    static void center_lines(text::TextBlock& block, float width) {
        for (auto& line : block.lines) {
            const float shift = std::max(0.0f, (width - line.width) / 2);
            for (auto& glyph : line.glyphs) glyph.x += shift;
        }
        block.width = std::max(block.width, width);
    }

    float gap() const { return kLineGap * g_.unit; }

    void title_layout(const model::SlideText& text, const Rect& r) {
        text::TextBlock title, body;
        const text::TextStyle body_style = style(fonts_.regular.get(), kTitleSlide.body);
        if (!text.title.empty())
            title = fit({text.title},
                        title_over(style(fonts_.bold.get(), kTitleSlide.title, true), body_style),
                        r.w, r.h * 0.6f, "title", room_above(text.paragraphs(), body_style, r));
        const float used = title.height + (title.lines.empty() ? 0 : gap());
        if (!text.body.empty()) body = fit(text.paragraphs(), body_style, r.w, r.h - used, "body");
        center_lines(title, r.w);
        center_lines(body, r.w);
        const float total = used + body.height;
        const float top = r.y + std::max(0.0f, (r.h - total) / 2);
        if (!title.lines.empty()) add("title", r.x, top, std::move(title), theme_.accent);
        if (!body.lines.empty()) add("body", r.x, top + used, std::move(body), body_color_);
    }

    void text_layout(const model::SlideText& text, const Rect& r, bool list) {
        float y = r.y;
        text::TextStyle s = style(fonts_.regular.get(), kTextSlide.body);
        if (list) {
            s.indent = 1.1f * s.size_px;
            s.paragraph_gap = 0.35f;
        }
        if (!text.title.empty()) {
            text::TextBlock title =
                fit({text.title}, title_over(style(fonts_.bold.get(), kTextSlide.title, true), s),
                    r.w, r.h * 0.45f, "title", room_above(text.paragraphs(), s, r));
            const float h = title.height;
            add("title", r.x, y, std::move(title), theme_.accent);
            y += h + gap();
        }
        if (text.body.empty()) return;
        text::TextBlock body = fit(text.paragraphs(), s, r.w, r.bottom() - y, "body");
        if (list) {
            // A square marker before each item, on its first line's x-height.
            const float side = 0.28f * body.size_px;
            int paragraph = -1;
            for (const auto& line : body.lines) {
                if (line.paragraph == paragraph) continue;
                paragraph = line.paragraph;
                const float middle = y + line.baseline - 0.27f * body.size_px;  // half x-height
                out_.fills.push_back(
                    {{r.x + 0.2f * body.size_px, middle - side / 2, side, side}, theme_.accent});
            }
        }
        add("body", r.x, y, std::move(body), body_color_);
    }

    // The title, the number large, its label, how fresh it is, and the target: a column of
    // centred lines, each fitted in what the lines above left.
    void counter_layout(const model::SlideText& text, const Rect& r,
                        const feed::CounterState& state) {
        const bool vi = language_ == model::Language::Vi;
        struct Part {
            const char* role;
            text::TextBlock block;
            model::Color color;
        };
        std::vector<Part> parts;
        float left = r.h;
        const auto place = [&](const char* role, const std::string& words, text::TextStyle s,
                               float share, model::Color color) {
            if (words.empty()) return;
            const float room = std::min(left, r.h * share);
            text::TextBlock block = fit({words}, s, r.w, room, role);
            if (block.height > room + 0.5f) {
                // Not even one line at the smallest size fits under what is above: leave the
                // line out rather than draw it outside the screen's safe area.
                out_.problems.push_back("slide \"" + slide_id_ + "\": " + prefix_ + " " + role +
                                        " has no room and is left out at " +
                                        std::to_string(out_.width) + "x" +
                                        std::to_string(out_.height));
                return;
            }
            center_lines(block, r.w);
            left -= block.height + gap();
            parts.push_back({role, std::move(block), color});
        };
        place("title", text.title, style(fonts_.bold.get(), kCounterSlide.title, true), 0.3f,
              theme_.accent);
        place("number", format_count(counter_.shown, language_),
              style(fonts_.bold.get(), kCounterNumber), 0.4f, theme_.accent);
        place("label", vi ? state.label.vi : state.label.en,
              style(fonts_.regular.get(), kCounterSlide.body, true), 0.25f, body_color_);
        const bool live = state.freshness == feed::Freshness::Live;
        place("freshness", format_freshness(state, language_),
              style(fonts_.regular.get(), kCounterNote), 0.15f,
              live ? theme_.accent : theme_.secondary);
        if (state.target) {
            const std::string& label = vi ? state.target->label.vi : state.target->label.en;
            if (!label.empty())
                place("target", format_count(state.target->value, language_) + " " + label,
                      style(fonts_.regular.get(), kCounterNote, true), 0.25f, theme_.secondary);
        }
        float total = -gap();
        for (const auto& part : parts) total += part.block.height + gap();
        float y = r.y + std::max(0.0f, (r.h - total) / 2);
        for (auto& part : parts) {
            const float h = part.block.height;
            add(part.role, r.x, y, std::move(part.block), part.color);
            y += h + gap();
        }
    }

    void quote_layout(const model::SlideText& text, const Rect& r) {
        float used = 0;
        text::TextBlock title;
        if (!text.title.empty()) {
            title = fit({text.title}, style(fonts_.bold.get(), kTextSlide.title * 0.8f, true), r.w,
                        r.h * 0.3f, "title");
            used = title.height + gap();
        }
        text::TextBlock by;
        if (!text.attribution.empty())
            by = fit({"\xE2\x80\x94 " + text.attribution}, style(fonts_.regular.get(), 40), r.w,
                     r.h * 0.3f, "attribution");
        const float by_h = by.lines.empty() ? 0 : by.height + gap();
        text::TextBlock quote;
        if (!text.body.empty()) {
            auto paragraphs = text.paragraphs();
            paragraphs.front() = "\xE2\x80\x9C" + paragraphs.front();  // “
            paragraphs.back() += "\xE2\x80\x9D";                       // ”
            quote = fit(paragraphs, style(fonts_.italic.get(), kQuoteSlide.title), r.w,
                        r.h - used - by_h, "quote");
        }
        const float total = used + quote.height + by_h;
        float y = r.y + std::max(0.0f, (r.h - total) / 2);
        if (!title.lines.empty()) {
            add("title", r.x, y, std::move(title), theme_.accent);
            y += used;
        }
        const float quote_h = quote.height;
        if (!quote.lines.empty()) add("quote", r.x, y, std::move(quote), body_color_);
        y += quote_h + gap();
        if (!by.lines.empty()) {
            // The attribution sits at the right, under the quotation's end.
            const float x = r.right() - by.width;
            add("attribution", x, y, std::move(by), theme_.accent);
        }
    }
};

// Side by side, lines of the same kind stand at the same height in every column (a title that
// wraps in one language does not push that column's number below the other's): each row is as
// tall as its tallest entry, and the rows are centred together in `area`. Where the rows so
// made would not fit, each column keeps its own centring.
void align_rows(std::vector<TextItem>& texts, const Rect& area, float gap) {
    const auto kind = [](const TextItem& t) { return t.role.substr(t.role.find('.') + 1); };
    std::vector<std::pair<std::string, float>> rows;  // kind and height, in order of appearance
    for (const auto& text : texts) {
        const std::string k = kind(text);
        auto row =
            std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.first == k; });
        if (row == rows.end())
            rows.emplace_back(k, text.block.height);
        else
            row->second = std::max(row->second, text.block.height);
    }
    float total = rows.empty() ? 0 : -gap;
    for (const auto& row : rows) total += row.second + gap;
    if (total > area.h + 0.5f) return;
    float y = area.y + (area.h - total) / 2;
    for (const auto& row : rows) {
        for (auto& text : texts)
            if (kind(text) == row.first) text.y = y;
        y += row.second + gap;
    }
}

}  // namespace

DisplayList compose_slide(const model::Slide& slide, const model::Theme& theme,
                          const text::FontSet& fonts, int width, int height,
                          const CounterView& counter) {
    DisplayList out;
    out.width = width;
    out.height = height;
    out.background = theme.background;
    const Geometry g = compute_geometry(theme, width, height);
    out.safe_area = g.safe;

    std::vector<std::pair<model::Language, const model::SlideText*>> languages;
    if (slide.vi) languages.emplace_back(model::Language::Vi, &*slide.vi);
    if (slide.en) languages.emplace_back(model::Language::En, &*slide.en);
    if (languages.empty()) return out;

    const Rect& c = g.content;
    // One language alone gets the whole area and a little more size.
    const float boost = languages.size() == 1 ? 1.2f : 1.0f;
    const float gap = 48 * g.unit;
    const float n = static_cast<float>(languages.size());
    // The counter's tall column of lines stands side by side on a wide screen; everything
    // else, and everything on a tall screen, stacks Vietnamese above English.
    const bool side_by_side = slide.layout == model::Layout::Counter && width > height;
    for (size_t i = 0; i < languages.size(); ++i) {
        const float at = static_cast<float>(i);
        Rect region;
        if (side_by_side) {
            const float part = (c.w - gap * (n - 1)) / n;
            region = {c.x + at * (part + gap), c.y, part, c.h};
        } else {
            const float part = (c.h - gap * (n - 1)) / n;
            region = {c.x, c.y + at * (part + gap), c.w, part};
        }
        if (i > 0 && !side_by_side) {
            // The rule between languages follows the text: centred under centred lines.
            const float rule = std::max(2.0f, 3 * g.unit);
            const float rule_w = 160 * g.unit;
            const bool centred =
                slide.layout == model::Layout::Title || slide.layout == model::Layout::Counter;
            const float rule_x = centred ? c.x + (c.w - rule_w) / 2 : c.x;
            out.fills.push_back(
                {{rule_x, region.y - gap / 2 - rule / 2, rule_w, rule}, theme.accent});
        }
        LanguageComposer(out, theme, fonts, g, slide.id, languages[i].first, boost, counter)
            .compose(slide.layout, *languages[i].second, region);
    }
    if (side_by_side) align_rows(out.texts, c, kLineGap * g.unit);
    return out;
}

}  // namespace kiosk::scene
