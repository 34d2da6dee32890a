#include "kiosk/feed/content_feed.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <ctime>

#include "kiosk/feed/request.hpp"
#include "kiosk/feed/url_text.hpp"
#include "kiosk/model/counter_content.hpp"
#include "kiosk/model/deck.hpp"
#include "kiosk/model/small_file.hpp"
#include "kiosk/state/deck_store.hpp"

namespace kiosk::feed {

namespace {

constexpr const char* kSlides = "slides.json";
constexpr const char* kCounter = "counter.json";

bool write_new_file(const std::filesystem::path& file, const std::string& data) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n <= 0) break;
        done += static_cast<size_t>(n);
    }
    ::close(fd);
    return done == data.size();
}

// Whether the file kept in the state folder holds exactly `body`. Read as any file someone else
// may have put there: a FIFO or a huge file in its place is simply not the same.
bool holds(const std::filesystem::path& file, const std::string& body) {
    std::string kept, why;
    return model::read_small_file(file.string(), body.size(), kept, why) && kept == body;
}

// A file of the last generation, taken into the new one without copying its bytes.
bool reuse(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::error_code ec;
    std::filesystem::create_directories(to.parent_path(), ec);
    if (::link(from.c_str(), to.c_str()) == 0) return true;
    std::filesystem::copy_file(from, to, ec);
    return !ec;
}

// Diagnostics name the file they read; the log names where it came from.
std::string as_from(const model::Diagnostic& d, const std::string& url) {
    model::Diagnostic shown = d;
    shown.file = url;
    return shown.to_string();
}

}  // namespace

ContentFeed::ContentFeed(model::ContentConfig config, std::filesystem::path state_dir,
                         Publish publish)
    : config_(std::move(config)), state_dir_(std::move(state_dir)), publish_(std::move(publish)) {}

std::string ContentFeed::source_of(const model::ContentConfig& config) {
    return feed_fingerprint(config.url, "content");
}

bool ContentFeed::poll(HttpClient& client, const std::atomic<bool>& cancel) {
    Lines log;
    bool switched = false;
    const bool good = poll_once(client, log, switched, &cancel);
    if (!cancel.load() && publish_ && (switched || !log.empty())) publish_(switched, log);
    return good;
}

