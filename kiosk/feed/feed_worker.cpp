#include "kiosk/feed/feed_worker.hpp"

#include <random>

namespace kiosk::feed {

FeedWorker::FeedWorker(model::CounterFeedConfig config, model::CounterContent content,
                       std::filesystem::path state_dir, Publish publish)
    : publish_(std::move(publish)) {
    feed_ = std::make_unique<CounterFeed>(std::move(config), std::move(content),
                                          std::move(state_dir), start_log_);
}

FeedWorker::~FeedWorker() {
    stop();
}

void FeedWorker::start() {
    publish_if_changed(start_log_);
    if (!feed_->has_url()) {
        std::lock_guard lock(mutex_);
        attempted_ = true;
        return;
    }
    thread_ = std::thread([this] { run(); });
}

void FeedWorker::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cancel_ = true;
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

bool FeedWorker::wait_first_attempt(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return wake_.wait_for(lock, timeout, [this] { return attempted_; });
}

void FeedWorker::publish_if_changed(CounterTracker::Lines& log) {
    const CounterState now = feed_->state(std::chrono::steady_clock::now());
    if (log.empty() && published_ == now) return;
    publish_(now, log);
    published_ = now;
    log.clear();
}

void FeedWorker::run() {
    std::mt19937 random(std::random_device{}());
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    for (;;) {
        CounterTracker::Lines log;
        feed_->poll(std::chrono::steady_clock::now(), log, &cancel_);
        publish_if_changed(log);
        {
            std::lock_guard lock(mutex_);
            attempted_ = true;
        }
        wake_.notify_all();

        const auto next_poll =
            std::chrono::steady_clock::now() + feed_->next_delay(uniform(random));
        std::unique_lock lock(mutex_);
        for (;;) {
            // Wake for the next poll, or earlier when live is due to turn stale, so the screen
            // never claims a freshness it no longer has.
            auto wake_at = next_poll;
            const auto now = std::chrono::steady_clock::now();
            if (auto until = feed_->live_until(); until && *until > now && *until < wake_at)
                wake_at = *until;
            if (wake_.wait_until(lock, wake_at, [this] { return stopping_; })) return;
            lock.unlock();
            feed_->tick(std::chrono::steady_clock::now(), log);
            publish_if_changed(log);
            lock.lock();
            if (std::chrono::steady_clock::now() >= next_poll) break;
        }
    }
}

}  // namespace kiosk::feed
