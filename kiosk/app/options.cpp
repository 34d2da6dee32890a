#include "kiosk/app/options.hpp"

#include <cstdio>

namespace kiosk::app {

const char* const kUsage =
    "Usage: kiosk [OPTION]...\n"
    "Shows the slides of CONTENT fullscreen, with the live counter, until stopped.\n"
    "\n"
    "  --config FILE        settings (default: config/kiosk.json beside the program)\n"
    "  --content DIR        slides.json and counter.json (default: content/ beside it)\n"
    "  --state-dir DIR      where the kiosk keeps what it writes (overrides the config)\n"
    "  --windowed [WxH]     a preview window instead of fullscreen (default 1280x720)\n"
    "  --screenshot OUT.png draw one slide with no display at all, write it, exit\n"
    "  --slide ID           with --screenshot: which slide (default: the first)\n"
    "  --size WxH           with --screenshot: picture size (default 1920x1080)\n"
    "  --check              validate config and content; one line a problem; exit 1 on errors\n"
    "  --status             what the running kiosk shows now, read from its status.json\n"
    "  --software           use the software renderer even where a GPU is (not on KMS/DRM)\n"
    "  --frame-log FILE     one line a presented frame: microseconds since start, whether\n"
    "                       something moved, the slide (to measure smoothness)\n"
    "  --help, --version\n"
    "\n"
    "With no paths it reads what the installed service shows: /etc/kiosk/kiosk.json and\n"
    "/etc/kiosk/content/ (from a build tree: the checkout's config/ and content/).\n"
    "Keys: Esc or q closes a --windowed preview. SIGHUP reads the files again;\n"
    "SIGINT and SIGTERM end it cleanly.\n";

std::optional<Size> parse_size(const std::string& text) {
    int w = 0, h = 0;
    char x = 0;
    int used = 0;
    if (std::sscanf(text.c_str(), "%d%c%d%n", &w, &x, &h, &used) != 3 || x != 'x' ||
        used != static_cast<int>(text.size()) || w < 64 || h < 64 || w > 16384 || h > 16384)
        return std::nullopt;
    return Size{w, h};
}

Options parse_options(const std::vector<std::string>& args) {
    Options o;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0)
                throw UsageError(arg + " needs a value (see --help)");
            return args[++i];
        };
        const auto size_value = [&]() {
            const std::string& text = value();
            auto size = parse_size(text);
            if (!size)
                throw UsageError(arg + " takes WIDTHxHEIGHT such as 1920x1080, not \"" + text +
                                 "\"");
            return *size;
        };
        if (arg == "--config")
            o.config = value();
        else if (arg == "--content")
            o.content = value();
        else if (arg == "--state-dir")
            o.state_dir = value();
        else if (arg == "--screenshot")
            o.screenshot = value();
        else if (arg == "--slide")
            o.slide = value();
        else if (arg == "--size")
            o.size = size_value();
        else if (arg == "--check")
            o.check = true;
        else if (arg == "--status")
            o.status = true;
        else if (arg == "--software")
            o.software = true;
        else if (arg == "--frame-log")
            o.frame_log = value();
        else if (arg == "--help" || arg == "-h")
            o.help = true;
        else if (arg == "--version")
            o.version = true;
        else if (arg == "--windowed") {
            o.windowed = true;
            if (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0)
                o.window_size = size_value();
        } else {
            throw UsageError("unknown option \"" + arg + "\" (see --help)");
        }
    }
    if ((o.slide || o.size) && !o.screenshot)
        throw UsageError("--slide and --size go with --screenshot");
    if ((o.check ? 1 : 0) + (o.screenshot ? 1 : 0) + (o.status ? 1 : 0) > 1)
        throw UsageError("--check, --screenshot and --status go one at a time");
    return o;
}

}  // namespace kiosk::app
