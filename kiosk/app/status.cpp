#include "kiosk/app/status.hpp"

#include <ctime>
#include <nlohmann/json.hpp>

#include "kiosk/model/printable.hpp"
#include "kiosk/model/small_file.hpp"

namespace kiosk::app {

namespace {

std::string local_time(std::int64_t unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm local{};
    localtime_r(&t, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
    return text;
}

std::string duration(std::int64_t seconds) {
    if (seconds < 0) seconds = 0;
    const std::int64_t days = seconds / 86400, hours = seconds % 86400 / 3600,
                       minutes = seconds % 3600 / 60;
    if (days > 0) return std::to_string(days) + " d " + std::to_string(hours) + " h";
    if (hours > 0) return std::to_string(hours) + " h " + std::to_string(minutes) + " min";
    return std::to_string(minutes) + " min";
}

}  // namespace

std::string status_json(const Status& s) {
    const nlohmann::json json = {
        {"screen", s.screen},
        {"slide", s.slide},
        {"display",
         {{"driver", s.driver},
          {"width", s.width},
          {"height", s.height},
          {"renderer", s.renderer}}},
        {"counter",
         {{"state", s.counter},
          {"value", s.counter_value},
          {"as_of_unix", s.counter_as_of},
          {"error", s.counter_error}}},
        {"content", {{"shown", s.content}, {"since_unix", s.content_since}}},
        {"errors", s.errors},
        {"started_unix", s.started},
        {"pid", s.pid},
        {"version", s.version},
    };
    // Strings came from outside (URLs, file names, messages): nlohmann escapes them for JSON.
    return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::optional<Status> parse_status(const std::string& text) {
    try {
        const auto j = nlohmann::json::parse(text);
        Status s;
        s.screen = j.at("screen").get<std::string>();
        s.slide = j.at("slide").get<std::string>();
        const auto& d = j.at("display");
        s.driver = d.at("driver").get<std::string>();
        s.width = d.at("width").get<int>();
        s.height = d.at("height").get<int>();
        s.renderer = d.at("renderer").get<std::string>();
        const auto& c = j.at("counter");
        s.counter = c.at("state").get<std::string>();
        s.counter_value = c.at("value").get<std::uint64_t>();
        s.counter_as_of = c.at("as_of_unix").get<std::int64_t>();
        s.counter_error = c.at("error").get<std::string>();
        s.content = j.at("content").at("shown").get<std::string>();
        s.content_since = j.at("content").at("since_unix").get<std::int64_t>();
        s.errors = j.at("errors").get<std::vector<std::string>>();
        s.started = j.at("started_unix").get<std::int64_t>();
        s.pid = j.at("pid").get<long>();
        s.version = j.at("version").get<std::string>();
        return s;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

int print_status(const std::filesystem::path& state_dir, std::FILE* out, std::int64_t now_unix) {
    const auto file = state_dir / kStatusFile;
    std::string text, why;
    if (!model::read_small_file(file.string(), 1 << 20, text, why)) {
        std::fprintf(out, "kiosk: %s %s (is the kiosk running with this state folder?)\n",
                     file.c_str(), why.c_str());
        return 1;
    }
    const auto s = parse_status(text);
    if (!s) {
        std::fprintf(out, "kiosk: %s is not a status file\n", file.c_str());
        return 1;
    }
    const auto p = [](const std::string& t) { return model::printable(t, 200); };
    std::fprintf(out, "kiosk %s, process %ld, up %s (since %s)\n", p(s->version).c_str(), s->pid,
                 duration(now_unix - s->started).c_str(), local_time(s->started).c_str());
    std::fprintf(out, "  screen:  %s \"%s\" on %s %dx%d, %s renderer\n", p(s->screen).c_str(),
                 p(s->slide).c_str(), p(s->driver).c_str(), s->width, s->height,
                 p(s->renderer).c_str());
    if (s->counter.empty())
        std::fprintf(out, "  counter: none\n");
    else
        std::fprintf(out, "  counter: %s, showing %llu (as of %s)%s%s\n", p(s->counter).c_str(),
                     static_cast<unsigned long long>(s->counter_value),
                     local_time(s->counter_as_of).c_str(), s->counter_error.empty() ? "" : "; ",
                     p(s->counter_error).c_str());
    std::fprintf(out, "  content: %s, since %s\n", p(s->content).c_str(),
                 local_time(s->content_since).c_str());
    if (s->errors.empty()) std::fprintf(out, "  errors:  none\n");
    for (const auto& e : s->errors) std::fprintf(out, "  error:   %s\n", p(e).c_str());
    return 0;
}

}  // namespace kiosk::app
