// kiosk-bench: the figures the README promises, measured on this machine at 1920x1080 with the
// software renderer. Prints figures; passes or fails nothing.
//
//   first frame   the real `kiosk` program, exec to the first frame on screen (median of 5)
//   layout        laying out each bundled slide (shaping, breaking, fitting), in process
//   crossfade     frame times while fading between two slides, in process
//   count-up      frame times while the counter counts up, in process
//   static slide  CPU share and PSS of the real program standing on one slide for 30 s
//   counter poll  the same with the counter polling a loopback feed every 10 s

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/app/stage.hpp"
#include "kiosk/scene/slide_scene.hpp"
#include "support/http_server.hpp"
#include "support/temp_dir.hpp"

using namespace kiosk;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

struct Stats {
    double mean = 0, p50 = 0, p95 = 0, max = 0;
};

Stats stats(std::vector<double> v) {
    Stats s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    for (double x : v) s.mean += x;
    s.mean /= static_cast<double>(v.size());
    s.p50 = v[v.size() / 2];
    s.p95 = v[std::min(v.size() - 1, v.size() * 95 / 100)];
    s.max = v.back();
    return s;
}

// A running `kiosk` whose stderr is read line by line.
struct Child {
    pid_t pid = -1;
    FILE* err = nullptr;

    Child(const std::string& exe, const std::vector<std::string>& args) {
        int fds[2];
        if (pipe(fds) != 0) return;
        pid = fork();
        if (pid == 0) {
            dup2(fds[1], STDERR_FILENO);
            close(fds[0]);
            // On a desktop (or Xvfb) the program opens a real window; elsewhere it runs
            // headless on the offscreen driver.
            if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY"))
                setenv("SDL_VIDEODRIVER", "offscreen", 1);
            std::vector<char*> argv{const_cast<char*>(exe.c_str())};
            for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            execv(exe.c_str(), argv.data());
            _exit(127);
        }
        close(fds[1]);
        err = fdopen(fds[0], "r");
    }
    bool wait_for(const char* text) {
        char line[1024];
        while (err && std::fgets(line, sizeof line, err))
            if (std::strstr(line, text)) return true;
        return false;
    }
    ~Child() {
        if (pid > 0) {
            kill(pid, SIGTERM);
            waitpid(pid, nullptr, 0);
        }
        if (err) std::fclose(err);
    }
};

double cpu_seconds(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::istringstream fields(all.substr(all.rfind(')') + 2));
    std::string f;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> f; ++i) {
        if (i == 14) utime = std::stoull(f);
        if (i == 15) stime = std::stoull(f);
    }
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double pss_mib(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/smaps_rollup");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("Pss:", 0) == 0) return std::stod(line.substr(4)) / 1024.0;
    return -1;
}

// Long enough that one clock tick (10 ms of CPU) is 0.03% of a core.
constexpr int kIdleSeconds = 30;

void measure_idle(const std::string& exe, const std::vector<std::string>& args, const char* what) {
    Child kiosk(exe, args);
    if (!kiosk.wait_for("first frame")) {
        std::printf("%-28s could not start kiosk\n", what);
        return;
    }
    std::this_thread::sleep_for(std::chrono::seconds(2));  // let start-up work settle
    const double cpu0 = cpu_seconds(kiosk.pid);
    const auto t0 = Clock::now();
    std::this_thread::sleep_for(std::chrono::seconds(kIdleSeconds));
    const double share = 100.0 * (cpu_seconds(kiosk.pid) - cpu0) / (ms_since(t0) / 1000.0);
    std::printf("%-28s CPU %.3f%% of a core over %d s, PSS %.1f MiB\n", what, share, kIdleSeconds,
                pss_mib(kiosk.pid));
}

}  // namespace

