#include "kiosk/scene/slide_scene.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>

#include "kiosk/scene/band_scene.hpp"
#include "kiosk/scene/chart_scene.hpp"
#include "kiosk/scene/counter_format.hpp"
#include "kiosk/scene/geometry.hpp"
#include "kiosk/scene/picture_fit.hpp"
#include "kiosk/scene/qr_code.hpp"
#include "kiosk/text/break_rules.hpp"

namespace kiosk::scene {

namespace {

// What a text is on its slide, for its size: all texts of one tier take the same step of the
// scale, in both languages.
enum class Tier { Display, Heading, Main, Note };

// The size of each tier at one try of the fitting (0: the slide has none of it), and the
// rhythm: the size the gaps are measured in.
struct Sizes {
    float display = 0, heading = 0, main = 0, note = 0, rhythm = 0;
    float of(Tier t) const {
        switch (t) {
            case Tier::Display:
                return display;
            case Tier::Heading:
                return heading;
            case Tier::Main:
                return main;
            case Tier::Note:
                return note;
        }
        return main;
    }
    bool operator==(const Sizes&) const = default;
};

enum class Align { Left, Centre, Right };

// One text of one language, before its size is chosen.
struct Part {
    std::string role;  // "title", "body"…
    std::vector<std::string> paragraphs;
    const text::Font* font = nullptr;
    Tier tier = Tier::Main;
    float space_before = 0;  // from the part above, in rhythms
    bool balance = false;    // titles: lines of even length
    bool list = false;       // facts: a square marker before each paragraph
    Align align = Align::Left;
    model::Color color;
};

// One language's texts, top to bottom.
struct Column {
    model::Language language;
    const char* tag;
    std::vector<Part> parts;
};

// The step each tier prefers, and how the slide shrinks when it must.
struct Plan {
    int display = kDisplay, heading = kHeading, main = kBody, note = kNote;
    // All tiers down a step together (the counter's lines), rather than the titles first and
    // then the body; the title may also take one step less, down to the label's size, to stay
    // whole (a title over a number is a caption, not a heading over a body).
    bool shift_all = false;
};

Plan plan_for(const model::Slide& slide, bool counter_shown) {
    Plan p;
    switch (slide.layout) {
        case model::Layout::Title:
            p.heading = kDisplay;
            break;
        case model::Layout::Text:
        case model::Layout::Facts:
        case model::Layout::Chart:
            break;
        case model::Layout::Image:
            // A caption: the picture is the slide, its words the smallest steps of the scale.
            p.heading = kBody;
            p.main = kNote;
            break;
        case model::Layout::Quote: {
            // A quotation standing alone is the slide's largest text; under a title it is a body.
            const bool titled =
                (slide.vi && !slide.vi->title.empty()) || (slide.en && !slide.en->title.empty());
            p.main = titled ? kBody : kHeading;
            break;
        }
        case model::Layout::Counter:
            if (counter_shown) {
                p.shift_all = true;
            } else {
                p.heading = kDisplay;  // its title alone, as a title slide's
            }
            break;
    }
    return p;
}

// Every try of the fitting, largest first. A slide first lets its titles go down the scale
// while they stay above the body, then the body goes down a step (titles back at their best),
// and so on to the minimum: the body is what must stay readable.
std::vector<Sizes> tries(const Plan& p, const TypeScale& s, bool has_heading, bool has_main) {
    std::vector<Sizes> out;
    const auto push = [&](const Sizes& z) {
        if (out.empty() || !(out.back() == z)) out.push_back(z);
    };
    if (p.shift_all) {
        for (int d = 0;; ++d) {
            const float main = s.size(p.main - d);
            for (int h = p.heading - d; h >= p.main - d; --h)
                push({s.size(p.display - d), s.size(h), main, s.size(p.note - d), main});
            if (s.size(p.display - d) <= s.min) break;
        }
        return out;
    }
    if (!has_main) {
        for (float heading : s.down_from(s.size(p.heading)))
            push({0, heading, 0, s.size(p.note), s.body()});
        return out;
    }
    for (int m = p.main;; --m) {
        const float main = s.size(m);
        const float note = s.size(std::min(p.note, m - 1));
        // Without a step above the body (a tiny theme.scale at the minimum), the title takes
        // the body's size, and --check says so.
        const bool above = has_heading && s.size(std::max(p.heading, m + 1)) > main;
        if (!above) push({0, has_heading ? main : 0, main, note, main});
        for (int h = p.heading; above && h > m && s.size(h) > main; --h)
            push({0, s.size(h), main, note, main});
        if (main <= s.min) break;
    }
    return out;
}

// Broken where the rules keep words together, or with a word alone on a paragraph's last line.
bool torn(const text::TextBlock& b) {
    for (size_t i = 0; i < b.lines.size(); ++i) {
        const text::Line& line = b.lines[i];
        if (line.break_penalty > text::BreakPenalties::kAfterHyphen) return true;
        const bool first = i == 0 || b.lines[i - 1].paragraph != line.paragraph;
        const bool last = i + 1 == b.lines.size() || b.lines[i + 1].paragraph != line.paragraph;
        if (last && !first && line.text.find(' ') == std::string::npos) return true;
    }
    return false;
}

// Centres each line within `width`; the block then spans the whole width.
void center_lines(text::TextBlock& block, float width) {
    for (auto& line : block.lines) {
        const float shift = std::max(0.0f, (width - line.width) / 2);
        for (auto& glyph : line.glyphs) glyph.x += shift;
    }
    block.width = std::max(block.width, width);
}

// Side by side, lines of the same kind stand at the same height in every column (a title that
// wraps in one language does not push that column's number below the other's): each row is as
// tall as its tallest entry, and the rows are centred together in `area`. Where the rows so
// made would not fit, each column keeps its own centring.
// `gaps` holds the space above each kind of line.
void align_rows(std::vector<TextItem>& texts, const Rect& area,
                const std::map<std::string, float>& gaps) {
    const auto kind = [](const TextItem& t) { return t.role.substr(t.role.find('.') + 1); };
    struct Row {
        std::string kind;
        float height, gap;
    };
    std::vector<Row> rows;  // in order of appearance
    for (const auto& text : texts) {
        const std::string k = kind(text);
        auto row =
            std::find_if(rows.begin(), rows.end(), [&](const Row& r) { return r.kind == k; });
        const auto gap = gaps.find(k);
        if (row == rows.end())
            rows.push_back({k, text.block.height, gap == gaps.end() ? 0 : gap->second});
        else
            row->height = std::max(row->height, text.block.height);
    }
    float total = 0;
    for (size_t i = 0; i < rows.size(); ++i) total += rows[i].height + (i > 0 ? rows[i].gap : 0);
    if (total > area.h + 0.5f) return;
    float y = area.y + (area.h - total) / 2;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (i > 0) y += rows[i].gap;
        for (auto& text : texts)
            if (kind(text) == rows[i].kind) text.y = y;
        y += rows[i].height;
    }
}

class SlideComposer {
  public:
    // The slide's text goes in `area`, centred in it, or standing on its bottom (`bottom`).
    SlideComposer(DisplayList& out, const model::Slide& slide, const model::Theme& theme,
                  const text::FontSet& fonts, const Geometry& g, const CounterView& counter,
                  const Rect& area, bool bottom)
        : out_(out),
          slide_(slide),
          theme_(theme),
          fonts_(fonts),
          g_(g),
          counter_(counter),
          counter_shown_(slide.layout == model::Layout::Counter && counter.state),
          area_(area),
          bottom_(bottom) {}

