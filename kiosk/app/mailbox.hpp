#pragma once
// How worker threads hand results to the main thread: they leave the newest value here and push
// an SDL event that wakes the main loop's wait. Only the newest of each kind matters, so a burst
// of updates costs one frame.

#include <SDL.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/app/sources.hpp"
#include "kiosk/feed/counter_state.hpp"

namespace kiosk::app {

class Mailbox {
  public:
    struct Reload {
        ReadSources read;
        model::Diagnostics diagnostics;
    };

    Mailbox() : wake_event_(SDL_RegisterEvents(1)) {}
    Uint32 wake_event() const { return wake_event_; }

    void post_reload(Reload reload) {
        {
            std::lock_guard lock(mutex_);
            reload_ = std::move(reload);
        }
        wake();
    }
    void post_counter(const feed::CounterState& state) {
        {
            std::lock_guard lock(mutex_);
            counter_ = state;
        }
        wake();
    }
    // For video drivers whose event wait is a 1 ms polling loop (offscreen, KMS/DRM): sleeps on
    // a condition variable instead, until something is posted or `timeout` passes.
    void wait(std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        posted_.wait_for(lock, timeout, [this] { return reload_ || counter_; });
    }

    std::optional<Reload> take_reload() {
        std::lock_guard lock(mutex_);
        return std::exchange(reload_, std::nullopt);
    }
    std::optional<feed::CounterState> take_counter() {
        std::lock_guard lock(mutex_);
        return std::exchange(counter_, std::nullopt);
    }

  private:
    void wake() {
        posted_.notify_all();
        SDL_Event event{};
        event.type = wake_event_;
        SDL_PushEvent(&event);  // thread-safe in SDL
    }
    Uint32 wake_event_;
    std::mutex mutex_;
    std::condition_variable posted_;
    std::optional<Reload> reload_;
    std::optional<feed::CounterState> counter_;
};

}  // namespace kiosk::app
