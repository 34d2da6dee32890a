#include "kiosk/feed/counter_cache.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace kiosk::feed {

std::filesystem::path counter_cache_file(const std::filesystem::path& state_dir) {
    return state_dir / "counter-cache.json";
}

std::optional<CachedCounter> load_counter_cache(const std::filesystem::path& state_dir,
                                                const std::string& url, const std::string& pointer,
                                                std::string* why) {
    const auto file = counter_cache_file(state_dir);
    std::ifstream in(file);
    if (!in) return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    CachedCounter cache;
    try {
        const auto json = nlohmann::json::parse(text.str());
        cache.value = json.at("value").get<std::uint64_t>();
        cache.fetched_unix = json.at("fetched_unix").get<std::int64_t>();
        cache.url = json.at("url").get<std::string>();
        cache.pointer = json.at("pointer").get<std::string>();
    } catch (const nlohmann::json::exception& e) {
        if (why) *why = file.string() + ": corrupt, ignored (" + e.what() + ")";
        return std::nullopt;
    }
    if (cache.url != url || cache.pointer != pointer) {
        if (why)
            *why = file.string() + ": from another feed (" + cache.url + " " + cache.pointer +
                   "), not shown";
        return std::nullopt;
    }
    return cache;
}

bool save_counter_cache(const std::filesystem::path& state_dir, const CachedCounter& cache,
                        std::string* error) {
    const auto fail = [&](const std::string& what) {
        if (error) *error = what + ": " + std::strerror(errno);
        return false;
    };
    std::error_code ec;
    std::filesystem::create_directories(state_dir, ec);
    const auto file = counter_cache_file(state_dir);
    const auto temporary = file.string() + ".tmp";
    const std::string text = nlohmann::json{{"value", cache.value},
                                            {"fetched_unix", cache.fetched_unix},
                                            {"url", cache.url},
                                            {"pointer", cache.pointer}}
                                 .dump() +
                             "\n";
    const int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return fail(temporary);
    const bool written =
        write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && fsync(fd) == 0;
    close(fd);
    if (!written) return fail(temporary);
    if (rename(temporary.c_str(), file.c_str()) != 0) return fail(file.string());
    // The rename itself must reach the disk too, or a power cut could undo it.
    const int dir = open(state_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        fsync(dir);
        close(dir);
    }
    return true;
}

}  // namespace kiosk::feed
