// kiosk: the command line over the libraries. A fatal start-up error is one line and a non-zero
// exit; once running, nothing is fatal.

#include <malloc.h>

#include <cstdio>
#include <ctime>
#include <exception>

#include "kiosk/app/check.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/options.hpp"
#include "kiosk/app/paths.hpp"
#include "kiosk/app/restart.hpp"
#include "kiosk/app/signals.hpp"
#include "kiosk/app/status.hpp"
#include "kiosk/model/diagnostic.hpp"

int main(int argc, char** argv) {
    using namespace kiosk::app;
    // Before any thread exists, so that every thread inherits it.
    SignalThread::block_signals();
    // Pictures come and go in buffers of megabytes, allocated on the decoding thread and freed
    // on the main one. glibc raises its mmap threshold past such a buffer once one is freed,
    // after which they stay in the heap and its arenas: 20 slides of photos held 80 MiB instead
    // of 54. A fixed threshold keeps every large buffer mapped, and returned when freed.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    remember_arguments(argc, argv);
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
        const Layout layout = find_layout();
        SourcePaths paths;
        paths.config_file =
            options.config ? std::filesystem::path(*options.config) : layout.config_file;
        paths.config_required = options.config.has_value();
        paths.content_dir =
            options.content ? std::filesystem::path(*options.content) : layout.content_dir;
        paths.fonts_dir = layout.data_dir / "fonts";
        if (options.state_dir) paths.state_dir = *options.state_dir;
        paths.default_state_dir = layout.state_dir;
        if (options.check) return run_check(paths, stdout);
        if (options.screenshot) {
            const int status = run_screenshot(paths, options);
            std::fflush(nullptr);
            std::quick_exit(status);  // as below: a poller may still be ending its request
        }
        if (options.status) {
            kiosk::model::Diagnostics ignored;
            const auto sources = load_sources(paths, ignored);
            return print_status(sources.config.state_dir, stdout,
                                static_cast<std::int64_t>(std::time(nullptr)));
        }
        const int status = run_kiosk(paths, options);
        std::fflush(nullptr);
        // A poller may still be inside a request that its own deadline will end; the process
        // does not wait for it, nor let exit-time destructors run under it.
        std::quick_exit(status);
    } catch (const UsageError& e) {
        std::fprintf(stderr, "kiosk: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: %s\n", e.what());
        return 2;
    }
}
