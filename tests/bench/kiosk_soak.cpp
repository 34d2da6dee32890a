// kiosk-soak: hours of venue life in minutes, against the real program, to show that nothing
// grows. Slides change every second with a crossfade; the feed's number changes every 100 ms
// and the feed fails in every way now and then (errors, junk, silence); slides.json is edited
// every few seconds, sometimes with mistakes; the X server dies and returns. Every sample
// prints the kiosk's PSS, open files and threads; the end says whether they grew (the medians
// of the first and the last third after warm-up: a spike when the X server comes back is not a
// leak).
//
//   kiosk-soak [MINUTES]   (default 10; the first fifth is warm-up)

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "support/http_server.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/x_server.hpp"

using namespace kiosk;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

// The newest kiosk process: after the X server dies the kiosk starts afresh in place (same
// pid), so the pid stays the one started.
struct Sample {
    double minutes = 0;
    double pss_mib = 0;
    int fds = 0, threads = 0;
};

double pss_mib(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/smaps_rollup");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("Pss:", 0) == 0) return std::stod(line.substr(4)) / 1024.0;
    return -1;
}

int count_fds(pid_t pid) {
    int n = 0;
    std::error_code ec;
    for ([[maybe_unused]] const auto& e :
         std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ec))
        ++n;
    return n;
}

int threads(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("Threads:", 0) == 0) return std::stoi(line.substr(8));
    return -1;
}

const char* kDeckA = R"({"slides": [
  {"id": "a", "duration_s": 1, "layout": "title", "vi": {"title": "Công ước Hà Nội", "body": "Lễ mở ký · Hà Nội, 25–26/10/2025"}, "en": {"title": "The Hanoi Convention", "body": "Signing ceremony · Hanoi, 25–26 October 2025"}},
  {"id": "b", "duration_s": 1, "layout": "facts", "vi": {"title": "Một công ước toàn cầu", "body": "9 chương, 71 điều\n\nThiết lập cơ chế hợp tác chuyên trách 24/7"}, "en": {"title": "A global treaty", "body": "9 chapters, 71 articles\n\nSets up a dedicated 24/7 cooperation network"}},
  {"id": "c", "duration_s": 1, "layout": "counter", "vi": {"title": "Đã ký"}, "en": {"title": "Signed so far"}}]})";
const char* kDeckB = R"({"slides": [
  {"id": "b", "duration_s": 1, "en": {"title": "Edited", "body": "A deck edited while the screen runs."}},
  {"id": "d", "duration_s": 1, "layout": "quote", "en": {"body": "In cyberspace, no one is safe until everyone is safe.", "attribution": "António Guterres"}}]})";

}  // namespace

