#pragma once
// Decks fetched from a web server, kept in STATE/content as generations: each a folder holding
// one complete version (slides.json, counter.json when the server has one, the images it
// names, and a manifest), and `current`, a symbolic link naming the one to show. A version is
// fetched into a new folder, checked whole, then switched in by renaming a new link over
// `current`: one atomic step, so a kill -9 or a power cut at any moment leaves `current`
// naming a complete deck. The previous generation is kept until the next switch (the screen
// may still be drawing from it), older ones are removed after the switch, and folders no link
// names (a fetch cut short) are removed at start.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace kiosk::state {

// What a generation holds and where it came from, for conditional requests and for people.
struct Manifest {
    std::string source;  // the fingerprint of the URL and its settings the deck came from
    std::string url;     // the URL without its secrets
    std::int64_t fetched_unix = 0;
    struct File {
        std::string etag, last_modified;
        std::uint64_t bytes = 0;
    };
    std::map<std::string, File> files;  // by name in the folder ("slides.json", "img/hall.jpg")
};

class DeckStore {
  public:
    // `state_dir` is the kiosk's state folder (already private); the store lives in its
    // content/ folder, made when first needed.
    explicit DeckStore(std::filesystem::path state_dir);

    struct Generation {
        std::filesystem::path dir;  // the real folder (not the link), stable while it is kept
        Manifest manifest;
    };
    // The deck `current` names, if any and its manifest reads as commit() writes one: a
    // manifest damaged on disk (a field missing, of another type or out of its range, a name
    // outside the folder, an ETag that could not go back out as a header) is no deck.
    std::optional<Generation> current() const;

    // A new empty folder to fetch into.
    std::optional<std::filesystem::path> begin(std::string* error);
    // Writes the manifest into `dir`, makes every file in it durable, and switches it in; the
    // generation before the previous one is removed. False with `error` set, `current` as it
    // was.
    bool commit(const std::filesystem::path& dir, const Manifest& manifest, std::string* error);
    // Removes a folder that will not be switched in.
    void discard(const std::filesystem::path& dir) const;
    // Removes every generation `current` and the one before do not name. Call holding the
    // state folder's lock, before any fetch starts.
    void remove_leftovers() const;
    // Forgets every generation (the content.url was removed or changed).
    void clear() const;

    const std::filesystem::path& root() const { return root_; }

  private:
    std::filesystem::path root_;
};

}  // namespace kiosk::state
