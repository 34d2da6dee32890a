#include "kiosk/app/sources.hpp"

#include <ctime>

#include "kiosk/feed/content_feed.hpp"
#include "kiosk/state/deck_store.hpp"

namespace kiosk::app {

namespace {

std::filesystem::path state_dir_for(const SourcePaths& paths, const model::Config& config) {
    if (paths.state_dir) return std::filesystem::absolute(*paths.state_dir);
    return config.state_dir.empty() ? paths.default_state_dir : config.state_dir;
}

// The deck kept from content.url, if the state folder holds one fetched from that very URL.
std::optional<ReadSources::Remote> read_remote(const model::Config& config,
                                               const std::filesystem::path& state_dir,
                                               model::Diagnostics& diagnostics) {
    if (config.content.url.empty() || state_dir.empty()) return std::nullopt;
    const auto current = state::DeckStore(state_dir).current();
    if (!current || current->manifest.source != feed::ContentFeed::source_of(config.content))
        return std::nullopt;
    // It was checked before it was switched in; read again it can only fail if the disk did.
    model::Diagnostics remote;
    auto deck = model::parse_deck((current->dir / "slides.json").string(), remote);
    if (!deck) {
        diagnostics.insert(diagnostics.end(), remote.begin(), remote.end());
        return std::nullopt;
    }
    ReadSources::Remote out{std::move(*deck), std::nullopt, current->manifest.url,
                            current->manifest.fetched_unix};
    std::error_code ec;
    if (std::filesystem::exists(current->dir / "counter.json", ec))
        out.counter =
            model::parse_counter_content((current->dir / "counter.json").string(), diagnostics);
    return out;
}

}  // namespace

std::string describe_origin(const Sources& s) {
    switch (s.origin) {
        case Origin::Remote: {
            const std::time_t t = static_cast<std::time_t>(s.remote_fetched_unix);
            std::tm local{};
            localtime_r(&t, &local);
            char when[32];
            std::strftime(when, sizeof when, "%Y-%m-%d %H:%M", &local);
            return "the remote deck of " + s.remote_url + " (fetched " + when + ")";
        }
        case Origin::Local:
            return s.deck.file;
        case Origin::Builtin:
            return "the built-in slide";
    }
    return "";
}

ReadSources read_sources(const SourcePaths& paths, model::Diagnostics& diagnostics) {
    ReadSources read;
    std::error_code ec;
    if (paths.config_required || std::filesystem::exists(paths.config_file, ec)) {
        read.config = model::parse_config(paths.config_file.string(), diagnostics);
        read.config_failed = !read.config;
    }
    if (read.config)
        read.remote = read_remote(*read.config, state_dir_for(paths, *read.config), diagnostics);
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

    if (read.remote) {
        out.deck = std::move(read.remote->deck);
        out.deck_is_builtin = false;
        out.origin = Origin::Remote;
        out.remote_url = read.remote->url;
        out.remote_fetched_unix = read.remote->fetched_unix;
    } else if (read.config_failed && last_good && last_good->origin == Origin::Remote) {
        // A settings file with a mistake keeps its last good version, content.url with it.
        out.deck = last_good->deck;
        out.deck_is_builtin = false;
        out.origin = Origin::Remote;
        out.remote_url = last_good->remote_url;
        out.remote_fetched_unix = last_good->remote_fetched_unix;
    } else if (read.deck) {
        out.deck = std::move(*read.deck);
        out.deck_is_builtin = false;
        out.origin = Origin::Local;
    } else if (last_good && last_good->origin != Origin::Remote) {
        out.deck = last_good->deck;
        out.deck_is_builtin = last_good->deck_is_builtin;
        out.origin = last_good->origin;
    } else if (last_good) {
        // The remote deck is gone (content.url removed or changed) and the local one does not
        // read: the built-in slide, as at a start with nothing to show.
        out.origin = Origin::Builtin;
    }

    if (read.remote && read.remote->counter)
        out.counter = std::move(*read.remote->counter);
    else if (read.counter)
        out.counter = std::move(*read.counter);
    else if (read.counter_failed && last_good)
        out.counter = last_good->counter;
    return out;
}

}  // namespace kiosk::app
