#pragma once
// Signals, taken by a thread of their own through signalfd, so no handler ever runs inside SDL,
// libcurl or the allocator, and each signal becomes a message to the main loop. SIGPIPE is
// ignored: a reader of the log that goes away must not end the kiosk. SIGHUP asks for a reload,
// as daemons do; SIGINT, SIGTERM, SIGQUIT, SIGUSR1 and SIGUSR2 end the kiosk with a line naming
// the signal.

#include <functional>
#include <thread>

namespace kiosk::app {

class SignalThread {
  public:
    // Blocks the handled signals in the calling thread, and so in every thread started after.
    // Call first thing in main, before any thread exists.
    static void block_signals();

    explicit SignalThread(std::function<void(int)> on_signal);
    ~SignalThread();
    SignalThread(const SignalThread&) = delete;
    SignalThread& operator=(const SignalThread&) = delete;

  private:
    std::function<void(int)> on_signal_;
    int signal_fd_ = -1;
    int stop_pipe_[2] = {-1, -1};
    std::thread thread_;
};

const char* signal_name(int sig);

}  // namespace kiosk::app
