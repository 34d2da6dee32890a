// kiosk-bench: the figures the README promises, measured on this machine at 1920x1080 with the
// software renderer. Prints figures; passes or fails nothing.
//
//   first frame   the real `kiosk` program, exec to the first frame on screen (median of 10)
//   layout        laying out each bundled slide (shaping, breaking, fitting), in process
//   crossfade     the real program for 60 s of 2 s slides with 0.8 s crossfades: frame intervals
//                 from its --frame-log while fading, its CPU time and PSS; then, in process,
//                 one fade frame's time split into drawing and presenting
//   count-up      frame times while the counter counts up, in process
//   static slide  CPU share and PSS of the real program standing on one slide for 30 s
//   counter poll  the same with the counter polling a loopback feed every 10 s
//   pictures      decoding and scaling a 12-megapixel JPEG to 1080p (as the worker does), a
//                 crossfade between two full-screen picture slides, in process, and the PSS of
//                 the real program showing 20 slides each naming its own 12-megapixel JPEG

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

#include <SDL_image.h>

#include "kiosk/app/stage.hpp"
#include "kiosk/render/picture_decoder.hpp"
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

// A 4000 x 3000 photograph's worth of JPEG: smooth gradients and some grain, so it compresses
// like a photograph (a few MiB) rather than like a flat colour.
bool write_photo(const std::string& file, unsigned seed) {
    SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, 4000, 3000, 24, SDL_PIXELFORMAT_RGB24);
    if (!s) return false;
    unsigned noise = seed * 2654435761u + 1;
    for (int y = 0; y < s->h; ++y) {
        auto* row = static_cast<std::uint8_t*>(s->pixels) + y * s->pitch;
        for (int x = 0; x < s->w; ++x) {
            noise = noise * 1103515245u + 12345u;
            const int grain = static_cast<int>((noise >> 16) & 31) - 16;
            row[x * 3] = static_cast<std::uint8_t>(
                std::clamp(x / 16 + grain + static_cast<int>(seed) * 9, 0, 255));
            row[x * 3 + 1] = static_cast<std::uint8_t>(std::clamp(y / 12 + grain, 0, 255));
            row[x * 3 + 2] =
                static_cast<std::uint8_t>(std::clamp(((x + y) / 28) % 256 + grain, 0, 255));
        }
    }
    const bool ok = IMG_SaveJPG(s, file.c_str(), 90) == 0;
    SDL_FreeSurface(s);
    return ok;
}

// Samples the PSS of a running kiosk every half second for `seconds`: median and largest.
void measure_pss(const std::string& exe, const std::vector<std::string>& args, const char* what,
                 int seconds) {
    Child kiosk(exe, args);
    if (!kiosk.wait_for("first frame")) {
        std::printf("%-28s could not start kiosk\n", what);
        return;
    }
    std::vector<double> samples;
    for (int i = 0; i < seconds * 2; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        samples.push_back(pss_mib(kiosk.pid));
    }
    const Stats s = stats(samples);
    std::printf("%-28s PSS median %.1f MiB, max %.1f MiB over %d s\n", what, s.p50, s.max, seconds);
}

