#include "kiosk/model/config.hpp"

#include <pwd.h>
#include <unistd.h>
#include <algorithm>

#include <cstdio>
#include <cstdlib>

#include "kiosk/model/limits.hpp"
#include "kiosk/model/object_reader.hpp"
#include "kiosk/model/printable.hpp"

namespace kiosk::model {

std::filesystem::path default_state_dir() {
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg && xdg[0] == '/')
        return std::filesystem::path(xdg) / "kiosk";
    if (const char* home = std::getenv("HOME"); home && *home && home[0] == '/')
        return std::filesystem::path(home) / ".local/state/kiosk";
    // Without HOME (a service, cron), the home the password database names. Never a shared
    // temporary folder: another user could plant files there before the kiosk writes.
    if (const passwd* user = getpwuid(geteuid()); user && user->pw_dir && user->pw_dir[0] == '/')
        return std::filesystem::path(user->pw_dir) / ".local/state/kiosk";
    return {};
}

bool valid_url_scheme(const std::string& url) {
    return (url.rfind("http://", 0) == 0 && url.size() > 7) ||
           (url.rfind("https://", 0) == 0 && url.size() > 8);
}

std::string json_pointer_problem(const std::string& pointer) {
    if (pointer.empty()) return "";
    if (pointer[0] != '/') return "must be empty or start with '/'";
    for (size_t i = 0; i < pointer.size(); ++i) {
        if (pointer[i] == '~' &&
            (i + 1 >= pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1')))
            return "has '~' not followed by 0 or 1 (write ~0 for '~' and ~1 for '/')";
    }
    return "";
}

namespace {

void read_color(ObjectReader& reader, const char* key, Color& out) {
    std::string text;
    if (!reader.string(key, text)) return;
    if (auto color = parse_color(text))
        out = *color;
    else
        reader.error(
            reader.at(key),
            reader.where(key) + " must be a colour like \"#0b1f3a\", not " + in_quotes(text));
}

// "1920x1080" → width and height.
bool parse_size(const std::string& text, int& width, int& height) {
    char x = 0;
    int w = 0, h = 0;
    size_t used = 0;
    if (std::sscanf(text.c_str(), "%d%c%d%zn", &w, &x, &h, &used) != 3 || x != 'x' ||
        used != text.size() || w < 64 || h < 64 || w > 16384 || h > 16384)
        return false;
    width = w;
    height = h;
    return true;
}

void read_display(ObjectReader& top, DisplayConfig& display) {
    const JsonValue* object = top.object("display");
    if (!object) return;
    ObjectReader reader(*object, top.file(), "display", top.diagnostics());
    reader.boolean("fullscreen", display.fullscreen);
    double index = 0;
    if (reader.number("display", index, 0, 15)) display.display = static_cast<int>(index);
    std::string size;
    if (reader.string("size", size) && !parse_size(size, display.width, display.height))
        reader.error(reader.at("size"), reader.where("size") +
                                            " must be WIDTHxHEIGHT such as \"1920x1080\", not " +
                                            in_quotes(size));
    int renderer = 0;
    if (reader.choice("renderer", {"auto", "software", "gpu"}, renderer))
        display.renderer = static_cast<Renderer>(renderer);
    double rotation = 0;
    if (reader.number("rotation", rotation, 0, 270)) {
        const int r = static_cast<int>(rotation);
        if (r != rotation || r % 90 != 0)
            reader.error(reader.at("rotation"),
                         "\"rotation\" in display must be 0, 90, 180 or 270");
        else
            display.rotation = r;
    }
    reader.finish();
}

// A font is named by its file name in the fonts folder, never by a path that leaves it.
void read_font(ObjectReader& reader, const char* key, std::string& out, SourcePos& pos) {
    std::string name;
    if (!reader.string(key, name, false, 255)) return;
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..") {
        reader.error(reader.at(key), reader.where(key) +
                                         " must be a file name in the fonts folder, such as "
                                         "\"NotoSans-Regular.ttf\", not " +
                                         in_quotes(name));
        return;
    }
    out = name;
    pos = reader.at(key).pos;
}

void read_theme(ObjectReader& top, Theme& theme, FontPositions& font_pos) {
    const JsonValue* object = top.object("theme");
    if (!object) return;
    ObjectReader reader(*object, top.file(), "theme", top.diagnostics());
    read_color(reader, "background", theme.background);
    read_color(reader, "text", theme.text);
    read_color(reader, "secondary", theme.secondary);
    read_color(reader, "accent", theme.accent);
    read_color(reader, "band", theme.band);
    read_font(reader, "font", theme.font, font_pos.regular);
    read_font(reader, "bold_font", theme.bold_font, font_pos.bold);
    read_font(reader, "italic_font", theme.italic_font, font_pos.italic);
    int band = 0;
    if (reader.choice("counter_band", {"bottom", "top", "off"}, band))
        theme.band_position = static_cast<BandPosition>(band);
    reader.number("scale", theme.scale, 0.8, 1.5);
    // Text must stay readable across a hall: WCAG AAA (7:1) against each ground it stands on.
    const std::pair<const char*, Color> texts[] = {
        {"text", theme.text}, {"secondary", theme.secondary}, {"accent", theme.accent}};
    for (const auto& [name, color] : texts) {
        const bool on_band =
            contrast_ratio(color, theme.band) < contrast_ratio(color, theme.background);
        const double ratio = contrast_ratio(color, on_band ? theme.band : theme.background);
        if (ratio >= 7.0) continue;
        char message[200];
        std::snprintf(message, sizeof message,
                      "contrast of \"%s\" on \"%s\" is %.1f:1, below the 7:1 needed for text "
                      "read across a hall",
                      name, on_band ? "band" : "background", ratio);
        reader.warning(reader.has(name) ? reader.at(name) : *object, message);
    }
    reader.finish();
}

// The settings every fetched URL has, in the section `name` ("counter", "content").
void read_fetch(ObjectReader& reader, const std::string& name, FetchSettings& fetch,
                std::uint64_t max_bytes_limit) {
    if (reader.string("url", fetch.url, false, limits::kUrlChars) && !fetch.url.empty() &&
        !valid_url_scheme(fetch.url))
        reader.error(reader.at("url"),
                     "\"url\" in " + name + " must start with http:// or https://");
    reader.number("interval_s", fetch.interval_s, 1, 86400);
    reader.number("timeout_s", fetch.timeout_s, 0.1, 300);
    reader.number("connect_timeout_s", fetch.connect_timeout_s, 0.1, 300);
    reader.number("max_backoff_s", fetch.max_backoff_s, 1, 86400);
    reader.integer("max_bytes", fetch.max_bytes, 64, max_bytes_limit);
    if (const JsonValue* headers = reader.object("headers")) {
        if (headers->members.size() > limits::kHeaders)
            reader.error(*headers, "\"headers\" in " + name + ": at most " +
                                       std::to_string(limits::kHeaders) + " are sent");
        for (size_t i = 0; i < headers->members.size() && i < limits::kHeaders; ++i) {
            const auto& [header, value] = headers->members[i];
            const bool token = !header.empty() && header.size() <= 100 &&
                               std::all_of(header.begin(), header.end(), [](char c) {
                                   return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                          (c >= '0' && c <= '9') || c == '-' || c == '_';
                               });
            const bool line = value.kind == JsonValue::Kind::String &&
                              value.text.size() <= limits::kHeaderChars &&
                              std::none_of(value.text.begin(), value.text.end(), [](char c) {
                                  return static_cast<unsigned char>(c) < 0x20 && c != '\t';
                              });
            if (!token || !line)
                reader.error(value, "header " + in_quotes(header) + " in " + name +
                                        " must be a name of letters, digits and '-' "
                                        "and a one-line string value of at most " +
                                        std::to_string(limits::kHeaderChars) + " bytes");
            else
                fetch.headers[header] = value.text;
        }
    }
    if (reader.string("ca_file", fetch.ca_file) && !fetch.ca_file.empty()) {
        // Like state_dir, a relative path is taken from the config file's folder.
        std::filesystem::path ca(fetch.ca_file);
        if (ca.is_relative()) ca = std::filesystem::path(reader.file()).parent_path() / ca;
        fetch.ca_file = std::filesystem::absolute(ca).string();
        std::error_code ec;
        if (!std::filesystem::is_regular_file(ca, ec))
            reader.error(reader.at("ca_file"), "\"ca_file\" in " + name + ": no such file: " +
                                                   printable(fetch.ca_file, limits::kLineChars));
    }
    reader.boolean("verify_tls", fetch.verify_tls);
    if (fetch.connect_timeout_s > fetch.timeout_s) fetch.connect_timeout_s = fetch.timeout_s;
    if (!fetch.verify_tls)
        reader.warning(reader.at("verify_tls"),
                       "\"verify_tls\" is false: the " + name + " accepts any certificate");
}

void read_counter(ObjectReader& top, CounterFeedConfig& counter) {
    const JsonValue* object = top.object("counter");
    if (!object) return;
    ObjectReader reader(*object, top.file(), "counter", top.diagnostics());
    read_fetch(reader, "counter", counter, limits::kFeedBytes);
    if (reader.string("pointer", counter.pointer)) {
        if (auto problem = json_pointer_problem(counter.pointer); !problem.empty())
            reader.error(reader.at("pointer"),
                         "\"pointer\" in counter is not a JSON Pointer (RFC 6901): it " + problem);
    }
    reader.boolean("allow_decrease", counter.allow_decrease);
    reader.finish();
}

void read_content(ObjectReader& top, ContentConfig& content) {
    const JsonValue* object = top.object("content");
    if (!object) return;
    ObjectReader reader(*object, top.file(), "content", top.diagnostics());
    read_fetch(reader, "content", content, limits::kFileFetchBytes);
    reader.integer("max_total_bytes", content.max_total_bytes, 1024, limits::kDeckFetchBytes);
    reader.finish();
}

}  // namespace

std::optional<Config> parse_config(const std::string& file, Diagnostics& diagnostics) {
    DiagnosticScope scope(diagnostics);
    auto root = read_json_file(file, diagnostics);
    if (!root) return std::nullopt;
    Config config;
    config.file = file;
    ObjectReader top(*root, file, "", diagnostics);
    read_display(top, config.display);
    if (const JsonValue* slides = top.object("slides")) {
        ObjectReader reader(*slides, file, "slides", diagnostics);
        reader.number("duration_s", config.slide_duration_s, 1, 3600);
        int transition = 0;
        if (reader.choice("transition", {"crossfade", "cut"}, transition))
            config.transition = static_cast<Transition>(transition);
        reader.number("transition_s", config.transition_s, 0, 5);
        reader.finish();
    }
    read_theme(top, config.theme, config.font_pos);
    std::string state_dir;
    if (top.string("state_dir", state_dir, false, 1024) && !state_dir.empty()) {
        std::filesystem::path dir(state_dir);
        config.state_dir =
            dir.is_absolute()
                ? dir
                : std::filesystem::absolute(std::filesystem::path(file).parent_path() / dir);
    }
    read_counter(top, config.counter);
    read_content(top, config.content);
    top.finish();
    if (!scope.finish()) return std::nullopt;
    return config;
}

}  // namespace kiosk::model