    void compose() {
        if (slide_.vi) columns_.push_back(column(model::Language::Vi, *slide_.vi));
        if (slide_.en) columns_.push_back(column(model::Language::En, *slide_.en));
        if (columns_.empty()) return;
        // The counter's tall column of lines stands side by side on a wide screen; everything
        // else, and everything on a tall screen, stacks Vietnamese above English.
        side_by_side_ = counter_shown_ && out_.width > out_.height && columns_.size() > 1;
        const Plan plan = plan_for(slide_, counter_shown_);
        bool has_heading = false, has_main = false;
        for (const auto& c : columns_)
            for (const auto& p : c.parts) {
                has_heading = has_heading || p.tier == Tier::Heading;
                has_main = has_main || p.tier == Tier::Main;
            }
        const std::vector<Sizes> all = tries(plan, g_.type, has_heading, has_main);
        preferred_ = all.front();

        // The largest try at which both languages fit together: each language's block takes its
        // real height, and neither can crowd the other out. At the body size that first fits, a
        // smaller title is taken if the larger one must break inside a name, a number, a date
        // or a word, or leave a word alone on its last line ("The Hanoi / Convention" in
        // portrait): the body never shrinks for that.
        std::vector<std::vector<text::TextBlock>> blocks;
        std::optional<size_t> chosen;
        for (size_t i = 0; i < all.size(); ++i) {
            if (chosen && all[i].main != all[*chosen].main) break;
            sizes_ = all[i];
            auto laid = lay_out_all();
            if (!fits(laid)) continue;
            const bool clean = std::none_of(laid.begin(), laid.end(), [](const auto& column) {
                return std::any_of(column.begin(), column.end(), torn);
            });
            if (!chosen || clean) {
                chosen = i;
                blocks = std::move(laid);
            }
            if (clean) break;
        }
        if (chosen)
            sizes_ = all[*chosen];
        else
            blocks = cut_to_fit();  // at the smallest try
        report(blocks);
        place(blocks);
    }

