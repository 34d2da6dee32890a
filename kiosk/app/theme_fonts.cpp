#include "kiosk/app/theme_fonts.hpp"

namespace kiosk::app {

std::optional<text::FontSet> load_theme_fonts(const std::filesystem::path& fonts_dir,
                                              const model::Config& config,
                                              model::Diagnostics& diagnostics) {
    const model::Theme defaults;
    const model::Theme& theme = config.theme;
    struct Style {
        const std::string& name;
        const std::string& fallback;
        model::SourcePos pos;
        std::unique_ptr<text::Font> text::FontSet::*slot;
    };
    const Style styles[] = {
        {theme.font, defaults.font, config.font_pos.regular, &text::FontSet::regular},
        {theme.bold_font, defaults.bold_font, config.font_pos.bold, &text::FontSet::bold},
        {theme.italic_font, defaults.italic_font, config.font_pos.italic, &text::FontSet::italic},
    };
    text::FontSet set;
    for (const Style& style : styles) {
        try {
            set.*style.slot = std::make_unique<text::Font>(fonts_dir / style.name);
            continue;
        } catch (const std::exception& e) {
            if (style.name == style.fallback) {
                diagnostics.push_back({model::Diagnostic::Severity::Error,
                                       (fonts_dir / style.name).string(),
                                       {1, 1},
                                       "the bundled font cannot be opened: reinstall the kiosk"});
                return std::nullopt;
            }
            diagnostics.push_back(
                {model::Diagnostic::Severity::Error,
                 config.file.empty() ? "(settings)" : config.file, style.pos,
                 std::string(e.what()) + "; " + style.fallback + " is used instead"});
        }
        try {
            set.*style.slot = std::make_unique<text::Font>(fonts_dir / style.fallback);
        } catch (const std::exception& e) {
            diagnostics.push_back({model::Diagnostic::Severity::Error,
                                   (fonts_dir / style.fallback).string(),
                                   {1, 1},
                                   "the bundled font cannot be opened: reinstall the kiosk"});
            return std::nullopt;
        }
    }
    // The fallbacks for other scripts: one that is missing or broken costs that script only.
    std::vector<std::unique_ptr<text::Font>> bundled;
    for (const char* name : text::kBundledFallbacks) {
        std::error_code ec;
        if (!std::filesystem::exists(fonts_dir / name, ec)) continue;
        try {
            bundled.push_back(std::make_unique<text::Font>(fonts_dir / name));
        } catch (const std::exception&) {
            diagnostics.push_back({model::Diagnostic::Severity::Warning,
                                   (fonts_dir / name).string(),
                                   {1, 1},
                                   "cannot be opened; text in its script shows as boxes"});
        }
    }
    set.fallback = std::make_unique<text::FontFallback>(std::move(bundled));
    return set;
}

}  // namespace kiosk::app
