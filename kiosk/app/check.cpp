#include "kiosk/app/check.hpp"

#include "kiosk/app/theme_fonts.hpp"

#include <algorithm>
#include <set>

#include "kiosk/render/picture_decoder.hpp"
#include "kiosk/scene/band_scene.hpp"
#include "kiosk/scene/slide_scene.hpp"
#include "kiosk/text/coverage.hpp"
#include "kiosk/text/font_set.hpp"

namespace kiosk::app {

namespace {

// One warning a string that holds characters no font has, listing them all.
void check_coverage(const model::Slide& slide, const text::FontSet& fonts, const std::string& file,
                    model::Diagnostics& diagnostics) {
    for (const auto& [tag, t] : {std::pair{"vi", slide.vi ? &*slide.vi : nullptr},
                                 std::pair{"en", slide.en ? &*slide.en : nullptr}}) {
        if (!t) continue;
        for (const auto& [field, s] : {std::pair{"title", &t->title}, std::pair{"body", &t->body},
                                       std::pair{"attribution", &t->attribution}}) {
            const auto missing = text::missing_code_points(*s, fonts);
            if (missing.empty()) continue;
            std::string list;
            for (char32_t cp : missing) {
                char code[16];
                std::snprintf(code, sizeof code, " U+%04X", static_cast<unsigned>(cp));
                list += code;
            }
            diagnostics.push_back({model::Diagnostic::Severity::Warning, file, slide.pos,
                                   "slide \"" + slide.id + "\": " + tag + " " + field +
                                       ": no font has" + list + "; they show as boxes"});
        }
    }
}

// Each picture that passed its header check is decoded once, whole (check is offline and may
// take the time): a file cut short or garbled after its header shows only when decoded. At a
// small size, which libjpeg reaches in the DCT: every byte is read, few pixels are made.
void check_decodes(const model::Deck& deck, const model::Theme& theme, const std::string& file,
                   model::Diagnostics& diagnostics) {
    std::set<std::string> seen;
    for (const auto& slide : deck.slides) {
        if (!slide.image || !slide.image->header || !seen.insert(slide.image->file).second)
            continue;
        scene::ImageItem item;
        item.rect = {0, 0, 64, 64};
        item.path = slide.image->path;
        item.file = slide.image->file;
        item.fit = model::ImageFit::Contain;
        item.width = slide.image->header->width;
        item.height = slide.image->header->height;
        std::string why;
        if (!render::decode_picture(render::picture_request(item, theme.background), &why))
            diagnostics.push_back(
                {model::Diagnostic::Severity::Warning, file, slide.image->pos,
                 "image \"" + item.file + "\" " + why + "; the slide shows without it"});
    }
}

}  // namespace

int run_check(const SourcePaths& paths, std::FILE* out) {
    model::Diagnostics diagnostics;
    const Sources sources = load_sources(paths, diagnostics);
    // Problems are said where the deck on screen came from: the URL of a remote deck.
    const bool remote = sources.origin == Origin::Remote;
    const std::string slides_file = remote ? sources.remote_url : paths.slides_file().string();
    if (remote)
        std::fprintf(out, "kiosk: shows %s, %zu slides; the floor is %s\n",
                     describe_origin(sources).c_str(), sources.deck.slides.size(),
                     paths.slides_file().c_str());
    std::error_code ec;
    if (!std::filesystem::exists(paths.counter_file(), ec))
        diagnostics.push_back(
            {model::Diagnostic::Severity::Warning, paths.counter_file().string(),
             model::SourcePos{1, 1},
             sources.config.counter.url.empty()
                 ? "missing: there is no counter, and no band"
                 : "missing: the counter has no label, so the band is not drawn; counter slides "
                   "show the feed's number alone"});

    const model::Theme& theme = sources.config.theme;
    const auto loaded = load_theme_fonts(paths.fonts_dir, sources.config, diagnostics);
    if (loaded && !sources.deck_is_builtin) {
        const text::FontSet& fonts = *loaded;
        // Counter slides are checked with the bundled number and labels, as they first show.
        std::optional<feed::CounterState> bundled;
        if (sources.counter) bundled = feed::bundled_state(*sources.counter);
        const scene::CounterView counter{bundled ? &*bundled : nullptr,
                                         bundled ? bundled->value : 0};
        check_decodes(sources.deck, theme, slides_file, diagnostics);
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
    model::sort_by_position(diagnostics);
    for (const auto& d : diagnostics) std::fprintf(out, "%s\n", d.to_string().c_str());
    const size_t errors = model::count_errors(diagnostics);
    if (diagnostics.empty())
        std::fprintf(out, "kiosk: %zu slides, config and counter are clean\n",
                     sources.deck.slides.size());
    return errors > 0 ? 1 : 0;
}

}  // namespace kiosk::app
