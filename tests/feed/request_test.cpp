// The URLs of a remote deck's files, made from the deck's own URL.

#include "kiosk/feed/request.hpp"

#include <catch2/catch.hpp>

using kiosk::feed::resolve_url;

TEST_CASE("a deck's files are resolved beside its URL", "[feed][content]") {
    const std::string base = "https://decks.example/hall/slides.json?v=2";
    CHECK(resolve_url(base, "hall.jpg") == "https://decks.example/hall/hall.jpg");
    CHECK(resolve_url(base, "img/a.png") == "https://decks.example/hall/img/a.png");
    CHECK(resolve_url(base, "../up.png") == "https://decks.example/up.png");
    CHECK(resolve_url("http://u:p@decks.example:8080/a/slides.json", "counter.json") ==
          "http://u:p@decks.example:8080/a/counter.json");
}

TEST_CASE("a name cannot take a deck's request elsewhere", "[feed][content]") {
    const std::string base = "https://decks.example/hall/slides.json";
    CHECK(resolve_url(base, "//other.example/x.png").empty());
    CHECK(resolve_url(base, "//user:pw@decks.example/x.png").empty());
    CHECK(resolve_url(base, "https://other.example/x.png").empty());
    CHECK(resolve_url(base, "http://decks.example/x.png").empty());
    CHECK(resolve_url(base, "file:///etc/passwd").empty());
    CHECK(resolve_url("ftp://decks.example/slides.json", "counter.json").empty());
}
