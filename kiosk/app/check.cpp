#include "kiosk/app/check.hpp"

#include <algorithm>

#include "kiosk/scene/band_scene.hpp"
#include "kiosk/scene/slide_scene.hpp"
#include "kiosk/text/font_set.hpp"
#include "kiosk/text/unicode.hpp"

namespace kiosk::app {

namespace {

// Code points of UTF-8 text (already validated when the file was read).
std::vector<char32_t> code_points(const std::string& s) {
    std::vector<char32_t> out;
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
        for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
        out.push_back(cp);
        i += n;
    }
    return out;
}

void check_coverage(const model::Slide& slide, const text::FontSet& fonts, const std::string& file,
                    model::Diagnostics& diagnostics) {
    std::vector<char32_t> missing;
    for (const auto* t : {slide.vi ? &*slide.vi : nullptr, slide.en ? &*slide.en : nullptr}) {
        if (!t) continue;
        for (const auto& s : {t->title, t->body, t->attribution})
            for (char32_t cp : code_points(text::to_nfc(s)))
                if (cp >= 0x20 && cp != '\n' && !fonts.regular->covers(cp) &&
                    std::find(missing.begin(), missing.end(), cp) == missing.end())
                    missing.push_back(cp);
    }
    for (char32_t cp : missing) {
        char message[160];
        std::snprintf(message, sizeof message,
                      "slide \"%s\": character U+%04X is not in the font %s and shows as a box",
                      slide.id.c_str(), static_cast<unsigned>(cp), fonts.regular->name().c_str());
        diagnostics.push_back({model::Diagnostic::Severity::Warning, file, slide.pos, message});
    }
}

}  // namespace

int run_check(const SourcePaths& paths, std::FILE* out) {
    model::Diagnostics diagnostics;
    const Sources sources = load_sources(paths, diagnostics);
    const std::string slides_file = paths.slides_file().string();
    std::error_code ec;
    if (!std::filesystem::exists(paths.counter_file(), ec))
        diagnostics.push_back({model::Diagnostic::Severity::Warning,
                               paths.counter_file().string(),
                               {1, 1},
                               "missing: the counter band shows only once a feed answers"});

    const model::Theme& theme = sources.config.theme;
    text::FontSet fonts;
    try {
        fonts = text::load_fonts(paths.fonts_dir, theme.font, theme.bold_font, theme.italic_font);
    } catch (const std::exception& e) {
        diagnostics.push_back(
            {model::Diagnostic::Severity::Error, sources.config.file, {1, 1}, e.what()});
    }
    if (fonts.regular && !sources.deck_is_builtin) {
        // Counter slides are checked with the bundled number and labels, as they first show.
        std::optional<feed::CounterState> bundled;
        if (sources.counter) bundled = feed::bundled_state(*sources.counter);
        const scene::CounterView counter{bundled ? &*bundled : nullptr,
                                         bundled ? bundled->value : 0};
        for (const auto& slide : sources.deck.slides) {
            check_coverage(slide, fonts, slides_file, diagnostics);
            for (const auto& size : kCheckSizes) {
                for (const auto& problem :
                     scene::compose_slide(slide, theme, fonts, size.width, size.height, counter)
                         .problems)
                    diagnostics.push_back(
                        {model::Diagnostic::Severity::Warning, slides_file, slide.pos, problem});
            }
        }
        if (sources.counter) {
            feed::CounterState state = feed::bundled_state(*sources.counter);
            for (const auto& size : kCheckSizes)
                for (const auto& problem :
                     scene::compose_band(state, state.value, theme, fonts, size.width, size.height)
                         .problems)
                    diagnostics.push_back({model::Diagnostic::Severity::Warning,
                                           paths.counter_file().string(),
                                           {1, 1},
                                           problem});
        }
    }
    for (const auto& d : diagnostics) std::fprintf(out, "%s\n", d.to_string().c_str());
    const size_t errors = model::count_errors(diagnostics);
    if (diagnostics.empty())
        std::fprintf(out, "kiosk: %zu slides, config and counter are clean\n",
                     sources.deck.slides.size());
    return errors > 0 ? 1 : 0;
}

}  // namespace kiosk::app
