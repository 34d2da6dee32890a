#include "kiosk/feed/url_poller.hpp"

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <random>
#include <thread>

namespace kiosk::feed {

// Everything the thread touches, kept alive by the thread itself after the poller is gone.
struct UrlPoller::Shared {
    PollTiming timing;
    std::shared_ptr<PollTarget> target;
    Resolver resolver;
    std::mutex mutex;
    std::condition_variable wake;
    bool started = false, stopping = false, first_done = false, ended = false;
    std::atomic<bool> cancel{false};

    void run() {
        HttpClient client(resolver);
        std::mt19937 random(std::random_device{}());
        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        int failures = 0;
        while (!cancel.load()) {
            bool good = false;
            try {
                good = target->poll(client, cancel);
            } catch (const std::exception& e) {
                // Nothing from outside may end the thread: the poll counts as failed.
                std::fprintf(stderr, "kiosk: a poll failed unexpectedly (%s)\n", e.what());
            }
            failures = good ? 0 : failures + 1;
            std::unique_lock lock(mutex);
            first_done = true;
            wake.notify_all();
            const auto next = std::chrono::steady_clock::now() +
                              next_poll_delay(timing, failures, uniform(random));
            if (wake.wait_until(lock, next, [this] { return stopping; })) break;
        }
        std::lock_guard lock(mutex);
        ended = first_done = true;
        wake.notify_all();
    }
};

UrlPoller::UrlPoller(PollTiming timing, std::shared_ptr<PollTarget> target, Resolver resolver)
    : shared_(std::make_shared<Shared>()) {
    shared_->timing = timing;
    shared_->target = std::move(target);
    shared_->resolver = std::move(resolver);
}

UrlPoller::~UrlPoller() {
    stop();
}

void UrlPoller::start() {
    std::lock_guard lock(shared_->mutex);
    if (shared_->started) return;
    shared_->started = true;
    std::thread([shared = shared_] { shared->run(); }).detach();
}

void UrlPoller::stop() {
    {
        std::lock_guard lock(shared_->mutex);
        shared_->stopping = true;
        if (!shared_->started) shared_->ended = shared_->first_done = true;
    }
    shared_->cancel = true;
    shared_->wake.notify_all();
}

bool UrlPoller::wait_first_poll(std::chrono::milliseconds timeout) {
    std::unique_lock lock(shared_->mutex);
    return shared_->wake.wait_for(lock, timeout, [this] { return shared_->first_done; });
}

bool UrlPoller::wait_ended(std::chrono::milliseconds timeout) {
    std::unique_lock lock(shared_->mutex);
    return shared_->wake.wait_for(lock, timeout, [this] { return shared_->ended; });
}

}  // namespace kiosk::feed