int main(int argc, char** argv) {
    const std::string exe = argc > 1 ? argv[1] : KIOSK_BINARY;
    const std::string root = KIOSK_SOURCE_DIR;
    std::printf("kiosk-bench: 1920x1080, software renderer, %u cores\n\n",
                std::thread::hardware_concurrency());

    // First frame, from exec, of the real program.
    {
        std::vector<double> times;
        for (int i = 0; i < 5; ++i) {
            const auto t0 = Clock::now();
            Child kiosk(exe, {"--windowed", "1920x1080", "--software"});
            if (kiosk.wait_for("first frame")) times.push_back(ms_since(t0));
        }
        const Stats s = stats(times);
        std::printf("%-28s median %.0f ms, max %.0f ms (%zu runs)\n", "exec to first frame", s.p50,
                    s.max, times.size());
    }

    // In process: layout, crossfade and count-up frames.
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    if (SDL_Init(SDL_INIT_VIDEO) != 0) return 1;
    app::SourcePaths paths;
    paths.config_file = root + "/config/kiosk.json";
    paths.content_dir = root + "/content";
    paths.fonts_dir = root + "/fonts";
    model::Diagnostics diagnostics;
    const app::Sources sources = app::load_sources(paths, diagnostics);
    const auto& theme = sources.config.theme;
    const text::FontSet fonts =
        text::load_fonts(paths.fonts_dir, theme.font, theme.bold_font, theme.italic_font);
    {
        std::vector<double> times;
        for (int round = 0; round < 5; ++round)
            for (const auto& slide : sources.deck.slides) {
                const auto t0 = Clock::now();
                auto list = scene::compose_slide(slide, theme, fonts, 1920, 1080);
                times.push_back(ms_since(t0));
            }
        const Stats s = stats(times);
        std::printf("%-28s mean %.2f ms, max %.2f ms (%zu slides x 5)\n", "layout a slide", s.mean,
                    s.max, sources.deck.slides.size());
    }
    render::ScreenOptions options;
    options.fullscreen = false;
    options.hidden = true;
    options.software = true;
    options.width = 1920;
    options.height = 1080;
    std::string error;
    auto screen = render::Screen::open(options, &error);
    if (!screen) return 1;
    app::Stage stage(*screen, fonts, sources);
    feed::CounterState counter =
        feed::bundled_state(sources.counter.value_or(model::CounterContent{}));
    app::Player::Frame still;
    still.counter = counter;
    still.counter_value = counter.value;
    still.band = true;
    stage.prepare_slide(0, still);
    stage.prepare_slide(1, still);
    {
        std::vector<double> times;
        for (int i = 0; i <= 120; ++i) {
            app::Player::Frame frame = still;
            frame.current = 1;
            frame.previous = 0;
            frame.progress = static_cast<float>(i % 60) / 60.0f;
            const auto t0 = Clock::now();
            stage.draw(frame);
            screen->present();
            times.push_back(ms_since(t0));
        }
        const Stats s = stats(times);
        std::printf("%-28s mean %.2f ms, p95 %.2f ms, max %.2f ms -> %.0f fps sustained\n",
                    "crossfade frame", s.mean, s.p95, s.max, 1000.0 / s.p95);
    }
    // Count-up: the band alone on a plain slide, then on a counter slide, which is laid out
    // and drawn anew each frame with the number.
    const auto& slides = sources.deck.slides;
    const auto counter_slide = std::find_if(slides.begin(), slides.end(), [](const auto& s) {
        return s.layout == model::Layout::Counter;
    });
    std::vector<std::pair<const char*, size_t>> count_ups{{"count-up frame", 0}};
    if (counter_slide != slides.end())
        count_ups.emplace_back("count-up, counter slide",
                               static_cast<size_t>(counter_slide - slides.begin()));
    for (const auto& [what, index] : count_ups) {
        std::vector<double> times;
        for (int i = 0; i <= 60; ++i) {
            const auto t0 = Clock::now();
            app::Player::Frame frame = still;
            frame.current = index;
            frame.counter_value = scene::count_up_value(0, 2500, i * 16, 1000);
            stage.draw(frame);
            screen->present();
            times.push_back(ms_since(t0));
        }
        const Stats s = stats(times);
        std::printf("%-28s mean %.2f ms, p95 %.2f ms, max %.2f ms\n", what, s.mean, s.p95, s.max);
    }
    std::printf("%-28s %.1f MiB\n", "textures of 2 slides + band",
                stage.texture_bytes() / 1048576.0);
    screen.reset();
    SDL_Quit();

    // The real program standing still: one slide, so nothing is due for an hour.
    test::TempDir dir;
    {
        std::ifstream in(root + "/content/counter.json");
        std::stringstream counter_json;
        counter_json << in.rdbuf();
        dir.write("content/counter.json", counter_json.str());
    }
    dir.write("content/slides.json",
              R"({"slides": [{"id": "still", "layout": "title", "duration_s": 3600,
                 "vi": {"title": "Công ước Hà Nội", "body": "Lễ mở ký, Hà Nội, 25–26/10/2025"},
                 "en": {"title": "The Hanoi Convention", "body": "Signing ceremony, Hanoi, 25–26 October 2025"}}]})");
    const std::string state = (dir.path() / "state").string();
    dir.write("static.json", "{}");
    measure_idle(
        exe,
        {"--windowed", "1920x1080", "--software", "--content", (dir.path() / "content").string(),
         "--config", (dir.path() / "static.json").string(), "--state-dir", state},
        "static slide");

    test::HttpServer server;
    server.set_route("/feed.json", 200, R"({"result": {"signatories": {"total": 72}}})",
                     {{"ETag", "\"v1\""}});
    dir.write("polling.json",
              R"({"counter": {"url": ")" + server.url("/feed.json") +
                  R"(", "pointer": "/result/signatories/total", "interval_s": 10}})");
    measure_idle(
        exe,
        {"--windowed", "1920x1080", "--software", "--content", (dir.path() / "content").string(),
         "--config", (dir.path() / "polling.json").string(), "--state-dir", state},
        "static slide, feed every 10s");
    return 0;
}
