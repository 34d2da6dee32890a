#include "kiosk/scene/chart_scene.hpp"

#include <algorithm>

#include "kiosk/scene/counter_format.hpp"

namespace kiosk::scene {

namespace {

struct Language {
    model::Language language;
    const char* tag;
    model::Color color;
};

// One bar's texts at one size.
struct BarTexts {
    std::vector<std::pair<std::string, text::TextBlock>> labels;  // tag, block: vi over en
    std::vector<std::pair<std::string, text::TextBlock>> values;  // "" when both write it alike
    float labels_h = 0, values_h = 0, values_w = 0;
};

struct Laid {
    std::vector<std::pair<std::string, text::TextBlock>> titles;
    std::vector<BarTexts> bars;
    bool beside = false;
    float title_h = 0, label_w = 0, value_w = 0, height = 0;
};

class ChartComposer {
  public:
    ChartComposer(DisplayList& out, const model::Slide& slide, const model::Theme& theme,
                  const text::FontSet& fonts, const Geometry& g, const Rect& area)
        : out_(out), slide_(slide), theme_(theme), fonts_(fonts), g_(g), area_(area) {
        languages_.reserve(2);  // also keeps GCC 12 from a false -Wstringop-overflow
        if (slide.vi) languages_.push_back({model::Language::Vi, "vi", theme.text});
        if (slide.en) languages_.push_back({model::Language::En, "en", theme.secondary});
        // A bar labelled in one language only still shows that label.
        if (languages_.empty()) {
            languages_.push_back({model::Language::Vi, "vi", theme.text});
            languages_.push_back({model::Language::En, "en", theme.secondary});
        }
    }

    void compose() {
        // Largest first: the titles go down while they stay above the labels, then the labels
        // go down a step, as on every other slide.
        const TypeScale& s = g_.type;
        std::optional<Laid> chosen;
        for (int m = kBody; !chosen; --m) {
            const float main = s.size(m);
            for (int h = kHeading; h > m && s.size(h) > main && !chosen; --h) {
                Laid laid = lay_out(s.size(h), main, slide_.bars.size());
                if (laid.height <= area_.h + 0.5f) chosen = std::move(laid);
            }
            if (main <= s.min) break;
        }
        if (!chosen) {
            // At the smallest sizes the bars that do not fit are left out, and said.
            const float main = s.min, heading = s.size(kBody) > main ? s.size(kBody) : main;
            size_t n = slide_.bars.size();
            for (; n > 0 && !chosen; --n) {
                Laid laid = lay_out(heading, main, n);
                if (laid.height <= area_.h + 0.5f) chosen = std::move(laid);
            }
            out_.problems.push_back("slide \"" + slide_.id + "\": chart bars " +
                                    std::to_string(chosen ? chosen->bars.size() + 1 : 1) + "-" +
                                    std::to_string(slide_.bars.size()) +
                                    " have no room and are left out at " +
                                    std::to_string(out_.width) + "x" + std::to_string(out_.height));
            if (!chosen) return;
        }
        place(*chosen);
    }

  private:
    DisplayList& out_;
    const model::Slide& slide_;
    const model::Theme& theme_;
    const text::FontSet& fonts_;
    const Geometry& g_;
    Rect area_;
    std::vector<Language> languages_;
    float main_ = 0;

    text::TextBlock block(const std::string& words, const text::Font* font, const char* tag,
                          float size, float width, bool balance = false) const {
        text::TextStyle style;
        style.font = font;
        style.fallback = fonts_.fallback.get();
        style.language = tag;
        style.balance = balance;
        style.size_px = size;
        style.min_size_px = g_.type.min;
        return text::layout_paragraphs({words}, style, size, std::max(width, 1.0f));
    }

    // The room between parts, in sizes of the labels.
    float title_gap() const { return 0.25f * main_; }
    float chart_gap() const { return 0.9f * main_; }
    float row_gap() const { return 0.55f * main_; }
    float bar_thickness() const { return 0.75f * main_; }
    float label_to_bar() const { return 0.5f * main_; }  // beside: the column's gap
    float value_gap() const { return 0.3f * main_; }