// The real program fading between two bundled slides, 2 s each with 0.8 s crossfades, for
// `seconds`: frame intervals while fading (from --frame-log: "MICROSECONDS MOVING SLIDE" a
// frame), and its CPU time and largest PSS over the same time.
void measure_fades(const std::string& exe, const std::string& root, int seconds) {
    test::TempDir dir;
    dir.write("fade.json", R"({"slides": {"duration_s": 2, "transition_s": 0.8}})");
    {
        // Two text slides of the bundled deck, with the bundled counter: a fade as the venue
        // sees it, band included.
        std::ifstream in(root + "/content/counter.json");
        std::stringstream counter_json;
        counter_json << in.rdbuf();
        dir.write("content/counter.json", counter_json.str());
    }
    dir.write("content/slides.json", R"({"slides": [
        {"id": "why-hanoi", "vi": {"title": "Vì sao là “Công ước Hà Nội”?", "body": "Đại hội đồng Liên hợp quốc thông qua Công ước bằng đồng thuận chiều 24/12/2024 (giờ New York). Điều 64 quy định Công ước được mở ký tại Hà Nội năm 2025."},
         "en": {"title": "Why “the Hanoi Convention”?", "body": "The UN General Assembly adopted it by consensus on 24 December 2024 (New York time). Article 64 provides that it opens for signature in Hanoi in 2025."}},
        {"id": "viet-nam-first", "vi": {"title": "Việt Nam ký đầu tiên", "body": "Bộ trưởng Bộ Công an Lương Tam Quang ký Công ước thay mặt Việt Nam, quốc gia đầu tiên ký."},
         "en": {"title": "Viet Nam signed first", "body": "Minister of Public Security Luong Tam Quang signed for Viet Nam, the first state to sign."}}]})");
    const std::string log = (dir.path() / "frames.log").string();
    Child kiosk(exe,
                {"--windowed", "1920x1080", "--software", "--content",
                 (dir.path() / "content").string(), "--config", (dir.path() / "fade.json").string(),
                 "--state-dir", (dir.path() / "state").string(), "--frame-log", log});
    if (!kiosk.wait_for("first frame")) {
        std::printf("%-28s could not start kiosk\n", "crossfades, real loop");
        return;
    }
    std::this_thread::sleep_for(std::chrono::seconds(1));
    const double cpu0 = cpu_seconds(kiosk.pid);
    const auto t0 = Clock::now();
    double pss_max = 0;
    for (int i = 0; i < seconds; ++i) {
        std::this_thread::sleep_for(std::chrono::seconds(1));
        pss_max = std::max(pss_max, pss_mib(kiosk.pid));
    }
    const double cpu = cpu_seconds(kiosk.pid) - cpu0;
    const double wall = ms_since(t0) / 1000.0;
    // Intervals between consecutive frames of one fade; the first frame of a fade follows a
    // standing slide and is not an interval of the fade.
    std::vector<double> intervals;
    size_t fades = 0, frames = 0;
    double fading_us = 0;
    {
        std::ifstream in(log);
        long long t = 0, last = -1;
        int moving = 0;
        std::string slide;
        bool in_fade = false;
        long long fade_start = 0;
        while (in >> t >> moving >> slide) {
            if (moving) {
                ++frames;
                if (in_fade) {
                    intervals.push_back(static_cast<double>(t - last) / 1000.0);
                } else {
                    ++fades;
                    fade_start = t;
                }
                in_fade = true;
            } else if (in_fade) {
                fading_us += static_cast<double>(last - fade_start);
                in_fade = false;
            }
            last = t;
        }
    }
    const Stats s = stats(intervals);
    const double p99 = intervals.empty() ? 0 : [&] {
        auto v = intervals;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, v.size() * 99 / 100)];
    }();
    const double fps = fading_us > 0 ? static_cast<double>(frames - fades) / (fading_us / 1e6) : 0;
    std::printf(
        "%-28s %.1f fps while fading (%zu fades), interval median %.2f ms, p99 %.2f ms, "
        "max %.2f ms\n",
        "crossfades, real loop", fps, fades, s.p50, p99, s.max);
    std::printf("%-28s %.2f CPU-s over %.0f s (%.1f%% of a core), PSS max %.1f MiB\n", "", cpu,
                wall, 100.0 * cpu / wall, pss_max);
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
        for (int i = 0; i < 10; ++i) {
            const auto t0 = Clock::now();
            Child kiosk(exe, {"--windowed", "1920x1080", "--software"});
            if (kiosk.wait_for("first frame")) times.push_back(ms_since(t0));
        }
        const Stats s = stats(times);
        std::printf("%-28s median %.0f ms, max %.0f ms (%zu runs)\n", "exec to first frame", s.p50,
                    s.max, times.size());
    }

    const char* fade_seconds = std::getenv("KIOSK_BENCH_FADE_S");
    measure_fades(exe, root, fade_seconds ? std::atoi(fade_seconds) : 60);

    // In process: layout, and where a crossfade or count-up frame's time goes.
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
    render::PictureLoader no_pictures;
    app::Stage stage(*screen, fonts, sources, no_pictures);
    feed::CounterState counter =
        feed::bundled_state(sources.counter.value_or(model::CounterContent{}));
    app::Player::Frame still;
    still.counter = counter;
    still.counter_value = counter.value;
    still.band = true;
    stage.prepare_slide(0, still);
    stage.prepare_slide(1, still);
    {
        std::vector<double> times, drawing;
        for (int i = 0; i <= 120; ++i) {
            app::Player::Frame frame = still;
            frame.current = 1;
            frame.previous = 0;
            frame.progress = static_cast<float>(i % 60) / 60.0f;
            const auto t0 = Clock::now();
            stage.draw(frame);
            // SDL batches drawing until the present: flushed here, the split is real.
            SDL_RenderFlush(screen->renderer());
            const auto t1 = Clock::now();
            screen->present();
            drawing.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            times.push_back(ms_since(t0));
        }
        const Stats s = stats(times), d = stats(drawing);
        std::printf("%-28s mean %.2f ms (drawing %.2f, presenting %.2f), p95 %.2f ms\n",
                    "crossfade frame, in process", s.mean, d.mean, s.mean - d.mean, s.p95);
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

    // Pictures: 12-megapixel JPEGs, decoded and scaled as the worker does, and a crossfade
    // between two full-screen picture slides once their pictures are in.
    test::TempDir photos;
    const int kPhotos = 20;
    std::string deck = R"({"slides": [)";
    std::filesystem::create_directories(photos.path() / "content");
    for (int i = 0; i < kPhotos; ++i) {
        const std::string name = "photo" + std::to_string(i) + ".jpg";
        if (!write_photo((photos.path() / "content" / name).string(), static_cast<unsigned>(i)))
            std::printf("cannot write %s\n", name.c_str());
        deck += std::string(i ? "," : "") + R"({"id": "p)" + std::to_string(i) +
                R"(", "layout": "image", "duration_s": 2, "image": {"file": ")" + name +
                R"("}, "vi": {"title": "Hội trường"}, "en": {"title": "The hall"}})";
    }
    deck += "]}";
    photos.write("content/slides.json", deck);
    {
        std::vector<double> times;
        for (int i = 0; i < 5; ++i) {
            scene::ImageItem item;
            item.rect = {0, 0, 1920, 1080};
            item.path = photos.path() / "content" / ("photo" + std::to_string(i) + ".jpg");
            item.width = 4000;
            item.height = 3000;
            std::string why;
            const auto t0 = Clock::now();
            const auto picture =
                render::decode_picture(render::picture_request(item, theme.background), &why);
            times.push_back(ms_since(t0));
            if (!picture) std::printf("decode failed: %s\n", why.c_str());
        }
        const Stats s = stats(times);
        std::printf("%-28s median %.0f ms, max %.0f ms (5 files, 4000x3000 to 1920x1080 cover)\n",
                    "12 MP JPEG decode + scale", s.p50, s.max);
    }
    {
        app::SourcePaths photo_paths = paths;
        photo_paths.content_dir = photos.path() / "content";
        model::Diagnostics ignored;
        const app::Sources photo_sources = app::load_sources(photo_paths, ignored);
        render::PictureLoader loader;
        app::Stage photo_stage(*screen, fonts, photo_sources, loader);
        app::Player::Frame frame = still;
        frame.current = 1;
        frame.previous = 0;
        frame.progress = 0;
        photo_stage.draw(frame);
        loader.wait_all(30'000);
        photo_stage.take_pictures();
        std::vector<double> times;
        for (int i = 0; i <= 120; ++i) {
            frame.progress = static_cast<float>(i % 48) / 48.0f;
            const auto t0 = Clock::now();
            photo_stage.draw(frame);
            screen->present();
            times.push_back(ms_since(t0));
        }
        const Stats s = stats(times);
        std::printf("%-28s mean %.2f ms, p95 %.2f ms -> %.0f fps sustained\n",
                    "picture crossfade frame", s.mean, s.p95, 1000.0 / s.p95);
    }
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

    // 20 slides of 12-megapixel photographs, 2 s each with a crossfade: every slide change
    // decodes one on the worker while the screen fades.
    measure_pss(
        exe,
        {"--windowed", "1920x1080", "--software", "--content", (photos.path() / "content").string(),
         "--config", (dir.path() / "static.json").string(), "--state-dir", state},
        "20 slides of 12 MP photos", 45);
    return 0;
}
