#pragma once
// The slides an operator wrote in content/slides.json, validated.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/model/counter_config.hpp"
#include "kiosk/model/diagnostic.hpp"
#include "kiosk/model/image_header.hpp"

namespace kiosk::model {

enum class Layout { Title, Text, Facts, Quote, Counter, Image, Chart };

enum class ImageFit { Cover, Contain };

// A picture on a slide: full-bleed on an `image` slide, beside the text on `text` and `facts`.
struct SlideImage {
    std::string file;            // as written: a name relative to the slides file's folder
    std::filesystem::path path;  // where it is
    ImageFit fit = ImageFit::Cover;
    SourcePos pos;  // of the "file" value, for what is said about it
    // Its format and size, when the file could be read and is within the limits; without it
    // the slide shows without the picture.
    std::optional<ImageHeader> header;
};

// One bar of a `chart` slide: its label in each language and its value.
struct Bar {
    LocalizedText label;
    double value = 0;
    SourcePos pos;
};

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
    std::optional<SlideImage> image;
    std::string qr;  // a URL a QR code on the slide takes a phone to; empty: none
    SourcePos qr_pos;
    std::vector<Bar> bars;  // `chart` slides
    SourcePos pos;          // where the slide's object starts, for diagnostics about it
};

struct Deck {
    std::string file;
    std::vector<Slide> slides;  // enabled slides only, in file order; never empty when valid

    const Slide* find(const std::string& id) const;
    // The image files the slides name (relative to the slides file's folder), each once.
    std::vector<std::string> image_files() const;
};

// Parses and validates a deck. Returns nullopt when any error was found: a deck is used whole or
// not at all, so a half-edited file never reaches the screen.
std::optional<Deck> parse_deck(const std::string& file, Diagnostics& diagnostics);

// The slide shown when no content can be loaded at all, so the screen is never black.
Deck builtin_deck();

}  // namespace kiosk::model
