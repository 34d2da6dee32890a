#include "kiosk/state/deck_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "kiosk/state/state_dir.hpp"

namespace kiosk::state {

namespace {

constexpr const char* kCurrent = "current";
constexpr const char* kPrevious = "previous";
constexpr const char* kManifest = "manifest.json";

std::string link_target(const std::filesystem::path& link) {
    std::error_code ec;
    const auto target = std::filesystem::read_symlink(link, ec);
    return ec ? "" : target.filename().string();
}

// Points `name` at `target` in `root` atomically: a new link beside it, renamed over it.
bool relink(const std::filesystem::path& root, const char* name, const std::string& target) {
    const auto fresh = root / (std::string(name) + ".new");
    ::unlink(fresh.c_str());
    return ::symlink(target.c_str(), fresh.c_str()) == 0 &&
           ::rename(fresh.c_str(), (root / name).c_str()) == 0;
}

void sync_path(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

std::optional<Manifest> read_manifest(const std::filesystem::path& file) {
    FILE* in = std::fopen(file.c_str(), "rb");
    if (!in) return std::nullopt;
    std::string text(1 << 20, '\0');
    text.resize(std::fread(text.data(), 1, text.size(), in));
    std::fclose(in);
    try {
        const auto j = nlohmann::json::parse(text);
        Manifest m;
        m.source = j.at("source").get<std::string>();
        m.url = j.at("url").get<std::string>();
        m.fetched_unix = j.at("fetched_unix").get<std::int64_t>();
        for (const auto& [name, f] : j.at("files").items())
            m.files[name] = {f.at("etag").get<std::string>(),
                             f.at("last_modified").get<std::string>(),
                             f.at("bytes").get<std::uint64_t>()};
        return m;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::string manifest_text(const Manifest& m) {
    nlohmann::json files = nlohmann::json::object();
    for (const auto& [name, f] : m.files)
        files[name] = {{"etag", f.etag}, {"last_modified", f.last_modified}, {"bytes", f.bytes}};
    return nlohmann::json{{"source", m.source},
                          {"url", m.url},
                          {"fetched_unix", m.fetched_unix},
                          {"files", files}}
               .dump(1, ' ', false, nlohmann::json::error_handler_t::replace) +
           "\n";
}

}  // namespace

DeckStore::DeckStore(std::filesystem::path state_dir) : root_(std::move(state_dir) / "content") {}

std::optional<DeckStore::Generation> DeckStore::current() const {
    const std::string target = link_target(root_ / kCurrent);
    if (target.empty() || target.rfind("gen-", 0) != 0) return std::nullopt;
    auto manifest = read_manifest(root_ / target / kManifest);
    if (!manifest) return std::nullopt;
    return Generation{root_ / target, std::move(*manifest)};
}

std::optional<std::filesystem::path> DeckStore::begin(std::string* error) {
    ::mkdir(root_.c_str(), 0700);
    static thread_local std::mt19937_64 random(std::random_device{}());
    // Named by time so a listing shows their order, and at random so two never meet.
    char name[64];
    std::snprintf(name, sizeof name, "gen-%lld-%08llx",
                  static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                             std::chrono::system_clock::now().time_since_epoch())
                                             .count()),
                  static_cast<unsigned long long>(random() & 0xFFFFFFFF));
    const auto dir = root_ / name;
    if (::mkdir(dir.c_str(), 0700) != 0) {
        if (error) *error = dir.string() + ": cannot be made";
        return std::nullopt;
    }
    return dir;
}

bool DeckStore::commit(const std::filesystem::path& dir, const Manifest& manifest,
                       std::string* error) {
    if (!write_file_atomically(dir, kManifest, manifest_text(manifest), true, error)) return false;
    // Every file and folder of the new deck reaches the disk before the link names it.
    std::error_code ec;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec))
        sync_path(entry.path());
    sync_path(dir);
    const std::string was = link_target(root_ / kCurrent);
    if (!relink(root_, kCurrent, dir.filename().string())) {
        if (error) *error = (root_ / kCurrent).string() + ": cannot be switched";
        return false;
    }
    if (!was.empty() && was != dir.filename().string()) relink(root_, kPrevious, was);
    sync_path(root_);
    remove_leftovers();
    return true;
}

void DeckStore::discard(const std::filesystem::path& dir) const {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

void DeckStore::remove_leftovers() const {
    const std::set<std::string> kept{link_target(root_ / kCurrent), link_target(root_ / kPrevious)};
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(root_, ec)) {
        const std::string name = entry.path().filename().string();
        const bool generation = name.rfind("gen-", 0) == 0;
        const bool stale_link = name.size() > 4 && name.substr(name.size() - 4) == ".new";
        if ((generation && !kept.count(name)) || stale_link) {
            std::error_code ignored;
            std::filesystem::remove_all(entry.path(), ignored);
        }
    }
}

void DeckStore::clear() const {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
}

}  // namespace kiosk::state
