#pragma once
// Runs a CounterFeed on its own thread, so the render loop never waits on the network. Whatever
// the screen should show next is handed to `publish`, which must be quick and thread-safe (the
// app's mailbox): on start, after every poll that changes it, and when live turns stale.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "kiosk/feed/counter_feed.hpp"

namespace kiosk::feed {

class FeedWorker {
  public:
    using Publish = std::function<void(const CounterState&, const CounterTracker::Lines&)>;

    FeedWorker(model::CounterFeedConfig config, model::CounterContent content,
               std::filesystem::path state_dir, Publish publish);
    ~FeedWorker();  // stops, cancelling a request in flight
    FeedWorker(const FeedWorker&) = delete;
    FeedWorker& operator=(const FeedWorker&) = delete;

    // Publishes the starting state (cache or bundled) before returning, then polls on a thread
    // when there is a URL.
    void start();
    void stop();
    // True once the first request has ended (answer or failure), or at once without a URL.
    bool wait_first_attempt(std::chrono::milliseconds timeout);

  private:
    void run();
    void publish_if_changed(CounterTracker::Lines& log);

    std::unique_ptr<CounterFeed> feed_;
    Publish publish_;
    CounterTracker::Lines start_log_;  // what loading the cache had to say
    std::optional<CounterState> published_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool attempted_ = false;
    std::atomic<bool> cancel_{false};
};

}  // namespace kiosk::feed
