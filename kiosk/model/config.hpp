#pragma once
// config/kiosk.json: how this screen shows the content. Every key has a default, so an empty
// object is a valid config and an operator writes only what differs.

#include <filesystem>
#include <optional>
#include <string>

#include "kiosk/model/color.hpp"
#include "kiosk/model/counter_config.hpp"
#include "kiosk/model/diagnostic.hpp"

namespace kiosk::model {

// Auto: the GPU where the machine has one, else SDL's software renderer.
enum class Renderer { Auto, Software, Gpu };

struct DisplayConfig {
    bool fullscreen = true;
    int display = 0;  // index of the monitor, 0 = primary
    int width = 0;    // 0 = the display's own size (fullscreen) or 1280x720 (windowed)
    int height = 0;
    int rotation = 0;  // 0, 90, 180 or 270: clockwise turn of the picture for a portrait TV
    Renderer renderer = Renderer::Auto;
};

enum class Transition { Crossfade, Cut };

enum class BandPosition { Bottom, Top, Off };

struct Theme {
    Color background{0x0b, 0x1f, 0x3a};
    Color text{0xff, 0xff, 0xff};               // first language
    Color secondary{0xc9, 0xd6, 0xe8};          // second language
    Color accent{0xf2, 0xc1, 0x4e};             // titles, rules, the counter's number
    Color band{0x07, 0x15, 0x2b};               // background of the counter band
    std::string font = "NotoSans-Regular.ttf";  // files in the fonts/ folder
    std::string bold_font = "NotoSans-Bold.ttf";
    std::string italic_font = "NotoSans-Italic.ttf";
    BandPosition band_position = BandPosition::Bottom;
    double scale = 1.0;  // multiplies every text size (0.8 to 1.5)
};

// Where the theme named its fonts, so a font that cannot be opened is reported at its key.
struct FontPositions {
    SourcePos regular, bold, italic;
};

// Slides from a web server: a slides.json (and optionally a counter.json beside it, and the
// images it names) fetched whole, checked whole, and switched in whole.
struct ContentConfig : FetchSettings {
    std::uint64_t max_total_bytes = 200ull << 20;  // the whole deck, images included

    ContentConfig() {
        interval_s = 60;
        timeout_s = 30;
        max_backoff_s = 900;
        max_bytes = 20ull << 20;  // one file (an image)
    }
    friend bool operator==(const ContentConfig&, const ContentConfig&) = default;
};

struct Config {
    std::string file;  // where it was read from, empty for the defaults
    FontPositions font_pos;
    DisplayConfig display;
    double slide_duration_s = 12;
    Transition transition = Transition::Crossfade;
    double transition_s = 0.8;
    Theme theme;
    std::filesystem::path state_dir;  // absolute; empty when the file names none
    CounterFeedConfig counter;
    ContentConfig content;
};

// The folder for what a kiosk run from a build tree writes when nothing names another:
// $XDG_STATE_HOME/kiosk, else ~/.local/state/kiosk (HOME, else the password database's home);
// empty when there is no home at all.
std::filesystem::path default_state_dir();

// Parses and validates; nullopt when any error was found (the caller keeps its last good config).
// A relative state_dir is taken relative to the config file's folder.
std::optional<Config> parse_config(const std::string& file, Diagnostics& diagnostics);

// Pieces shared with content/counter.json's validation.
bool valid_url_scheme(const std::string& url);
std::string json_pointer_problem(const std::string& pointer);  // empty when valid

}  // namespace kiosk::model
