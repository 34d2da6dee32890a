#include "kiosk/state/deck_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "kiosk/model/printable.hpp"
#include "kiosk/model/relative_path.hpp"
#include "kiosk/model/small_file.hpp"
#include "kiosk/state/state_dir.hpp"

namespace kiosk::state {

namespace {

constexpr const char* kCurrent = "current";
constexpr const char* kPrevious = "previous";
constexpr const char* kManifest = "manifest.json";

// What a manifest read back may hold; commit() never writes more. An ETag and a Last-Modified
// are kept as http_client.cpp keeps them from an answer.
constexpr size_t kMaxFiles = 1000;  // a deck has at most 200 slides, an image each
constexpr size_t kMaxNameBytes = 200;
constexpr size_t kMaxSourceBytes = 64;  // a feed fingerprint is 16
constexpr size_t kMaxUrlBytes = 2048;
constexpr size_t kMaxEtagBytes = 512;
constexpr size_t kMaxLastModifiedBytes = 128;
constexpr std::uint64_t kMaxFileBytes = 1ull << 30;      // content.max_total_bytes is no more
constexpr std::uint64_t kMaxFetchedUnix = 253402300799;  // 9999-12-31T23:59:59Z

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

// A value that goes back out as a request header: no control character, so no line break.
bool header_value(std::string_view text, size_t max_bytes) {
    return text.size() <= max_bytes && std::none_of(text.begin(), text.end(), [](char c) {
               return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
           });
}

// A name of a file in the generation's folder: a relative path that cannot climb out of it.
bool inside_name(const std::string& name) {
    return name.size() <= kMaxNameBytes && model::is_one_clean_line(name) &&
           model::stays_inside(name);
}

const std::string* string_at(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
}

// A whole number from 0 to `max`: nlohmann converts a float or a negative number to an integer
// type without a check (1e300 as an integer is undefined behaviour), so its type is asked first.
std::optional<std::uint64_t> whole_at(const nlohmann::json& j, const char* key, std::uint64_t max) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number_unsigned()) return std::nullopt;
    const auto value = it->get<std::uint64_t>();
    return value <= max ? std::optional(value) : std::nullopt;
}

// The manifest as commit() wrote it, or nullopt: a disk error or an editor may have left
// anything in the file, and what it holds is shown, logged and sent back as request headers.
std::optional<Manifest> read_manifest(const std::filesystem::path& file) {
    // Read as any file someone else may have put in place: a FIFO there cannot hang the start.
    std::string text, why;
    if (!model::read_small_file(file.string(), 1 << 20, text, why)) return std::nullopt;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return std::nullopt;  // a parse error too: it is "discarded"
    Manifest m;
    const std::string* source = string_at(j, "source");
    const std::string* url = string_at(j, "url");
    const auto fetched = whole_at(j, "fetched_unix", kMaxFetchedUnix);
    const auto files = j.find("files");
    if (!source || source->empty() || !header_value(*source, kMaxSourceBytes) || !url ||
        !(url->rfind("http://", 0) == 0 || url->rfind("https://", 0) == 0) ||
        url->size() > kMaxUrlBytes || !model::is_one_clean_line(*url) || !fetched ||
        files == j.end() || !files->is_object() || files->size() > kMaxFiles)
        return std::nullopt;
    m.source = *source;
    m.url = *url;
    m.fetched_unix = static_cast<std::int64_t>(*fetched);
    for (const auto& [name, f] : files->items()) {
        if (!f.is_object() || !inside_name(name)) return std::nullopt;
        const std::string* etag = string_at(f, "etag");
        const std::string* last_modified = string_at(f, "last_modified");
        const auto bytes = whole_at(f, "bytes", kMaxFileBytes);
        if (!etag || !header_value(*etag, kMaxEtagBytes) || !last_modified ||
            !header_value(*last_modified, kMaxLastModifiedBytes) || !bytes)
            return std::nullopt;
        m.files[name] = {*etag, *last_modified, *bytes};
    }
    return m;
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
