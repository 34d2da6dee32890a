// Fuzz target: the manifest.json of a fetched deck, as the kiosk reads it back from its state
// folder at start-up and before each fetch (a disk error or a careless operator may have left
// anything in it). The input is written as the manifest of a generation that `current` names in
// a scratch state folder, which DeckStore::current() then reads.
//
// current() never throws, and either says there is no deck or gives a manifest every field of
// which is as commit() writes it: `source` 1 to 64 bytes without a control character (a feed
// fingerprint, only ever compared); `url` an http or https URL in one clean line of at most 2048
// bytes (it is shown and logged); a fetch time from 1970 to the year 9999; at most 1000 files,
// each named by a relative path inside the folder (no "..", no empty or "." part) in one clean
// line of at most 200 bytes, with an ETag and a Last-Modified that hold no control character
// (they go back out as request headers) and a size of at most 1 GiB. The generation it gives is
// the folder `current` names.

#include <exception>
#include <filesystem>
#include <string>

#include "fuzz/fuzz_support.hpp"
#include "kiosk/model/relative_path.hpp"
#include "kiosk/state/deck_store.hpp"

using namespace kiosk;

namespace {

constexpr const char* kGeneration = "gen-1761500000000-0000fuzz";

// The scratch state folder, its content/ holding one generation and `current` naming it.
const std::filesystem::path& state_dir() {
    static const std::filesystem::path dir = [] {
        const auto state = fuzz::scratch_dir() / "state";
        std::filesystem::create_directories(state / "content" / kGeneration);
        std::filesystem::create_symlink(kGeneration, state / "content" / "current");
        return state;
    }();
    return dir;
}

bool header_value(const std::string& value, size_t max_bytes) {
    if (value.size() > max_bytes) return false;
    for (const char c : value) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b == 0x7F) return false;
    }
    return true;
}

bool inside_name(const std::string& name) {
    return name.size() <= 200 && fuzz::clean_line(name) && model::stays_inside(name);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto dir = state_dir();
    fuzz::write_scratch_file(std::string("state/content/") + kGeneration + "/manifest.json",
                             fuzz::as_text(data, size));
    std::optional<state::DeckStore::Generation> current;
    try {
        current = state::DeckStore(dir).current();
    } catch (const std::exception& e) {
        fuzz::require(false, "reading the deck store threw", e.what());
    }
    if (!current) return 0;

    const state::Manifest& m = current->manifest;
    fuzz::require(current->dir == dir / "content" / kGeneration,
                  "the generation is not the folder current names", current->dir.string());
    fuzz::require(!m.source.empty() && header_value(m.source, 64),
                  "a manifest's source is not a short line of text", m.source);
    fuzz::require((m.url.rfind("http://", 0) == 0 || m.url.rfind("https://", 0) == 0) &&
                      m.url.size() <= 2048 && fuzz::clean_line(m.url),
                  "a manifest's url is not one clean http(s) URL", m.url);
    fuzz::require(m.fetched_unix >= 0 && m.fetched_unix <= 253402300799,
                  "a manifest was fetched before 1970 or after 9999",
                  std::to_string(m.fetched_unix));
    fuzz::require(m.files.size() <= 1000, "a manifest names more than 1000 files");
    for (const auto& [name, file] : m.files) {
        fuzz::require(inside_name(name), "a manifest names a file outside its folder", name);
        fuzz::require(header_value(file.etag, 512) && header_value(file.last_modified, 128),
                      "a manifest's ETag or Last-Modified cannot go back out as a header",
                      file.etag + " / " + file.last_modified);
        fuzz::require(file.bytes <= (1ull << 30), "a manifest's file is larger than 1 GiB", name);
    }
    return 0;
}