  private:
    DisplayList& out_;
    const model::Slide& slide_;
    const model::Theme& theme_;
    const text::FontSet& fonts_;
    const Geometry& g_;
    const CounterView& counter_;
    const bool counter_shown_;  // a counter slide with a counter to show
    const Rect area_;
    const bool bottom_;
    std::vector<Column> columns_;
    bool side_by_side_ = false;
    Sizes preferred_, sizes_;
    std::map<std::tuple<const Part*, float, float>, text::TextBlock> laid_;  // part, size, width

    const Rect& area() const { return area_; }
    float gap_between_languages() const { return 1.5f * sizes_.rhythm; }
    float column_width() const {
        const float n = static_cast<float>(columns_.size());
        return side_by_side_ ? (area().w - gap_between_languages() * (n - 1)) / n : area().w;
    }

    Column column(model::Language language, const model::SlideText& t) const {
        const bool vi = language == model::Language::Vi;
        Column c{language, vi ? "vi" : "en", {}};
        const model::Color body = vi ? theme_.text : theme_.secondary;
        const auto add = [&](const char* role, std::vector<std::string> paragraphs,
                             const text::Font* font, Tier tier, float space, Align align,
                             model::Color color, bool balance = false) {
            if (paragraphs.empty() || paragraphs.front().empty()) return;
            Part p;
            p.role = role;
            p.paragraphs = std::move(paragraphs);
            p.font = font;
            p.tier = tier;
            p.space_before = c.parts.empty() ? 0 : space;
            p.balance = balance;
            p.align = align;
            p.color = color;
            c.parts.push_back(std::move(p));
        };
        const auto* bold = fonts_.bold.get();
        const auto* regular = fonts_.regular.get();
        switch (slide_.layout) {
            case model::Layout::Title:
                add("title", {t.title}, bold, Tier::Heading, 0, Align::Centre, theme_.accent, true);
                if (!t.body.empty())
                    add("body", t.paragraphs(), regular, Tier::Main, 0.5f, Align::Centre, body);
                break;
            case model::Layout::Text:
            case model::Layout::Facts:
            case model::Layout::Image:
            case model::Layout::Chart:
                add("title", {t.title}, bold, Tier::Heading, 0, Align::Left, theme_.accent, true);
                if (!t.body.empty()) {
                    add("body", t.paragraphs(), regular, Tier::Main, 0.5f, Align::Left, body);
                    c.parts.back().list = slide_.layout == model::Layout::Facts;
                }
                break;
            case model::Layout::Quote:
                add("title", {t.title}, bold, Tier::Heading, 0, Align::Left, theme_.accent, true);
                if (!t.body.empty()) {
                    auto paragraphs = t.paragraphs();
                    paragraphs.front() = "\xE2\x80\x9C" + paragraphs.front();  // “
                    paragraphs.back() += "\xE2\x80\x9D";                       // ”
                    add("quote", std::move(paragraphs), fonts_.italic.get(), Tier::Main, 0.5f,
                        Align::Left, body);
                }
                if (!t.attribution.empty())
                    add("attribution", {"\xE2\x80\x94 " + t.attribution}, regular, Tier::Note, 0.4f,
                        Align::Right, theme_.accent);
                break;
            case model::Layout::Counter:
                add("title", {t.title}, bold, Tier::Heading, 0, Align::Centre, theme_.accent, true);
                if (counter_shown_) counter_parts(language, add);
                break;
        }
        return c;
    }

