// Fuzz target: content/slides.json as parse_deck reads it, from a real file holding the input.
// It never throws; every diagnostic is one clean line at a place the file has; and a deck it
// accepts is one the screen can show: at least one slide and at most the limit, ids well formed
// and unique, every slide with text in some language, no text block blank or over its length,
// every quotation with its words, and every body splitting into paragraphs that hold text.

#include <optional>
#include <string>
#include <unordered_set>

#include "fuzz/fuzz_support.hpp"
#include "kiosk/model/deck.hpp"
#include "kiosk/model/limits.hpp"
#include "kiosk/model/utf8.hpp"

using namespace kiosk;

namespace {

bool blank(const std::string& text) {
    return text.find_first_not_of(" \t\n") == std::string::npos;
}

void check_text(const model::SlideText& text, model::Layout layout) {
    using model::count_code_points;
    namespace limits = model::limits;
    fuzz::require(!text.empty(), "a slide's text block is empty");
    fuzz::require(!blank(text.title) || !blank(text.body), "a slide's text block shows nothing",
                  text.title + text.body);
    fuzz::require(text.title.empty() || !blank(text.title), "a title of spaces was kept");
    fuzz::require(text.body.empty() || !blank(text.body), "a body of spaces was kept");
    fuzz::require(count_code_points(text.title) <= limits::kTitleChars, "a title is too long");
    fuzz::require(count_code_points(text.body) <= limits::kBodyChars, "a body is too long");
    fuzz::require(count_code_points(text.attribution) <= limits::kLineChars,
                  "an attribution is too long");
    fuzz::require(layout != model::Layout::Quote || !text.body.empty(), "a quote has no quotation");
    const auto paragraphs = text.paragraphs();
    fuzz::require(text.body.empty() || !paragraphs.empty(), "a body gives no paragraph", text.body);
    for (const auto& p : paragraphs)
        fuzz::require(!blank(p) && p.find('\n') == std::string::npos,
                      "a paragraph is blank or holds a newline", p);
}

void check_deck(const model::Deck& deck, const fuzz::TextPositions& positions) {
    fuzz::require(!deck.slides.empty(), "a deck has no slide");
    fuzz::require(deck.slides.size() <= model::limits::kSlides, "a deck has too many slides");
    std::unordered_set<std::string> ids;
    for (const auto& slide : deck.slides) {
        fuzz::require(!slide.id.empty() && slide.id.size() <= model::limits::kIdChars &&
                          slide.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") ==
                              std::string::npos,
                      "a slide id is malformed", slide.id);
        fuzz::require(ids.insert(slide.id).second, "two slides share an id", slide.id);
        fuzz::require(deck.find(slide.id) == &slide, "a slide is not found by its id", slide.id);
        fuzz::require(slide.vi || slide.en, "a slide has no text", slide.id);
        fuzz::require(!slide.duration_s || (*slide.duration_s >= 1 && *slide.duration_s <= 3600),
                      "a slide's duration is out of range", slide.id);
        fuzz::require(positions.contains(slide.pos),
                      "a slide stands at a place the file does not have");
        if (slide.vi) check_text(*slide.vi, slide.layout);
        if (slide.en) check_text(*slide.en, slide.layout);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    const auto deck = fuzz::read_operator_file("slides.json", text, model::parse_deck);
    if (deck) check_deck(*deck, fuzz::TextPositions(text));
    return 0;
}
