#include "kiosk/app/sources.hpp"

#include <unistd.h>

namespace kiosk::app {

std::filesystem::path find_data_root() {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    std::vector<std::filesystem::path> candidates;
    if (!ec) {
        // build/kiosk, build/tests/x/y, /usr/bin/kiosk → /usr/share/kiosk
        for (auto dir = self.parent_path(); dir.has_relative_path(); dir = dir.parent_path()) {
            candidates.push_back(dir);
            candidates.push_back(dir / "share/kiosk");
        }
    }
    candidates.emplace_back(KIOSK_DATA_DIR);
    candidates.emplace_back(KIOSK_SOURCE_DIR);
    for (const auto& dir : candidates) {
        if (std::filesystem::is_directory(dir / "fonts", ec) &&
            std::filesystem::is_directory(dir / "content", ec))
            return dir;
    }
    return KIOSK_SOURCE_DIR;
}

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
    } else {
        out.config.state_dir = model::default_state_dir();
    }
    if (paths.state_dir) out.config.state_dir = std::filesystem::absolute(*paths.state_dir);

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