bool ContentFeed::poll_once(HttpClient& client, Lines& log, bool& switched,
                            const std::atomic<bool>* cancel) {
    switched = false;
    if (config_.url.empty() || state_dir_.empty()) return false;
    state::DeckStore store(state_dir_);
    const std::string source = source_of(config_);
    auto current = store.current();
    if (current && current->manifest.source != source) current.reset();  // another URL's deck
    const std::string shown_url = redacted_url(config_.url);

    // Says what went wrong, once until it changes, and drops what was fetched.
    std::optional<std::filesystem::path> incoming;
    const auto fail = [&](const std::string& why) {
        if (incoming) store.discard(*incoming);
        if (why != last_error_) {
            log.push_back(why + "; keeping what is on screen");
            last_error_ = why;
        }
        return false;
    };
    // One file, conditionally when the last generation has it; "" name for a 304.
    struct Got {
        bool ok = false, unchanged = false, missing = false;
        state::Manifest::File info;
        std::string body, error;
    };
    std::uint64_t total = 0;
    const auto too_large = [&] {
        return fail(shown_url + ": the deck is larger than " +
                    std::to_string(config_.max_total_bytes >> 20) +
                    " MiB (content.max_total_bytes)");
    };
    const auto get = [&](const std::string& name, const std::string& url) {
        Got got;
        HttpRequest request = request_for(config_, url, "content.max_bytes");
        request.accept = "*/*";
        if (current && current->manifest.files.count(name)) {
            request.etag = current->manifest.files.at(name).etag;
            request.last_modified = current->manifest.files.at(name).last_modified;
        }
        HttpResponse response = client.get(request, cancel);
        if (!response.ok) {
            got.missing = response.status == 404 || response.status == 410;
            got.error = response.error;
            return got;
        }
        got.ok = true;
        got.unchanged = response.not_modified;
        got.info = {response.etag, response.last_modified,
                    got.unchanged ? current->manifest.files.at(name).bytes : response.body.size()};
        got.body = std::move(response.body);
        total += got.info.bytes;
        return got;
    };

    Got slides = get(kSlides, config_.url);
    if (cancel && cancel->load()) return false;
    if (!slides.ok) return fail(slides.error);
    const bool slides_unchanged =
        slides.unchanged || (current && holds(current->dir / kSlides, slides.body));
    incoming = store.begin(nullptr);
    if (!incoming) return fail(state_dir_.string() + ": cannot keep a fetched deck");
    state::Manifest manifest;
    manifest.source = source;
    manifest.url = shown_url;
    manifest.fetched_unix = static_cast<std::int64_t>(std::time(nullptr));
    manifest.files[kSlides] = slides.info;
    const bool placed = slides.unchanged ? reuse(current->dir / kSlides, *incoming / kSlides)
                                         : write_new_file(*incoming / kSlides, slides.body);
    if (!placed) return fail(incoming->string() + ": cannot be written");

    // Checked as --check checks a local deck; the images it names come next.
    model::Diagnostics diagnostics;
    auto deck = model::parse_deck((*incoming / kSlides).string(), diagnostics);
    if (!deck) {
        for (const auto& d : diagnostics)
            if (d.severity == model::Diagnostic::Severity::Error) {
                return fail(as_from(d, shown_url));
            }
        return fail(shown_url + ": not a deck");
    }
    bool all_unchanged = slides_unchanged;

    // counter.json beside it is optional: a 404 means the deck has none.
    const std::string counter_url = resolve_url(config_.url, kCounter);
    Got counter = get(kCounter, counter_url);
    if (cancel && cancel->load()) return fail("cancelled");
    if (counter.ok) {
        const bool ok = counter.unchanged ? reuse(current->dir / kCounter, *incoming / kCounter)
                                          : write_new_file(*incoming / kCounter, counter.body);
        if (!ok) return fail(incoming->string() + ": cannot be written");
        model::Diagnostics counter_diagnostics;
        if (!model::parse_counter_content((*incoming / kCounter).string(), counter_diagnostics)) {
            for (const auto& d : counter_diagnostics)
                if (d.severity == model::Diagnostic::Severity::Error)
                    return fail(as_from(d, redacted_url(counter_url)));
        }
        manifest.files[kCounter] = counter.info;
        all_unchanged = all_unchanged &&
                        (counter.unchanged || (current && current->manifest.files.count(kCounter) &&
                                               holds(current->dir / kCounter, counter.body)));
    } else if (!counter.missing) {
        return fail(counter.error);
    } else {
        all_unchanged = all_unchanged && !(current && current->manifest.files.count(kCounter));
    }

    // Every image the deck names, or the version is incomplete: the old deck stays entirely.
    for (const std::string& name : deck->image_files()) {
        const std::string url = resolve_url(config_.url, name);
        if (url.empty()) return fail(shown_url + ": image \"" + name + "\" has no URL");
        Got image = get(name, url);
        if (cancel && cancel->load()) return fail("cancelled");
        if (!image.ok) return fail(image.error);
        if (total > config_.max_total_bytes) return too_large();
        const bool ok = image.unchanged ? reuse(current->dir / name, *incoming / name)
                                        : write_new_file(*incoming / name, image.body);
        if (!ok) return fail(incoming->string() + ": cannot be written");
        manifest.files[name] = image.info;
        all_unchanged = all_unchanged &&
                        (image.unchanged || (current && holds(current->dir / name, image.body)));
    }
    if (total > config_.max_total_bytes) return too_large();
    if (current && all_unchanged) {
        // Nothing new: no switch, no line.
        store.discard(*incoming);
        last_error_.clear();
        return true;
    }

    // Checked again with its images in place: what the screen would say of them, said now.
    diagnostics.clear();
    deck = model::parse_deck((*incoming / kSlides).string(), diagnostics);
    if (!deck) return fail(shown_url + ": not a deck once its images are in");
    for (const auto& d : diagnostics) log.push_back(as_from(d, shown_url));
    std::string error;
    if (!store.commit(*incoming, manifest, &error)) return fail(error);
    incoming.reset();
    switched = true;
    last_error_.clear();
    const auto count = [](size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    log.push_back(shown_url + ": a new version, " + count(deck->slides.size(), "slide", "slides") +
                  " and " + count(deck->image_files().size(), "image", "images") + " (" +
                  std::to_string((total + 1023) / 1024) + " KiB), is now shown");
    return true;
}

}  // namespace kiosk::feed
