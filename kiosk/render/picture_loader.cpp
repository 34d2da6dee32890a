#include "kiosk/render/picture_loader.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace kiosk::render {

struct PictureLoader::State {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<PictureRequest> wanted;
    std::vector<std::pair<PictureRequest, Result>> done;
    std::optional<PictureRequest> working;  // being decoded now
    std::function<void()> ready;
    bool stop = false;

    bool is_done(const PictureRequest& r) const {
        return std::any_of(done.begin(), done.end(), [&](const auto& d) { return d.first == r; });
    }
    bool is_wanted(const PictureRequest& r) const {
        return std::find(wanted.begin(), wanted.end(), r) != wanted.end();
    }
    // The most urgent wanted picture not done nor being decoded.
    std::optional<PictureRequest> next() const {
        for (const auto& r : wanted)
            if (!is_done(r) && !(working && *working == r)) return r;
        return std::nullopt;
    }
};

namespace {

void work(std::shared_ptr<PictureLoader::State> state) {
    // Below the main thread: a decode may take a core for a while, a frame must not wait.
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
    std::unique_lock lock(state->mutex);
    for (;;) {
        state->changed.wait(lock, [&] { return state->stop || state->next(); });
        if (state->stop) return;
        const PictureRequest request = *state->next();
        state->working = request;
        lock.unlock();
        PictureLoader::Result result;
        try {
            result.picture = decode_picture(request, &result.why);
        } catch (const std::exception& e) {
            result.picture.reset();
            result.why = std::string("cannot be decoded: ") + e.what();
        }
        lock.lock();
        state->working.reset();
        if (state->stop) return;
        if (state->is_wanted(request)) {
            state->done.emplace_back(request, std::move(result));
            if (state->ready) state->ready();
        }
        state->changed.notify_all();
    }
}

}  // namespace

PictureLoader::PictureLoader(std::function<void()> ready) : state_(std::make_shared<State>()) {
    state_->ready = std::move(ready);
    std::thread(work, state_).detach();
}

PictureLoader::~PictureLoader() {
    std::lock_guard lock(state_->mutex);
    state_->stop = true;
    state_->ready = nullptr;
    state_->done.clear();
    state_->changed.notify_all();
}

void PictureLoader::want(std::vector<PictureRequest> wanted) {
    std::lock_guard lock(state_->mutex);
    if (wanted == state_->wanted) return;
    state_->wanted = std::move(wanted);
    std::erase_if(state_->done, [&](const auto& d) { return !state_->is_wanted(d.first); });
    state_->changed.notify_all();
}

std::optional<PictureLoader::Result> PictureLoader::take(const PictureRequest& request) {
    std::lock_guard lock(state_->mutex);
    for (auto it = state_->done.begin(); it != state_->done.end(); ++it)
        if (it->first == request) {
            Result result = std::move(it->second);
            state_->done.erase(it);
            std::erase(state_->wanted, request);
            return result;
        }
    return std::nullopt;
}

bool PictureLoader::wait_all(int timeout_ms) {
    std::unique_lock lock(state_->mutex);
    return state_->changed.wait_for(lock, std::chrono::milliseconds(timeout_ms), [&] {
        return std::all_of(state_->wanted.begin(), state_->wanted.end(),
                           [&](const auto& r) { return state_->is_done(r); });
    });
}

}  // namespace kiosk::render