int main(int argc, char** argv) {
    const double minutes = argc > 1 ? std::atof(argv[1]) : 10;
    const auto length = milliseconds(static_cast<long long>(minutes * 60'000));
    test::TempDir dir;
    dir.write("content/slides.json", kDeckA);
    dir.write("content/counter.json", R"({"value": 72, "as_of": "2025-10-26",
        "label": {"vi": "quốc gia đã ký", "en": "states have signed"}})");

    // The feed: a number that rises every 100 ms, and every kind of failure mixed in.
    test::HttpServer server;
    std::atomic<bool> done{false};
    std::thread feed([&] {
        for (long n = 0; !done; ++n) {
            const std::string value = R"({"total": )" + std::to_string(100 + n) + "}";
            if (n % 37 == 0)
                server.set_route("/feed.json", 503, "busy");
            else if (n % 41 == 0)
                server.set_route("/feed.json", 200, "<html>gateway</html>");
            else if (n % 43 == 0)
                server.set_route("/feed.json", 200, R"({"total": 1e400})");
            else if (n % 97 == 0)
                server.set_silent("/feed.json");
            else
                server.set_route("/feed.json", 200, value, {{"ETag", "\"" + value + "\""}});
            std::this_thread::sleep_for(milliseconds(100));
        }
    });
    const std::string config = dir.write(
        "kiosk.json", R"({"slides": {"transition_s": 0.3},
          "counter": {"url": ")" +
                          server.url("/feed.json") +
                          R"(", "pointer": "/total", "interval_s": 1, "timeout_s": 0.5}})");

    const int number = test::free_display_number();
    auto x = std::make_unique<test::XServer>(number, 1280, 720);
    setenv("DISPLAY", x->display().c_str(), 1);
    const std::string out = (dir.path() / "kiosk.log").string();
    test::Process kiosk(KIOSK_BINARY,
                        {"--config", config, "--content", (dir.path() / "content").string(),
                         "--state-dir", (dir.path() / "state").string()},
                        out, {"SDL_VIDEODRIVER", "WAYLAND_DISPLAY"});
    // Whose numbers to read: the kiosk itself (the Process holds its pid privately).
    pid_t pid = -1;
    for (int i = 0; i < 100 && pid < 0; ++i) {
        std::ifstream state((dir.path() / "state/kiosk.lock").string());
        state >> pid;
        if (pid <= 0) {
            pid = -1;
            std::this_thread::sleep_for(milliseconds(100));
        }
    }
    if (pid < 0) {
        std::fprintf(stderr, "kiosk-soak: the kiosk did not start\n");
        return 1;
    }

    std::printf(
        "kiosk-soak: %.0f min; slides every 1 s with 0.3 s fades, feed changing every "
        "100 ms (polled every 1 s, faults mixed in), slides.json edited every 3 s, the X "
        "server dying every 90 s\n\n%8s %10s %6s %8s\n",
        minutes, "minutes", "PSS MiB", "fds", "threads");
    std::vector<Sample> samples;
    const auto start = Clock::now();
    auto next_sample = start + seconds(10), next_edit = start + seconds(3),
         next_x = start + seconds(90);
    for (int edit = 0; Clock::now() - start < length;
         std::this_thread::sleep_for(milliseconds(100))) {
        const auto now = Clock::now();
        if (now >= next_edit) {
            next_edit += seconds(3);
            ++edit;
            const char* deck = edit % 5 == 4 ? "{\"slides\": [ broken" : edit % 2 ? kDeckB : kDeckA;
            dir.write("content/slides.json", deck);
        }
        if (now >= next_x) {
            // The X server goes away for 5 s, then a new one answers on the same display.
            next_x += seconds(90);
            x.reset();
            std::this_thread::sleep_for(seconds(5));
            x = std::make_unique<test::XServer>(number, 1280, 720);
        }
        if (now >= next_sample) {
            next_sample += seconds(10);
            Sample s{std::chrono::duration<double>(now - start).count() / 60, pss_mib(pid),
                     count_fds(pid), threads(pid)};
            samples.push_back(s);
            std::printf("%8.1f %10.1f %6d %8d\n", s.minutes, s.pss_mib, s.fds, s.threads);
            std::fflush(stdout);
        }
    }
    done = true;
    feed.join();
    kiosk.signal(SIGTERM);
    const int status = kiosk.wait(seconds(10));

    // After warm-up (the first fifth), how far each figure strays from its mean.
    const size_t warm = samples.size() / 5;
    double pss_low = 1e9, pss_high = 0, pss_sum = 0;
    int fd_low = 1 << 30, fd_high = 0, th_low = 1 << 30, th_high = 0;
    for (size_t i = warm; i < samples.size(); ++i) {
        pss_low = std::min(pss_low, samples[i].pss_mib);
        pss_high = std::max(pss_high, samples[i].pss_mib);
        pss_sum += samples[i].pss_mib;
        fd_low = std::min(fd_low, samples[i].fds);
        fd_high = std::max(fd_high, samples[i].fds);
        th_low = std::min(th_low, samples[i].threads);
        th_high = std::max(th_high, samples[i].threads);
    }
    const double pss_mean = pss_sum / std::max<size_t>(1, samples.size() - warm);
    const double spread = 100 * (pss_high - pss_low) / pss_mean;
    // A leak is growth, not a spike: the picture's memory comes and goes with the X server it is
    // on. The medians of the first and the last third after warm-up are compared.
    const auto median_of = [&](size_t from, size_t to, auto field) {
        std::vector<double> v;
        for (size_t i = from; i < to; ++i) v.push_back(field(samples[i]));
        if (v.empty()) return 0.0;
        std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
        return v[v.size() / 2];
    };
    const size_t third = (samples.size() - warm) / 3, end = samples.size();
    const auto pss = [](const Sample& x) { return x.pss_mib; };
    const auto fds = [](const Sample& x) { return static_cast<double>(x.fds); };
    const auto threads = [](const Sample& x) { return static_cast<double>(x.threads); };
    const double pss_first = median_of(warm, warm + third, pss);
    const double pss_last = median_of(end - third, end, pss);
    const double fd_growth = median_of(end - third, end, fds) - median_of(warm, warm + third, fds);
    const double thread_growth =
        median_of(end - third, end, threads) - median_of(warm, warm + third, threads);
    std::string log = test::read_file(out);
    const auto count = [&](const std::string& what) {
        size_t n = 0;
        for (size_t at = log.find(what); at != std::string::npos; at = log.find(what, at + 1)) ++n;
        return n;
    };
    std::printf(
        "\nafter warm-up: PSS %.1f-%.1f MiB (%.1f%% of its mean), fds %d-%d, threads "
        "%d-%d; reloads %zu, refused edits %zu, display back %zu times, exit status %d\n",
        pss_low, pss_high, spread, fd_low, fd_high, th_low, th_high, count("reloaded"),
        count("keeping what is on screen"), count("display answers again"), status);
    std::printf(
        "median PSS %.1f MiB in the first third after warm-up, %.1f MiB in the last; "
        "fds %+.0f, threads %+.0f\n",
        pss_first, pss_last, fd_growth, thread_growth);
    const bool flat = pss_last - pss_first <= std::max(1.0, 0.05 * pss_first) && fd_growth <= 1 &&
                      thread_growth <= 0;
    std::printf("%s\n", flat ? "flat" : "NOT FLAT");
    return flat && status == 0 ? 0 : 1;
}