    Laid lay_out(float heading, float main, size_t bars) {
        main_ = main;
        Laid laid;
        for (const auto& l : languages_) {
            const model::SlideText* t = l.language == model::Language::Vi
                                            ? (slide_.vi ? &*slide_.vi : nullptr)
                                            : (slide_.en ? &*slide_.en : nullptr);
            if (!t || t->title.empty()) continue;
            auto b = block(t->title, fonts_.bold.get(), l.tag, heading, area_.w, true);
            laid.title_h += (laid.titles.empty() ? 0 : title_gap()) + b.height;
            laid.titles.emplace_back(l.tag, std::move(b));
        }
        // Beside where every label keeps to one line in a column of at most 42% of the width.
        const auto* regular = fonts_.regular.get();
        float widest = 0;
        for (size_t i = 0; i < bars; ++i)
            for (const auto& l : languages_) {
                const std::string& words = label(slide_.bars[i], l.language);
                if (!words.empty())
                    widest = std::max(widest, block(words, regular, l.tag, main, 1e6f).width);
            }
        laid.beside = out_.width > out_.height && widest <= 0.42f * area_.w;
        laid.label_w = laid.beside ? widest : area_.w;
        for (size_t i = 0; i < bars; ++i) {
            const model::Bar& bar = slide_.bars[i];
            BarTexts t;
            for (const auto& l : languages_) {
                const std::string& words = label(bar, l.language);
                if (words.empty()) continue;
                auto b = block(words, regular, l.tag, main, laid.label_w);
                t.labels_h += b.height;
                t.labels.emplace_back(l.tag, std::move(b));
            }
            const std::string vi = format_number(bar.value, model::Language::Vi);
            const std::string en = format_number(bar.value, model::Language::En);
            if (vi == en) {
                t.values.emplace_back("", block(vi, fonts_.bold.get(), "en", main, 1e6f));
            } else {
                t.values.emplace_back("vi", block(vi, fonts_.bold.get(), "vi", main, 1e6f));
                t.values.emplace_back("en", block(en, fonts_.bold.get(), "en", main, 1e6f));
            }
            for (const auto& [tag, b] : t.values) {
                t.values_h += b.height;
                t.values_w = std::max(t.values_w, b.width);
            }
            laid.value_w = std::max(laid.value_w, t.values_w);
            laid.bars.push_back(std::move(t));
        }
        laid.height = laid.title_h + (laid.titles.empty() ? 0 : chart_gap());
        for (size_t i = 0; i < laid.bars.size(); ++i)
            laid.height += row_height(laid, laid.bars[i]) + (i > 0 ? row_gap() : 0);
        return laid;
    }

    static const std::string& label(const model::Bar& bar, model::Language language) {
        return language == model::Language::Vi ? bar.label.vi : bar.label.en;
    }

    float row_height(const Laid& laid, const BarTexts& t) const {
        const float bar = std::max(bar_thickness(), t.values_h);
        return laid.beside ? std::max(t.labels_h, bar) : t.labels_h + 0.15f * main_ + bar;
    }

    void add(const std::string& role, float x, float y, text::TextBlock block, model::Color color) {
        out_.texts.push_back({role, x, y, std::move(block), color});
    }

    void place(Laid& laid) {
        float y = area_.y + std::max(0.0f, (area_.h - laid.height) / 2);
        for (size_t i = 0; i < laid.titles.size(); ++i) {
            auto& [tag, b] = laid.titles[i];
            if (i > 0) y += title_gap();
            const float h = b.height;
            add(std::string(tag) + ".title", area_.x, y, std::move(b), theme_.accent);
            y += h;
        }
        if (!laid.titles.empty()) y += chart_gap();
        double top = 0;
        for (const auto& bar : slide_.bars) top = std::max(top, bar.value);
        const float bar_x = area_.x + (laid.beside ? laid.label_w + label_to_bar() : 0);
        const float longest = std::max(0.0f, area_.right() - bar_x - value_gap() - laid.value_w);
        for (size_t i = 0; i < laid.bars.size(); ++i) {
            BarTexts& t = laid.bars[i];
            if (i > 0) y += row_gap();
            const float row_h = row_height(laid, t);
            float label_y = y;
            for (auto& [tag, b] : t.labels) {
                const float h = b.height;
                const model::Color color = tag == "vi" ? theme_.text : theme_.secondary;
                add(tag + ".label", area_.x, label_y, std::move(b), color);
                label_y += h;
            }
            // Beside, the bar stands level with the middle of its labels; above, under them.
            const float band_top = laid.beside ? y : label_y + 0.15f * main_;
            const float band_h = laid.beside ? row_h : row_h - (band_top - y);
            const float middle = band_top + band_h / 2;
            const double value = slide_.bars[i].value;
            const float length =
                top > 0 ? static_cast<float>(static_cast<double>(longest) * value / top) : 0;
            out_.fills.push_back(
                {{bar_x, middle - bar_thickness() / 2, length, bar_thickness()}, theme_.accent});
            float value_y = middle - t.values_h / 2;
            for (auto& [tag, b] : t.values) {
                const float h = b.height;
                add(tag.empty() ? "value" : tag + ".value", bar_x + length + value_gap(), value_y,
                    std::move(b), theme_.text);
                value_y += h;
            }
            y += row_h;
        }
    }
};

}  // namespace

void compose_chart(DisplayList& out, const model::Slide& slide, const model::Theme& theme,
                   const text::FontSet& fonts, const Geometry& g, const Rect& area) {
    ChartComposer(out, slide, theme, fonts, g, area).compose();
}

}  // namespace kiosk::scene
