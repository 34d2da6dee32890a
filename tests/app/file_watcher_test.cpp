#include "kiosk/app/file_watcher.hpp"

#include <catch2/catch.hpp>
#include <condition_variable>
#include <mutex>

#include "support/temp_dir.hpp"

using namespace kiosk;

TEST_CASE("an edit - even by renaming a new file over the old - is noticed once quiet",
          "[watcher]") {
    test::TempDir dir;
    const auto file = dir.write("slides.json", "{}");
    std::mutex mutex;
    std::condition_variable changed;
    int calls = 0;
    std::string seen;
    app::FileWatcher watcher({file}, [&] {
        std::lock_guard lock(mutex);
        ++calls;
        seen =
            std::string(std::istreambuf_iterator<char>(*std::make_unique<std::ifstream>(file)), {});
        changed.notify_all();
    });
    REQUIRE(watcher.watching());
    // The way editors save: write a temporary file, rename it over the original.
    dir.write("slides.json.tmp", "{\"slides\": []}");
    std::filesystem::rename(dir.path() / "slides.json.tmp", file);
    std::unique_lock lock(mutex);
    REQUIRE(changed.wait_for(lock, std::chrono::seconds(5), [&] { return calls > 0; }));
    CHECK(seen == "{\"slides\": []}");
}

TEST_CASE("files that are not watched do not wake it", "[watcher]") {
    test::TempDir dir;
    const auto file = dir.write("slides.json", "{}");
    std::mutex mutex;
    std::condition_variable changed;
    int calls = 0;
    app::FileWatcher watcher({file}, [&] {
        std::lock_guard lock(mutex);
        ++calls;
        changed.notify_all();
    });
    dir.write("notes.txt", "unrelated");
    std::unique_lock lock(mutex);
    // Three times the quiet period: a reload for the unrelated file would have come by then.
    CHECK_FALSE(changed.wait_for(lock, std::chrono::milliseconds(900), [&] { return calls > 0; }));
    lock.unlock();
    dir.write("slides.json", "{\"x\": 1}");
    lock.lock();
    REQUIRE(changed.wait_for(lock, std::chrono::seconds(5), [&] { return calls > 0; }));
    CHECK(calls == 1);
}
