#pragma once
// What the content's URL answers means: a deck, fetched whole (slides.json, the counter.json
// beside it when the server has one, every image it names), checked as `kiosk --check` checks
// it, and switched in whole through the state folder's DeckStore. A version that cannot be
// fetched or checked in full is dropped with one line naming the URL, LINE:COL and what is
// wrong, and the screen keeps what it shows. Unchanged files cost a 304 each (ETag,
// Last-Modified); an unchanged deck is not switched in again.

#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "kiosk/feed/url_poller.hpp"
#include "kiosk/model/config.hpp"

namespace kiosk::feed {

class ContentFeed final : public PollTarget {
  public:
    using Lines = std::vector<std::string>;
    // Called on the poller's thread with what a poll had to say; `switched` when a new version
    // is now current. Must be quick and thread-safe (the app's mailbox).
    using Publish = std::function<void(bool switched, const Lines& log)>;

    ContentFeed(model::ContentConfig config, std::filesystem::path state_dir, Publish publish = {});

    PollTiming timing() const { return {config_.interval_s, config_.max_backoff_s}; }

    // One round: true when the server answered with a good version (new or unchanged).
    // `switched` tells whether a new one was switched in.
    bool poll_once(HttpClient& client, Lines& log, bool& switched,
                   const std::atomic<bool>* cancel = nullptr);
    bool poll(HttpClient& client, const std::atomic<bool>& cancel) override;

    // What a generation records as its source: a fingerprint of the URL (which may carry a
    // secret), so a deck fetched from another URL is never shown for this one.
    static std::string source_of(const model::ContentConfig& config);

  private:
    model::ContentConfig config_;
    std::filesystem::path state_dir_;
    Publish publish_;
    std::string last_error_;  // said once until it changes or heals
};

}  // namespace kiosk::feed
