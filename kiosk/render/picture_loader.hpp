#pragma once
// Decodes slides' pictures on a worker thread of its own, so the main thread never waits on a
// decode: it says which pictures it wants now (the slide on screen and the next), and takes
// each when it is done. Only wanted pictures are decoded and kept: memory for decoded pictures
// is bounded by what two slides show. The worker runs at a lower priority than the main
// thread, so a decode never takes a crossfade's frames.
//
// Create, call and destroy on one thread (the main thread). Destruction returns at once: a
// decode in progress ends by itself on its worker, and its result is dropped.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/render/picture_decoder.hpp"

namespace kiosk::render {

class PictureLoader {
  public:
    struct Result {
        std::optional<Picture> picture;  // nullopt: refused, for `why`
        std::string why;
    };

    // `ready` is called on the worker thread each time a wanted picture is done (to wake the
    // main loop); never after the loader is destroyed.
    explicit PictureLoader(std::function<void()> ready = {});
    ~PictureLoader();
    PictureLoader(const PictureLoader&) = delete;
    PictureLoader& operator=(const PictureLoader&) = delete;

    // The pictures wanted now, most urgent first. A picture no longer wanted is forgotten, done
    // or not; a wanted one already done is not decoded again.
    void want(std::vector<PictureRequest> wanted);
    // A wanted picture that is done, handed over once (it is then forgotten); nullopt while it is
    // not done, or not wanted.
    std::optional<Result> take(const PictureRequest& request);
    // Waits until every wanted picture is done or `timeout_ms` passes. For --screenshot and
    // tests, never the running kiosk's main thread.
    bool wait_all(int timeout_ms);

    struct State;  // shared with the worker, which may outlive the loader

  private:
    std::shared_ptr<State> state_;
};

}  // namespace kiosk::render
