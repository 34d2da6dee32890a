#include "kiosk/feed/counter_cache.hpp"

#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"

using namespace kiosk;

TEST_CASE("the cache keeps value - fetch time - url and pointer across a restart", "[feed]") {
    test::TempDir dir;
    const auto state = dir.path() / "state";  // not there yet: saving creates it
    std::string error;
    REQUIRE(feed::save_counter_cache(state, {81, 1761500000, "https://feed.example/x", "/total"},
                                     &error));
    const auto cache = feed::load_counter_cache(state, "https://feed.example/x", "/total", nullptr);
    REQUIRE(cache);
    CHECK(cache->value == 81u);
    CHECK(cache->fetched_unix == 1761500000);
    // Nothing of the write is left behind but the file itself.
    int files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(state)) ++files;
    CHECK(files == 1);
}

TEST_CASE("a cache from another feed is not shown", "[feed]") {
    test::TempDir dir;
    REQUIRE(feed::save_counter_cache(dir.path(), {81, 1761500000, "https://a.example/", "/total"},
                                     nullptr));
    std::string why;
    CHECK_FALSE(feed::load_counter_cache(dir.path(), "https://b.example/", "/total", &why));
    CHECK_THAT(why, Catch::Contains("from another feed"));
    why.clear();
    CHECK_FALSE(feed::load_counter_cache(dir.path(), "https://a.example/", "/count", &why));
    CHECK_THAT(why, Catch::Contains("from another feed"));
}

TEST_CASE("a corrupt cache is ignored with a reason - a missing one silently", "[feed]") {
    test::TempDir dir;
    std::string why;
    CHECK_FALSE(feed::load_counter_cache(dir.path(), "https://a.example/", "/total", &why));
    CHECK(why.empty());
    for (const char* text :
         {"{\"value\": 8", "",
          "{\"value\": \"eighty\", \"fetched_unix\": 1, \"url\": \"\", \"pointer\": \"\"}"}) {
        INFO(text);
        dir.write("counter-cache.json", text);
        why.clear();
        CHECK_FALSE(feed::load_counter_cache(dir.path(), "https://a.example/", "/total", &why));
        CHECK_THAT(why, Catch::Contains("counter-cache.json: corrupt, ignored"));
    }
}

TEST_CASE("a cache that cannot be written says where and why", "[feed]") {
    test::TempDir dir;
    dir.write("blocked", "a file where the state folder should be");
    std::string error;
    CHECK_FALSE(feed::save_counter_cache(dir.path() / "blocked", {1, 1, "u", "/p"}, &error));
    CHECK_THAT(error, Catch::Contains("blocked"));
}
