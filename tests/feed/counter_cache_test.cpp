#include "kiosk/feed/counter_cache.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace kiosk;

namespace {
const feed::FeedIdentity kFeed{"https://feed.example/x?api_key=s3cret", "/total"};
constexpr std::int64_t kNow = 1761500000;
}  // namespace

TEST_CASE("the cache keeps value and fetch time across a restart", "[feed]") {
    test::TempDir dir;
    std::string error;
    REQUIRE(feed::save_counter_cache(dir.path(), kFeed, {81, kNow - 60}, &error));
    const auto cache = feed::load_counter_cache(dir.path(), kFeed, kNow, nullptr);
    REQUIRE(cache);
    CHECK(cache->value == 81u);
    CHECK(cache->fetched_unix == kNow - 60);
    // Nothing of the write is left behind but the file itself, and only its owner reads it.
    int files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
        ++files;
    CHECK(files == 1);
    struct stat st {};
    REQUIRE(stat(feed::counter_cache_file(dir.path()).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("the cache never holds the feed's secrets", "[feed]") {
    test::TempDir dir;
    REQUIRE(feed::save_counter_cache(dir.path(), kFeed, {81, kNow}, nullptr));
    const std::string text = test::read_file(feed::counter_cache_file(dir.path()));
    CHECK(text.find("s3cret") == std::string::npos);
    CHECK_THAT(text, Catch::Contains("https://feed.example/x?api_key=…"));
}

TEST_CASE("a cache from another feed is not shown", "[feed]") {
    test::TempDir dir;
    REQUIRE(feed::save_counter_cache(dir.path(), kFeed, {81, kNow}, nullptr));
    std::string why;
    CHECK_FALSE(feed::load_counter_cache(dir.path(), {"https://b.example/", "/total"}, kNow, &why));
    CHECK_THAT(why, Catch::Contains("from another feed"));
    why.clear();
    CHECK_FALSE(feed::load_counter_cache(dir.path(), {kFeed.url, "/count"}, kNow, &why));
    CHECK_THAT(why, Catch::Contains("from another feed"));
}

TEST_CASE("a cache written by the earlier format is still read", "[feed]") {
    test::TempDir dir;
    dir.write("counter-cache.json", R"({"value": 81, "fetched_unix": 1761400000,
        "url": "https://feed.example/x?api_key=s3cret", "pointer": "/total"})");
    const auto cache = feed::load_counter_cache(dir.path(), kFeed, kNow, nullptr);
    REQUIRE(cache);
    CHECK(cache->value == 81u);
}

TEST_CASE("a corrupt or implausible cache is ignored with a reason - a missing one silently",
          "[feed]") {
    test::TempDir dir;
    std::string why;
    CHECK_FALSE(feed::load_counter_cache(dir.path(), kFeed, kNow, &why));
    CHECK(why.empty());
    for (const char* text : {
             "{\"value\": 8",
             "",
             R"({"value": "eighty", "fetched_unix": 1, "feed": "x"})",
             R"({"value": -1, "fetched_unix": 1761400000, "feed": "x"})",
             R"({"value": 100000000000000000, "fetched_unix": 1761400000, "feed": "x"})",
             R"({"value": 1e400, "fetched_unix": 1761400000, "feed": "x"})",
             R"({"value": 72, "fetched_unix": -5, "feed": "x"})",
         }) {
        INFO(text);
        dir.write("counter-cache.json", text);
        why.clear();
        CHECK_FALSE(feed::load_counter_cache(dir.path(), kFeed, kNow, &why));
        CHECK_THAT(why, Catch::Contains("counter-cache.json: corrupt, ignored"));
    }
}

TEST_CASE("a cache from the future - the clock was set back - is read as of now", "[feed]") {
    test::TempDir dir;
    REQUIRE(feed::save_counter_cache(dir.path(), kFeed, {81, kNow + 86400}, nullptr));
    const auto cache = feed::load_counter_cache(dir.path(), kFeed, kNow, nullptr);
    REQUIRE(cache);
    CHECK(cache->fetched_unix == kNow);
}

TEST_CASE("a FIFO or a huge file where the cache should be is refused - no hang", "[feed]") {
    test::TempDir dir;
    REQUIRE(mkfifo(feed::counter_cache_file(dir.path()).c_str(), 0600) == 0);
    std::string why;
    CHECK_FALSE(feed::load_counter_cache(dir.path(), kFeed, kNow, &why));
    CHECK_THAT(why, Catch::Contains("not a regular file"));
    std::filesystem::remove(feed::counter_cache_file(dir.path()));
    dir.write("counter-cache.json", std::string(1 << 20, ' '));
    CHECK_FALSE(feed::load_counter_cache(dir.path(), kFeed, kNow, &why));
    CHECK_THAT(why, Catch::Contains("are not read"));
}

TEST_CASE("a link planted where the cache goes is replaced - its target is not written", "[feed]") {
    test::TempDir dir;
    const std::string precious = dir.write("precious.txt", "root's file");
    std::filesystem::create_symlink(precious, feed::counter_cache_file(dir.path()));
    for (int i = 0; i < 8; ++i)  // and at any temporary name it might guess
        std::filesystem::create_symlink(
            precious, dir.path() / (".counter-cache.json." + std::to_string(i) + ".tmp"));
    REQUIRE(feed::save_counter_cache(dir.path(), kFeed, {81, kNow}, nullptr));
    CHECK(test::read_file(precious) == "root's file");
    CHECK_FALSE(std::filesystem::is_symlink(feed::counter_cache_file(dir.path())));
    CHECK(feed::load_counter_cache(dir.path(), kFeed, kNow, nullptr)->value == 81u);
}

TEST_CASE("a cache that cannot be written says where and why", "[feed]") {
    test::TempDir dir;
    dir.write("blocked", "a file where the state folder should be");
    std::string error;
    CHECK_FALSE(feed::save_counter_cache(dir.path() / "blocked", kFeed, {1, 1}, &error));
    CHECK_THAT(error, Catch::Contains("blocked"));
}
