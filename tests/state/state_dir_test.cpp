// The state folder against real files: what an attacker or a second kiosk could do to it.

#include "kiosk/state/state_dir.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace kiosk;

namespace {

mode_t mode_of(const std::filesystem::path& p) {
    struct stat st {};
    REQUIRE(lstat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("a missing state folder is made private - a loose one is made private", "[state]") {
    test::TempDir dir;
    const auto made = dir.path() / "a/b/state";
    std::string why;
    REQUIRE(state::StateDir::open(made, &why));
    CHECK(mode_of(made) == 0700);
    const auto loose = dir.path() / "loose";
    std::filesystem::create_directory(loose);
    chmod(loose.c_str(), 0777);
    REQUIRE(state::StateDir::open(loose, &why));
    CHECK(mode_of(loose) == 0700);
}

TEST_CASE("a link planted where the state folder goes is refused", "[state]") {
    test::TempDir dir;
    std::filesystem::create_directory(dir.path() / "elsewhere");
    std::filesystem::create_directory_symlink(dir.path() / "elsewhere", dir.path() / "state");
    std::string why;
    CHECK_FALSE(state::StateDir::open(dir.path() / "state", &why));
    CHECK_THAT(why, Catch::Contains("is a symbolic link"));
}

TEST_CASE("a state folder that belongs to another user is refused", "[state]") {
    test::TempDir dir;
    const auto theirs = dir.path() / "theirs";
    std::filesystem::create_directory(theirs);
    if (geteuid() != 0) {
        WARN("needs root to give a folder to another user; not checked");
        return;
    }
    REQUIRE(chown(theirs.c_str(), 12345, 12345) == 0);
    std::string why;
    CHECK_FALSE(state::StateDir::open(theirs, &why));
    CHECK_THAT(why, Catch::Contains("belongs to another user (uid 12345)"));
}

TEST_CASE("one kiosk at a time holds a state folder", "[state]") {
    test::TempDir dir;
    std::string why;
    auto first = state::StateDir::open(dir.path(), &why);
    REQUIRE(first);
    REQUIRE(first->lock(&why));
    auto second = state::StateDir::open(dir.path(), &why);
    REQUIRE(second);
    CHECK_FALSE(second->lock(&why));
    CHECK_THAT(why, Catch::Contains("another kiosk (process " + std::to_string(getpid()) + ")"));
    first.reset();  // the first one ends: the folder is free
    CHECK(second->lock(&why));
}

TEST_CASE("files are written whole - private - through a name nobody else uses", "[state]") {
    test::TempDir dir;
    std::string error;
    REQUIRE(state::write_file_atomically(dir.path(), "status.json", "{\"a\": 1}", false, &error));
    CHECK(test::read_file((dir.path() / "status.json").string()) == "{\"a\": 1}");
    CHECK(mode_of(dir.path() / "status.json") == 0600);
    // What a killed writer left behind is cleared by the next holder of the folder.
    dir.write(".status.json.0123456789abcdef.tmp", "half");
    auto held = state::StateDir::open(dir.path(), &error);
    REQUIRE(held);
    REQUIRE(held->lock(&error));
    held->remove_leftovers();
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        files += e.path().filename() != "kiosk.lock";
    CHECK(files == 1);
}

TEST_CASE("two writers of one file never mix their bytes", "[state]") {
    test::TempDir dir;
    const std::string a(200000, 'a'), b(200000, 'b');
    std::thread one([&] {
        for (int i = 0; i < 50; ++i)
            state::write_file_atomically(dir.path(), "screen.png", a, false, nullptr);
    });
    std::thread two([&] {
        for (int i = 0; i < 50; ++i)
            state::write_file_atomically(dir.path(), "screen.png", b, false, nullptr);
    });
    int torn = 0;
    for (int i = 0; i < 200; ++i) {
        const std::string seen = test::read_file((dir.path() / "screen.png").string());
        torn += !seen.empty() && seen != a && seen != b;
    }
    one.join();
    two.join();
    CHECK(torn == 0);
}