    // The number large, its label, how fresh it is, and the target: a column of centred lines.
    template <typename Add>
    void counter_parts(model::Language language, const Add& add) const {
        const feed::CounterState& state = *counter_.state;
        const bool vi = language == model::Language::Vi;
        const model::Color body = vi ? theme_.text : theme_.secondary;
        add("number", {format_count(counter_.shown, language)}, fonts_.bold.get(), Tier::Display,
            0.3f, Align::Centre, theme_.accent);
        add("label", {vi ? state.label.vi : state.label.en}, fonts_.regular.get(), Tier::Main, 0,
            Align::Centre, body, true);
        const bool live = state.freshness == feed::Freshness::Live;
        add("freshness", {format_freshness(state, language)}, fonts_.regular.get(), Tier::Note,
            0.5f, Align::Centre, live ? theme_.accent : theme_.secondary);
        if (state.target) {
            const std::string& label = vi ? state.target->label.vi : state.target->label.en;
            if (!label.empty())
                add("target", {format_count(state.target->value, language) + " " + label},
                    fonts_.regular.get(), Tier::Note, 0.2f, Align::Centre, theme_.secondary, true);
        }
    }

    text::TextStyle style(const Column& c, const Part& p, float size) const {
        text::TextStyle s;
        s.font = p.font;
        s.fallback = fonts_.fallback.get();
        s.language = c.tag;
        s.balance = p.balance;
        s.size_px = size;
        s.min_size_px = g_.type.min;
        if (p.list) {
            s.indent = 1.1f * size;
            s.paragraph_gap = 0.35f;
        }
        return s;
    }

    const text::TextBlock& lay_out(const Column& c, const Part& p, float size) {
        const float w = column_width();
        auto [it, fresh] = laid_.try_emplace({&p, size, w});
        if (fresh) it->second = text::layout_paragraphs(p.paragraphs, style(c, p, size), size, w);
        return it->second;
    }

    std::vector<std::vector<text::TextBlock>> lay_out_all() {
        std::vector<std::vector<text::TextBlock>> out;
        for (const auto& c : columns_) {
            out.emplace_back();
            for (const auto& p : c.parts) out.back().push_back(lay_out(c, p, sizes_.of(p.tier)));
        }
        return out;
    }

    float height(const Column& c, const std::vector<text::TextBlock>& blocks) const {
        float h = 0;
        for (size_t i = 0; i < blocks.size(); ++i) {
            if (blocks[i].lines.empty()) continue;
            if (h > 0) h += c.parts[i].space_before * sizes_.rhythm;
            h += blocks[i].height;
        }
        return h;
    }

    // The height the columns take together: stacked, one under the other with the gap between
    // languages; side by side, the tallest.
    float total_height(const std::vector<std::vector<text::TextBlock>>& blocks) const {
        float total = 0;
        for (size_t i = 0; i < columns_.size(); ++i) {
            const float h = height(columns_[i], blocks[i]);
            total = side_by_side_ ? std::max(total, h)
                                  : total + h + (i > 0 ? gap_between_languages() : 0);
        }
        return total;
    }

