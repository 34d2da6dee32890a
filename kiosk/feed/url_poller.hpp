#pragma once
// Asks a URL on a schedule, on a thread of its own, so the render loop never waits on the
// network: the first poll at once, then every interval (jittered), backing off while polls
// fail. What is asked and what the answer means belong to a PollTarget (the counter, remote
// content); this class only keeps time.
//
// Stopping never waits: stop() (and the destructor) ask the thread to end and return at once;
// the thread ends by itself once its request returns, which its own deadline bounds. The main
// thread therefore never joins anything that may be inside the network.

#include <atomic>
#include <chrono>
#include <memory>

#include "kiosk/feed/http_client.hpp"
#include "kiosk/feed/poll_schedule.hpp"

namespace kiosk::feed {

class PollTarget {
  public:
    virtual ~PollTarget() = default;
    // One poll: ask, read, publish what changed. True when the answer was good (the backoff
    // starts over). Called on the poller's thread only; return soon once `cancel` is set.
    virtual bool poll(HttpClient& client, const std::atomic<bool>& cancel) = 0;
};

class UrlPoller {
  public:
    UrlPoller(PollTiming timing, std::shared_ptr<PollTarget> target,
              Resolver resolver = system_resolve);
    ~UrlPoller();  // stop()
    UrlPoller(const UrlPoller&) = delete;
    UrlPoller& operator=(const UrlPoller&) = delete;

    void start();
    void stop();
    // True once the first poll has ended (answer or failure), within `timeout`.
    bool wait_first_poll(std::chrono::milliseconds timeout);
    // For the end of the program only: true when the thread has ended within `timeout`.
    bool wait_ended(std::chrono::milliseconds timeout);

  private:
    struct Shared;
    std::shared_ptr<Shared> shared_;
};

}  // namespace kiosk::feed
