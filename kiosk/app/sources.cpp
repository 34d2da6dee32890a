#include "kiosk/app/sources.hpp"

namespace kiosk::app {

ReadSources read_sources(const SourcePaths& paths, model::Diagnostics& diagnostics) {
    ReadSources read;
    std::error_code ec;
    if (paths.config_required || std::filesystem::exists(paths.config_file, ec)) {
        read.config = model::parse_config(paths.config_file.string(), diagnostics);
        read.config_failed = !read.config;
    }
    read.deck = model::parse_deck(paths.slides_file().string(), diagnostics);
    if (std::filesystem::exists(paths.counter_file(), ec)) {
        read.counter = model::parse_counter_content(paths.counter_file().string(), diagnostics);
        read.counter_failed = !read.counter;
    }
    return read;
}

Sources merge_sources(ReadSources read, const SourcePaths& paths, const Sources* last_good) {
    Sources out;
    if (read.config) {
        out.config = std::move(*read.config);
    } else if (read.config_failed && last_good) {
        out.config = last_good->config;
    }
    if (paths.state_dir)
        out.config.state_dir = std::filesystem::absolute(*paths.state_dir);
    else if (out.config.state_dir.empty())
        out.config.state_dir = paths.default_state_dir;

    if (read.deck) {
        out.deck = std::move(*read.deck);
        out.deck_is_builtin = false;
    } else if (last_good) {
        out.deck = last_good->deck;
        out.deck_is_builtin = last_good->deck_is_builtin;
    }

    if (read.counter)
        out.counter = std::move(*read.counter);
    else if (read.counter_failed && last_good)
        out.counter = last_good->counter;
    return out;
}

}  // namespace kiosk::app
