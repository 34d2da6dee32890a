// The watcher against real files: every way an operator (or a deploy script) changes them must
// give one reload, and nothing else may.

#include "kiosk/app/file_watcher.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <condition_variable>
#include <fstream>
#include <mutex>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace kiosk;
using std::chrono::milliseconds;

namespace {

// Counts the watcher's calls and what the file held at each.
struct Recorder {
    std::mutex mutex;
    std::condition_variable changed;
    int calls = 0;
    std::string seen;
    std::filesystem::path file;

    std::function<void()> callback() {
        return [this] {
            std::lock_guard lock(mutex);
            ++calls;
            seen = test::read_file(file.string());
            changed.notify_all();
        };
    }
    // Waits for call number `n`; false if it does not come within `deadline`.
    bool wait_for(int n, milliseconds deadline = milliseconds(6000)) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, deadline, [&] { return calls >= n; });
    }
};

}  // namespace

TEST_CASE("an edit - even by renaming a new file over the old - is noticed once quiet",
          "[watcher]") {
    test::TempDir dir;
    Recorder r;
    r.file = dir.write("slides.json", "{}");
    app::FileWatcher watcher({r.file}, r.callback());
    // The way editors save: write a temporary file, rename it over the original.
    dir.write("slides.json.tmp", "{\"slides\": []}");
    std::filesystem::rename(dir.path() / "slides.json.tmp", r.file);
    REQUIRE(r.wait_for(1));
    CHECK(r.seen == "{\"slides\": []}");
}

TEST_CASE("files that are not watched do not wake it", "[watcher]") {
    test::TempDir dir;
    Recorder r;
    r.file = dir.write("slides.json", "{}");
    app::FileWatcher watcher({r.file}, r.callback());
    dir.write("notes.txt", "unrelated");
    // Three times the quiet period: a reload for the unrelated file would have come by then.
    CHECK_FALSE(r.wait_for(1, milliseconds(900)));
    dir.write("slides.json", "{\"x\": 1}");
    REQUIRE(r.wait_for(1));
    CHECK(r.calls == 1);
}

TEST_CASE("a content folder replaced whole is followed - and edits in the new one too",
          "[watcher]") {
    test::TempDir dir;
    Recorder r;
    r.file = dir.write("content/slides.json", "old");
    app::FileWatcher watcher({r.file}, r.callback());
    // A deploy: the new folder is made beside the old, then swapped in.
    dir.write("content.new/slides.json", "new");
    std::filesystem::rename(dir.path() / "content", dir.path() / "content.old");
    std::filesystem::rename(dir.path() / "content.new", dir.path() / "content");
    REQUIRE(r.wait_for(1));
    CHECK(r.seen == "new");
    // The old folder is gone from view; the new one is watched.
    dir.write("content/slides.json", "edited");
    REQUIRE(r.wait_for(2));
    CHECK(r.seen == "edited");
}

TEST_CASE("a symbolic link pointed at another deck is followed", "[watcher]") {
    test::TempDir dir;
    dir.write("deck-a/slides.json", "a");
    dir.write("deck-b/slides.json", "b");
    std::filesystem::create_directory_symlink(dir.path() / "deck-a", dir.path() / "content");
    Recorder r;
    r.file = dir.path() / "content/slides.json";
    app::FileWatcher watcher({r.file}, r.callback());
    std::filesystem::create_directory_symlink(dir.path() / "deck-b", dir.path() / "next");
    std::filesystem::rename(dir.path() / "next", dir.path() / "content");
    REQUIRE(r.wait_for(1));
    CHECK(r.seen == "b");
}

TEST_CASE("a permission put right is noticed without another write", "[watcher]") {
    test::TempDir dir;
    Recorder r;
    r.file = dir.write("slides.json", "{}");
    chmod(r.file.c_str(), 0);
    app::FileWatcher watcher({r.file}, r.callback());
    chmod(r.file.c_str(), 0644);
    REQUIRE(r.wait_for(1));
}

TEST_CASE("a file that appears or disappears is noticed", "[watcher]") {
    test::TempDir dir;
    Recorder r;
    r.file = dir.path() / "counter.json";
    app::FileWatcher watcher({r.file}, r.callback());
    dir.write("counter.json", "{}");
    REQUIRE(r.wait_for(1));
    std::filesystem::remove(r.file);
    REQUIRE(r.wait_for(2));
    CHECK(r.seen.empty());
}

TEST_CASE("trigger reads again though nothing changed (SIGHUP)", "[watcher]") {
    test::TempDir dir;
    Recorder r;
    r.file = dir.write("slides.json", "{}");
    app::FileWatcher watcher({r.file}, r.callback());
    watcher.trigger();
    REQUIRE(r.wait_for(1));
}

TEST_CASE("a reader that throws is said - watching goes on", "[watcher]") {
    test::TempDir dir;
    Recorder r;
    r.file = dir.write("slides.json", "{}");
    Recorder thrown;
    thrown.file = r.file;
    const auto record = r.callback(), note_throw = thrown.callback();
    app::FileWatcher watcher({r.file}, [&] {
        if (thrown.calls == 0) {
            note_throw();
            throw std::bad_alloc();
        }
        record();
    });
    dir.write("slides.json", "1");
    REQUIRE(thrown.wait_for(1));
    dir.write("slides.json", "2");
    REQUIRE(r.wait_for(1));
    CHECK(r.seen == "2");
}
