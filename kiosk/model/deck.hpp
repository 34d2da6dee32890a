#pragma once
// The slides an operator wrote in content/slides.json, validated.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/model/diagnostic.hpp"

namespace kiosk::model {

enum class Layout { Title, Text, Facts, Quote, Counter };

enum class Language { Vi, En };

struct SlideText {
    std::string title;
    std::string body;         // a blank line separates paragraphs
    std::string attribution;  // "quote" layout: who said it

    std::vector<std::string> paragraphs() const;
    // No title and no body. A parsed deck never holds an empty SlideText: text of spaces only
    // is read as empty, and a block with nothing to show is an error.
    bool empty() const;
};

struct Slide {
    std::string id;
    Layout layout = Layout::Text;
    std::optional<double> duration_s;  // unset: the config's default
    std::optional<SlideText> vi;
    std::optional<SlideText> en;
    SourcePos pos;  // where the slide's object starts, for diagnostics about it
};

struct Deck {
    std::string file;
    std::vector<Slide> slides;  // enabled slides only, in file order; never empty when valid

    const Slide* find(const std::string& id) const;
};

// Parses and validates a deck. Returns nullopt when any error was found: a deck is used whole or
// not at all, so a half-edited file never reaches the screen.
std::optional<Deck> parse_deck(const std::string& file, Diagnostics& diagnostics);

// The slide shown when no content can be loaded at all, so the screen is never black.
Deck builtin_deck();

}  // namespace kiosk::model
