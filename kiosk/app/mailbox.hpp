#pragma once
// How other threads hand results to the main thread: they leave them here and wake the main
// loop, through a condition variable and an SDL event (for drivers whose event wait sleeps).
// Only the newest reload and counter report matter, so a burst costs one frame; log lines and
// signals are all kept.

#include <SDL.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/app/sources.hpp"
#include "kiosk/feed/counter_feed.hpp"

namespace kiosk::app {

class Mailbox {
  public:
    struct Reload {
        ReadSources read;
        model::Diagnostics diagnostics;
    };
    struct Counter {
        int generation = 0;  // which feed it came from: a feed replaced since is not shown
        feed::CounterReport report;
    };

    Mailbox() : wake_event_(SDL_RegisterEvents(1)) {}

    void post_reload(Reload reload) {
        {
            std::lock_guard lock(mutex_);
            reload_ = std::move(reload);
        }
        wake();
    }
    void post_counter(Counter counter, const std::vector<std::string>& lines) {
        {
            std::lock_guard lock(mutex_);
            counter_ = std::move(counter);
            counter_lines_.insert(counter_lines_.end(), lines.begin(), lines.end());
        }
        wake();
    }
    // A picture was decoded (the PictureLoader's worker): the Stage has something to take.
    void post_pictures() {
        {
            std::lock_guard lock(mutex_);
            pictures_ = true;
        }
        wake();
    }
    // What the content poller had to say; `switched` when a new deck is now current.
    void post_content(int generation, bool switched, const std::vector<std::string>& lines) {
        {
            std::lock_guard lock(mutex_);
            if (generation == content_generation_)
                content_switched_ = content_switched_ || switched;
            content_lines_.insert(content_lines_.end(), lines.begin(), lines.end());
        }
        wake();
    }
    // Reports of an older content poller (the URL changed since) are dropped from now on.
    void set_content_generation(int generation) {
        std::lock_guard lock(mutex_);
        content_generation_ = generation;
        content_switched_ = false;
    }
    bool take_content(std::vector<std::string>& lines) {
        std::lock_guard lock(mutex_);
        lines = std::exchange(content_lines_, {});
        return std::exchange(content_switched_, false);
    }

    void post_signal(int sig) {
        {
            std::lock_guard lock(mutex_);
            signals_.push_back(sig);
        }
        wake();
    }

    // Sleeps until something is posted or `until` passes.
    void wait_until(std::chrono::steady_clock::time_point until) {
        std::unique_lock lock(mutex_);
        posted_.wait_until(lock, until, [this] { return has_mail(); });
    }

    std::optional<Reload> take_reload() {
        std::lock_guard lock(mutex_);
        return std::exchange(reload_, std::nullopt);
    }
    std::optional<Counter> take_counter(std::vector<std::string>& lines) {
        std::lock_guard lock(mutex_);
        lines = std::exchange(counter_lines_, {});
        return std::exchange(counter_, std::nullopt);
    }
    bool take_pictures() {
        std::lock_guard lock(mutex_);
        return std::exchange(pictures_, false);
    }
    std::optional<int> take_signal() {
        std::lock_guard lock(mutex_);
        if (signals_.empty()) return std::nullopt;
        const int sig = signals_.front();
        signals_.pop_front();
        return sig;
    }

  private:
    bool has_mail() const {
        return reload_ || counter_ || !counter_lines_.empty() || !signals_.empty() || pictures_ ||
               content_switched_ || !content_lines_.empty();
    }
    void wake() {
        posted_.notify_all();
        SDL_Event event{};
        event.type = wake_event_;
        SDL_PushEvent(&event);  // thread-safe in SDL; wakes an X11 or Wayland event wait
    }
    Uint32 wake_event_;
    std::mutex mutex_;
    std::condition_variable posted_;
    std::optional<Reload> reload_;
    std::optional<Counter> counter_;
    std::vector<std::string> counter_lines_;
    std::deque<int> signals_;
    bool pictures_ = false;
    int content_generation_ = 0;
    bool content_switched_ = false;
    std::vector<std::string> content_lines_;
};

}  // namespace kiosk::app
