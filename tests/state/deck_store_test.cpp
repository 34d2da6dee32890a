// Generations on disk, and every state a kill -9 or a power cut can leave them in.

#include "kiosk/state/deck_store.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include <catch2/catch.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace kiosk;

namespace {

std::filesystem::path fill(state::DeckStore& store, const std::string& text) {
    auto dir = store.begin(nullptr);
    REQUIRE(dir);
    std::ofstream(*dir / "slides.json") << text;
    return *dir;
}

state::Manifest manifest(const std::string& source) {
    state::Manifest m;
    m.source = source;
    m.url = "https://example.org/slides.json";
    m.files["slides.json"] = {"\"e1\"", "", 10};
    return m;
}

}  // namespace

TEST_CASE("a committed generation is current - with its manifest", "[state][content]") {
    test::TempDir dir;
    state::DeckStore store(dir.path());
    CHECK_FALSE(store.current());
    const auto first = fill(store, "one");
    REQUIRE(store.commit(first, manifest("s"), nullptr));
    const auto current = store.current();
    REQUIRE(current);
    CHECK(current->dir == first);
    CHECK(current->manifest.files.at("slides.json").etag == "\"e1\"");
    CHECK(test::read_file((current->dir / "slides.json").string()) == "one");
}

TEST_CASE("a switch keeps the previous generation and removes the one before", "[state][content]") {
    test::TempDir dir;
    state::DeckStore store(dir.path());
    const auto a = fill(store, "a");
    REQUIRE(store.commit(a, manifest("s"), nullptr));
    const auto b = fill(store, "b");
    REQUIRE(store.commit(b, manifest("s"), nullptr));
    CHECK(std::filesystem::exists(a));
    const auto c = fill(store, "c");
    REQUIRE(store.commit(c, manifest("s"), nullptr));
    CHECK_FALSE(std::filesystem::exists(a));
    CHECK(std::filesystem::exists(b));
    CHECK(store.current()->dir == c);
}

TEST_CASE("what a kill at any step of a fetch leaves is a complete deck", "[state][content]") {
    test::TempDir dir;
    state::DeckStore store(dir.path());
    const auto good = fill(store, "good");
    REQUIRE(store.commit(good, manifest("s"), nullptr));

    // Killed while fetching: a folder no link names.
    fill(store, "half");
    // Killed between making the new link and renaming it over `current`.
    const auto next = fill(store, "next");
    REQUIRE(symlink(next.filename().c_str(), (store.root() / "current.new").c_str()) == 0);
    // Killed writing the manifest: a temporary file in the new folder.
    std::ofstream(next / ".manifest.json.0123456789abcdef.tmp") << "{\"so";

    // The next start: `current` still names the complete deck, and the rest is cleared.
    state::DeckStore after(dir.path());
    REQUIRE(after.current());
    CHECK(after.current()->dir == good);
    after.remove_leftovers();
    int entries = 0;
    for (const auto& e : std::filesystem::directory_iterator(after.root())) {
        ++entries;
        CHECK((e.path().filename() == "current" || e.path() == good));
    }
    CHECK(entries == 2);
}

TEST_CASE("a generation without a readable manifest is not shown", "[state][content]") {
    test::TempDir dir;
    state::DeckStore store(dir.path());
    const auto g = fill(store, "x");
    REQUIRE(store.commit(g, manifest("s"), nullptr));
    std::ofstream(g / "manifest.json") << "{ torn";
    CHECK_FALSE(store.current());
}

TEST_CASE("a manifest damaged on disk is no deck", "[state][content]") {
    test::TempDir dir;
    state::DeckStore store(dir.path());
    const auto g = fill(store, "x");
    REQUIRE(store.commit(g, manifest("s"), nullptr));
    const std::string good =
        R"({"source": "s", "url": "https://example.org/slides.json", "fetched_unix": 1761500000,
            "files": {"slides.json": {"etag": "\"e1\"", "last_modified": "", "bytes": 10}}})";
    std::ofstream(g / "manifest.json") << good;
    REQUIRE(store.current());
    CHECK(store.current()->manifest.fetched_unix == 1761500000);
    const auto with = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        text.replace(text.find(from), from.size(), to);
        std::ofstream(g / "manifest.json", std::ios::trunc) << text;
        return store.current();
    };
    CHECK_FALSE(with("1761500000", "1e300"));  // no integer: converting it would be undefined
    CHECK_FALSE(with("1761500000", "-1"));
    CHECK_FALSE(with("\\\"e1\\\"", "\"x\\r\\nX-Evil: 1\""));  // would go out as a header
    CHECK_FALSE(with("\"slides.json\"", "\"../slides.json\""));
    CHECK_FALSE(with("https://example.org", "file://"));
    CHECK_FALSE(with("\"bytes\": 10", "\"bytes\": 10.5"));
    CHECK_FALSE(with("{\"slides.json\"", "[{\"slides.json\""));
    CHECK(with("\"bytes\": 10", "\"bytes\": 11"));
}

TEST_CASE("a FIFO where the manifest should be is no deck - and does not hang the reader",
          "[state][content]") {
    test::TempDir dir;
    state::DeckStore store(dir.path());
    const auto g = fill(store, "x");
    REQUIRE(store.commit(g, manifest("s"), nullptr));
    std::filesystem::remove(g / "manifest.json");
    REQUIRE(mkfifo((g / "manifest.json").c_str(), 0600) == 0);
    CHECK_FALSE(store.current());  // opened for reading without a writer, fopen would block
}