    bool fits(const std::vector<std::vector<text::TextBlock>>& blocks) const {
        for (const auto& column : blocks)
            for (const auto& b : column)
                if (b.split_word) return false;
        return total_height(blocks) <= area().h + 0.5f;
    }

    // Nothing fits even at the smallest try: each language gets a share of the height in
    // proportion to what it would take, so that neither crowds the other out. In its share,
    // titles and notes keep what they need up to a part of it, shrinking down the scale and then
    // cut; the body takes the rest, and is cut with "…" where it must. A text that cannot keep
    // one line is left out (an empty block, said), never drawn outside the safe area.
    std::vector<std::vector<text::TextBlock>> cut_to_fit() {
        auto natural = lay_out_all();
        float available = area().h, wanted = 0;
        std::vector<float> heights;
        for (size_t i = 0; i < columns_.size(); ++i) {
            heights.push_back(height(columns_[i], natural[i]));
            wanted += heights.back();
        }
        if (!side_by_side_)
            available -= gap_between_languages() * static_cast<float>(columns_.size() - 1);
        std::vector<std::vector<text::TextBlock>> out;
        for (size_t i = 0; i < columns_.size(); ++i) {
            const Column& c = columns_[i];
            const float share =
                side_by_side_ ? available : available * heights[i] / std::max(wanted, 1.0f);
            out.emplace_back(c.parts.size());
            float left = share;
            const auto take = [&](size_t k, float room) {
                const Part& p = c.parts[k];
                const float gap = left < share ? p.space_before * sizes_.rhythm : 0;
                room = std::min(room, left - gap);
                // A list's indent is kept for its largest size: wide enough for any marker.
                const float size = sizes_.of(p.tier);
                text::TextBlock b = fit_on_scale(p.paragraphs, style(c, p, size),
                                                 g_.type.down_from(size), column_width(), room);
                if (b.height > room + 0.5f) b = {};
                if (!b.lines.empty()) left -= b.height + gap;
                out[i][k] = std::move(b);
            };
            // Titles and notes first, up to a part of the share each; the body last, with the
            // rest. Their order on screen is kept.
            for (size_t k = 0; k < c.parts.size(); ++k)
                if (c.parts[k].tier != Tier::Main)
                    take(k, std::min(natural[i][k].height, share * 0.4f));
            for (size_t k = 0; k < c.parts.size(); ++k)
                if (c.parts[k].tier == Tier::Main) take(k, left);
        }
        return out;
    }

    void add(const Column& c, const Part& p, float x, float y, text::TextBlock block) {
        out_.texts.push_back({std::string(c.tag) + "." + p.role, x, y, std::move(block), p.color});
    }

    // Places one column's blocks from `top` in a region `x`..`x + w`; returns its bottom.
    float place_column(const Column& c, std::vector<text::TextBlock>& blocks, float x, float top) {
        const float w = column_width();
        float y = top;
        bool first = true;
        for (size_t k = 0; k < blocks.size(); ++k) {
            text::TextBlock& b = blocks[k];
            const Part& p = c.parts[k];
            if (b.lines.empty()) continue;
            if (!first) y += p.space_before * sizes_.rhythm;
            first = false;
            float bx = x;
            if (p.align == Align::Centre) center_lines(b, w);
            if (p.align == Align::Right) bx = x + w - b.width;
            if (p.list) markers(b, x, y);
            const float h = b.height;
            add(c, p, bx, y, std::move(b));
            y += h;
        }
        return y;
    }

    // A square marker before each item, on its first line's x-height.
    void markers(const text::TextBlock& body, float x, float y) {
        const float side = 0.28f * body.size_px;
        int paragraph = -1;
        for (const auto& line : body.lines) {
            if (line.paragraph == paragraph) continue;
            paragraph = line.paragraph;
            const float middle = y + line.baseline - 0.27f * body.size_px;  // half x-height
            out_.fills.push_back(
                {{x + 0.2f * body.size_px, middle - side / 2, side, side}, theme_.accent});
        }
    }

