// The files shipped in content/ and config/ must load with no error and no warning: an operator's
// first `kiosk --check` on a fresh checkout is clean.

#include <catch2/catch.hpp>

#include "kiosk/model/config.hpp"
#include "kiosk/model/counter_content.hpp"
#include "kiosk/model/deck.hpp"

using namespace kiosk::model;

namespace {

std::string all(const Diagnostics& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) out += d.to_string() + "\n";
    return out;
}

}  // namespace

TEST_CASE("the bundled slides - counter and config are clean", "[bundled]") {
    Diagnostics diagnostics;
    const auto deck = parse_deck(KIOSK_SOURCE_DIR "/content/slides.json", diagnostics);
    const auto counter =
        parse_counter_content(KIOSK_SOURCE_DIR "/content/counter.json", diagnostics);
    const auto config = parse_config(KIOSK_SOURCE_DIR "/config/kiosk.json", diagnostics);
    INFO(all(diagnostics));
    CHECK(diagnostics.empty());
    REQUIRE(deck);
    CHECK(deck->slides.size() >= 8);
    for (const auto& slide : deck->slides) {
        INFO(slide.id);
        CHECK(slide.vi);  // every bundled slide speaks both languages
        CHECK(slide.en);
    }
    REQUIRE(counter);
    CHECK(counter->value == 72);
    CHECK(config);
}
