#include "fuzz/fuzz_support.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <system_error>

#include "kiosk/model/printable.hpp"
#include "kiosk/model/utf8.hpp"

namespace kiosk::fuzz {

namespace {

bool throwing = false;

constexpr std::string_view kScratchPrefix = "kiosk-fuzz-";

// Folders of fuzzers that crashed (libFuzzer keeps going in fork mode, and minimising a crash
// crashes again and again) are not removed by them: whoever starts next removes those whose
// process has gone.
void remove_orphans(const std::filesystem::path& tmp) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(tmp, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(kScratchPrefix, 0) != 0) continue;
        char* end = nullptr;
        const long pid = std::strtol(name.c_str() + kScratchPrefix.size(), &end, 10);
        if (pid > 0 && *end == '-' && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
            std::filesystem::remove_all(entry.path(), ec);
    }
}

// Named after the process, and removed when it ends normally (libFuzzer's -max_total_time and
// -runs end with exit()).
struct ScratchDir {
    std::filesystem::path path;

    ScratchDir() {
        const auto tmp = std::filesystem::temp_directory_path();
        remove_orphans(tmp);
        std::string pattern =
            tmp / (std::string(kScratchPrefix) + std::to_string(getpid()) + "-XXXXXX");
        if (!mkdtemp(pattern.data())) {
            std::perror("kiosk fuzz: mkdtemp");
            std::abort();
        }
        path = pattern;
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

}  // namespace

void throw_when_broken(bool on) {
    throwing = on;
}

void require(bool condition, std::string_view what, std::string_view detail) {
    if (condition) return;
    const std::string message =
        std::string(what) + (detail.empty() ? "" : ": " + model::printable(detail, 400));
    std::fprintf(stderr, "kiosk fuzz: invariant broken: %s\n", message.c_str());
    if (throwing) throw Broken(message);
    std::abort();
}

const std::filesystem::path& scratch_dir() {
    static const ScratchDir dir;
    return dir.path;
}

std::string write_scratch_file(const std::string& name, std::string_view bytes) {
    const std::string path = scratch_dir() / name;
    // Overwritten, then cut to size, never truncated first: ext4 flushes a file truncated to
    // nothing and written again when it is closed, which made each input cost a disk write.
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    require(fd >= 0, "the scratch file cannot be written", path);
    for (size_t done = 0; done < bytes.size();) {
        const ssize_t n =
            pwrite(fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(done));
        require(n > 0, "the scratch file cannot be written", path);
        done += static_cast<size_t>(n);
    }
    require(ftruncate(fd, static_cast<off_t>(bytes.size())) == 0,
            "the scratch file cannot be cut to size", path);
    close(fd);
    return path;
}

bool clean_line(std::string_view text) {
    return model::is_one_clean_line(text);
}

TextPositions::TextPositions(std::string_view text) : line_chars_{0} {
    for (const char c : text) {
        if (c == '\n')
            line_chars_.push_back(0);
        else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++line_chars_.back();
    }
}

bool TextPositions::contains(const model::SourcePos& pos) const {
    return pos.line >= 1 && static_cast<size_t>(pos.line) <= line_chars_.size() &&
           pos.column >= 1 && static_cast<size_t>(pos.column) <= line_chars_[pos.line - 1] + 1;
}

void require_clean_diagnostics(const model::Diagnostics& diagnostics, std::string_view text) {
    const TextPositions positions(text);
    for (const auto& d : diagnostics) {
        const std::string line = d.to_string();
        require(clean_line(line), "a diagnostic is not one clean line", line);
        require(!d.message.empty(), "a diagnostic says nothing", line);
        require(positions.contains(d.pos), "a diagnostic names a place the file does not have",
                line);
    }
}

}  // namespace kiosk::fuzz
