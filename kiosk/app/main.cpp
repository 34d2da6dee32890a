// kiosk: the command line over the libraries. A fatal start-up error is one line and exit 2;
// once running, nothing is fatal.

#include <cstdio>
#include <exception>

#include "kiosk/app/check.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/options.hpp"

int main(int argc, char** argv) {
    using namespace kiosk::app;
    try {
        const Options options = parse_options(std::vector<std::string>(argv + 1, argv + argc));
        if (options.help) {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (options.version) {
            std::printf("kiosk %s\n", KIOSK_VERSION);
            return 0;
        }
        const auto root = find_data_root();
        SourcePaths paths;
        paths.config_file =
            options.config ? std::filesystem::path(*options.config) : root / "config/kiosk.json";
        paths.config_required = options.config.has_value();
        paths.content_dir =
            options.content ? std::filesystem::path(*options.content) : root / "content";
        paths.fonts_dir = root / "fonts";
        if (options.state_dir) paths.state_dir = *options.state_dir;
        if (options.check) return run_check(paths, stdout);
        if (options.screenshot) return run_screenshot(paths, options);
        return run_kiosk(paths, options);
    } catch (const UsageError& e) {
        std::fprintf(stderr, "kiosk: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: %s\n", e.what());
        return 2;
    }
}