    void place(std::vector<std::vector<text::TextBlock>>& blocks) {
        const Rect& a = area();
        if (side_by_side_) {
            const float w = column_width();
            std::map<std::string, float> gaps;
            for (size_t i = 0; i < columns_.size(); ++i) {
                const float h = height(columns_[i], blocks[i]);
                const float x = a.x + static_cast<float>(i) * (w + gap_between_languages());
                place_column(columns_[i], blocks[i], x, a.y + std::max(0.0f, (a.h - h) / 2));
                for (const auto& p : columns_[i].parts)
                    gaps[p.role] = p.space_before * sizes_.rhythm;
            }
            align_rows(out_.texts, a, gaps);
            return;
        }
        // The languages' blocks stand as one group centred in the area, each as tall as its
        // text, and the rule between them stands in the middle of the gap that parts them: the
        // rule belongs to neither language, and a short slide is not pulled apart to the edges
        // (centring the rule in the space between blocks pinned to the top and bottom would
        // leave a hall's width of empty screen between a question and its translation).
        const float total = total_height(blocks);
        float y = a.y + std::max(0.0f, bottom_ ? a.h - total : (a.h - total) / 2);
        const bool centred =
            slide_.layout == model::Layout::Title || slide_.layout == model::Layout::Counter;
        for (size_t i = 0; i < columns_.size(); ++i) {
            if (i > 0) {
                const float gap = gap_between_languages();
                const float rule = std::max(2.0f, 3 * g_.unit);
                const float rule_w = 160 * g_.unit;
                const float rule_x = centred ? a.x + (a.w - rule_w) / 2 : a.x;
                out_.fills.push_back(
                    {{rule_x, y + gap / 2 - rule / 2, rule_w, rule}, theme_.accent});
                y += gap;
            }
            y = place_column(columns_[i], blocks[i], a.x, y);
        }
    }

