#pragma once
// Everything the kiosk reads from disk, loaded together, with the never-a-black-screen rule
// applied: a file that fails validation is replaced by the last good version of it, else by the
// defaults or the built-in slide.

#include <filesystem>
#include <optional>

#include "kiosk/model/config.hpp"
#include "kiosk/model/counter_content.hpp"
#include "kiosk/model/deck.hpp"

namespace kiosk::app {

struct SourcePaths {
    std::filesystem::path config_file;
    bool config_required = false;  // named on the command line: its absence is an error
    std::filesystem::path content_dir;
    std::filesystem::path fonts_dir;
    std::optional<std::filesystem::path> state_dir;  // --state-dir
    std::filesystem::path default_state_dir;         // the layout's, when nothing names one

    std::filesystem::path slides_file() const { return content_dir / "slides.json"; }
    std::filesystem::path counter_file() const { return content_dir / "counter.json"; }
};

// Where the deck on screen came from: the floor is remote (the deck fetched now, else the last
// one fetched, kept on disk) → the local content folder → the built-in slide.
enum class Origin { Remote, Local, Builtin };

struct Sources {
    // The effective state folder is config.state_dir: --state-dir, else the config's, else the
    // layout's default.
    model::Config config;
    model::Deck deck = model::builtin_deck();
    std::optional<model::CounterContent> counter;
    bool deck_is_builtin = true;
    Origin origin = Origin::Builtin;
    std::string remote_url;  // without its secrets, when the deck is remote
    std::int64_t remote_fetched_unix = 0;
};

// "the remote deck of URL (fetched …)", "FILE", "the built-in slide": for lines and status.
std::string describe_origin(const Sources& sources);

// What could be read and validated of each file (disk work: call it off the main thread).
struct ReadSources {
    std::optional<model::Config> config;  // nullopt: missing or invalid
    bool config_failed = false;           // present or required, and invalid
    std::optional<model::Deck> deck;
    std::optional<model::CounterContent> counter;
    bool counter_failed = false;  // present and invalid (missing is no failure)
    // The last deck fetched from content.url and switched in, when there is one for that URL.
    struct Remote {
        model::Deck deck;
        std::optional<model::CounterContent> counter;  // when the server had a counter.json
        std::string url;
        std::int64_t fetched_unix = 0;
    };
    std::optional<Remote> remote;
};
ReadSources read_sources(const SourcePaths& paths, model::Diagnostics& diagnostics);

// Puts a reading together with what is on screen (`last_good`, may be null): each file that
// failed keeps its last good version. No disk work.
Sources merge_sources(ReadSources read, const SourcePaths& paths, const Sources* last_good);

inline Sources load_sources(const SourcePaths& paths, model::Diagnostics& diagnostics) {
    return merge_sources(read_sources(paths, diagnostics), paths, nullptr);
}

}  // namespace kiosk::app