    // What --check tells the operator: text cut or left out, a word cut mid-word, text smaller
    // than the body or at the minimum, a title no larger than what it heads.
    void report(const std::vector<std::vector<text::TextBlock>>& blocks) {
        const std::string at =
            " at " + std::to_string(out_.width) + "x" + std::to_string(out_.height);
        const auto px = [](float size) { return std::to_string(static_cast<int>(size)) + " px"; };
        for (size_t i = 0; i < columns_.size(); ++i) {
            const Column& c = columns_[i];
            const text::TextBlock* title = nullptr;
            const text::TextBlock* body = nullptr;
            const Part* body_part = nullptr;
            for (size_t k = 0; k < c.parts.size(); ++k) {
                const Part& p = c.parts[k];
                const text::TextBlock& b = blocks[i][k];
                const std::string name = "slide \"" + slide_.id + "\": " + c.tag + " " + p.role;
                const float wanted = preferred_.of(p.tier);
                if (b.lines.empty()) {  // every part has text: only room can leave it out
                    out_.problems.push_back(name + " has no room and is left out" + at);
                    continue;
                }
                if (b.truncated)
                    out_.problems.push_back(name + " is too long and is cut" + at);
                else if (b.split_word)
                    out_.problems.push_back(name + " has a word too long for its line, cut " +
                                            "mid-word" + at);
                else if (b.size_px < wanted && b.size_px <= g_.type.min)
                    out_.problems.push_back(name + " is shrunk to the minimum size, " +
                                            px(b.size_px) + "," + at);
                else if (b.size_px < wanted && b.size_px < g_.type.body())
                    out_.problems.push_back(name + " is shrunk to " + px(b.size_px) +
                                            ", below the body size of " + px(g_.type.body()) + "," +
                                            at);
                if (p.role == "title") title = &b;  // what it heads: the body or quotation
                if (p.tier == Tier::Main && p.role != "label") {
                    body = &b;
                    body_part = &p;
                }
            }
            if (title && body && title->size_px <= body->size_px)
                out_.problems.push_back("slide \"" + slide_.id + "\": " + c.tag +
                                        " title would not be larger than its " + body_part->role +
                                        " (" + px(body->size_px) + ")" + at);
        }
    }
};

// How much of a wide content area a picture beside the text takes, and how much of a tall one a
// picture above it takes: chosen on screenshots of the bundled text slides with a photograph,
// where the text keeps its body size and the photograph still reads as one.
constexpr float kImageColumn = 0.42f;
constexpr float kImageRow = 0.36f;
// A QR code's modules span at least this share of the screen's short side: 12 cm on a 55-inch
// 1080p panel (68.5 cm tall), what a phone camera reads from 2 m.
constexpr float kQrShare = 0.175f;

ImageItem image_item(const model::SlideImage& image, const Rect& box) {
    ImageItem item;
    item.rect = box;
    item.file = image.file;
    item.path = image.path;
    item.fit = image.fit;
    item.width = image.header->width;
    item.height = image.header->height;
    item.shown = fit_picture(item.width, item.height, box, image.fit).shown;
    return item;
}

// Dark modules on a light ground, of the theme's darkest and lightest colours where those read
// as a code should (black on white otherwise): the light colour is also the panel under the
// quiet zone, so that on a dark theme the code stands on a light square of its own.
std::optional<QrItem> qr_item(const model::Slide& slide, const model::Theme& theme,
                              const Geometry& g, int width, int height,
                              std::vector<std::string>& problems) {
    if (slide.qr.empty()) return std::nullopt;
    std::string why;
    const auto modules = encode_qr(slide.qr, &why);
    if (!modules) {
        problems.push_back("slide \"" + slide.id + "\": qr URL " + why + "; no code is drawn");
        return std::nullopt;
    }
    const model::Color black{0, 0, 0};
    const auto lightness = [&](model::Color c) { return model::contrast_ratio(c, black); };
    model::Color dark = theme.background, light = theme.background;
    for (model::Color c :
         {theme.background, theme.text, theme.secondary, theme.accent, theme.band}) {
        if (lightness(c) < lightness(dark)) dark = c;
        if (lightness(c) > lightness(light)) light = c;
    }
    if (model::contrast_ratio(dark, light) < 7) {
        dark = black;
        light = {255, 255, 255};
    }
    QrItem item;
    item.modules = modules->size;
    item.dark = modules->dark;
    item.dark_color = dark;
    item.light_color = light;
    item.url = slide.qr;
    const float short_side = static_cast<float>(std::min(width, height));
    item.module_px = static_cast<int>(std::ceil(kQrShare * short_side / modules->size));
    (void)g;
    const float side = static_cast<float>((modules->size + 2 * kQrQuietModules) * item.module_px);
    item.rect = {0, 0, side, side};
    return item;
}

// Where the text goes once the pictures and the code have their room.
struct TextRoom {
    Rect area;
    bool bottom = false;  // a caption, standing on the bottom of its area
};

// Puts the slide's picture and QR code in `out` and says where the text may go. A QR code takes
// the bottom right of the content area (the text keeps to its left on a wide screen, above it on
// a tall one); on an image slide it stands at the top right, over the picture, clear of the
// caption.
TextRoom place_media(DisplayList& out, const model::Slide& slide, const model::Theme& theme,
                     const Geometry& g) {
    TextRoom room{g.content};
    const Rect& c = g.content;
    const float gap = g.type.body();
    const bool wide = out.width > out.height;
    auto qr = qr_item(slide, theme, g, out.width, out.height, out.problems);
    const float side = qr ? qr->rect.w : 0;
    const auto put_qr = [&](float right, float bottom) {
        qr->rect.x = std::round(right - side);
        qr->rect.y = std::round(bottom - side);
    };
    const bool picture = slide.image && slide.image->header;
    const bool beside = slide.layout == model::Layout::Text || slide.layout == model::Layout::Facts;
    if (slide.layout == model::Layout::Image) {
        const Rect screen{0, 0, static_cast<float>(out.width), static_cast<float>(out.height)};
        if (picture) out.images.push_back(image_item(*slide.image, screen));
        // Room for both languages' titles and bodies on the scale's sizes; the text sits at
        // the foot of it, so a short caption leaves more of the picture bare.
        float caption = 0.55f * c.h;
        if (qr) {
            put_qr(g.safe.right(), g.safe.y + side);
            caption = std::min(caption, c.bottom() - (qr->rect.bottom() + gap));
        }
        room = {{c.x, c.bottom() - caption, c.w, caption}, true};
    } else if (beside && picture) {
        if (wide) {
            const float column = std::round(kImageColumn * c.w);
            Rect box{c.right() - column, c.y, column, c.h};
            room.area.w = c.w - column - gap;
            if (qr) {
                put_qr(box.right(), box.bottom());
                box.h -= side + gap;
            }
            out.images.push_back(image_item(*slide.image, box));
        } else {
            const float row = std::round(kImageRow * c.h);
            out.images.push_back(image_item(*slide.image, {c.x, c.y, c.w, row}));
            room.area = {c.x, c.y + row + gap, c.w, c.h - row - gap};
            if (qr) {
                put_qr(c.right(), c.bottom());
                room.area.h -= side + gap;
            }
        }
    } else if (qr) {
        put_qr(c.right(), c.bottom());
        if (wide)
            room.area.w -= side + gap;
        else
            room.area.h -= side + gap;
    }
    if (qr) out.codes.push_back(std::move(*qr));
    return room;
}

// The least opacity of a scrim of `scrim` at which every one of `inks` reaches 7:1 against it,
// over a white picture and over a black one alike (and so over any picture in between), with a
// little to spare for rounding in the blend.
std::uint8_t scrim_alpha(model::Color scrim, const std::vector<model::Color>& inks) {
    const auto over = [&](int a, std::uint8_t under) {
        const auto mix = [&](std::uint8_t c) {
            return static_cast<std::uint8_t>((c * a + under * (255 - a) + 127) / 255);
        };
        return model::Color{mix(scrim.r), mix(scrim.g), mix(scrim.b)};
    };
    for (int a = 0; a < 255; ++a) {
        bool legible = true;
        for (model::Color ink : inks)
            legible = legible && model::contrast_ratio(ink, over(a, 255)) >= 7.2 &&
                      model::contrast_ratio(ink, over(a, 0)) >= 7.2;
        if (legible) return static_cast<std::uint8_t>(a);
    }
    return 255;
}

// The scrim under an image slide's caption: the screen's width, from a little above the caption
// down to the band (or the screen's edge).
void add_scrim(DisplayList& out, const model::Theme& theme, const Geometry& g) {
    if (out.texts.empty()) return;
    float top = 1e9f;
    std::vector<model::Color> inks;
    for (const auto& t : out.texts) {
        top = std::min(top, t.y);
        inks.push_back(t.color);
    }
    const float pad = 0.6f * g.type.body();
    // Down to the screen's foot: the band, when there is one, stands over it; without one the
    // picture does not show again under the caption.
    const auto bottom = static_cast<float>(out.height);
    const float y = std::max(0.0f, std::floor(top - pad));
    out.fills.insert(out.fills.begin(), {{0, y, static_cast<float>(out.width), bottom - y},
                                         theme.background,
                                         scrim_alpha(theme.background, inks)});
}

}  // namespace

DisplayList compose_slide(const model::Slide& slide, const model::Theme& theme,
                          const text::FontSet& fonts, int width, int height,
                          const CounterView& counter) {
    DisplayList out;
    out.width = width;
    out.height = height;
    out.background = theme.background;
    const Geometry g = compute_geometry(theme, fonts, width, height, shows_band(slide));
    out.safe_area = g.safe;
    const TextRoom room = place_media(out, slide, theme, g);
    if (slide.layout == model::Layout::Chart) {
        compose_chart(out, slide, theme, fonts, g, room.area);
    } else {
        SlideComposer(out, slide, theme, fonts, g, counter, room.area, room.bottom).compose();
        if (slide.layout == model::Layout::Image) add_scrim(out, theme, g);
    }
    return out;
}

}  // namespace kiosk::scene
