#include "kiosk/app/signals.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

namespace kiosk::app {

namespace {

sigset_t handled() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGHUP, SIGINT, SIGTERM, SIGQUIT, SIGUSR1, SIGUSR2}) sigaddset(&set, sig);
    return set;
}

}  // namespace

const char* signal_name(int sig) {
    switch (sig) {
        case SIGHUP:
            return "SIGHUP";
        case SIGINT:
            return "SIGINT";
        case SIGTERM:
            return "SIGTERM";
        case SIGQUIT:
            return "SIGQUIT";
        case SIGUSR1:
            return "SIGUSR1";
        case SIGUSR2:
            return "SIGUSR2";
    }
    return "a signal";
}

void SignalThread::block_signals() {
    signal(SIGPIPE, SIG_IGN);
    const sigset_t set = handled();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

SignalThread::SignalThread(std::function<void(int)> on_signal) : on_signal_(std::move(on_signal)) {
    const sigset_t set = handled();
    signal_fd_ = signalfd(-1, &set, SFD_CLOEXEC);
    if (signal_fd_ < 0 || pipe2(stop_pipe_, O_CLOEXEC) != 0) return;
    thread_ = std::thread([this] {
        for (;;) {
            pollfd fds[2] = {{signal_fd_, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
            if (poll(fds, 2, -1) < 0) continue;
            if (fds[1].revents) return;
            signalfd_siginfo info{};
            if (read(signal_fd_, &info, sizeof info) == sizeof info)
                on_signal_(static_cast<int>(info.ssi_signo));
        }
    });
}

SignalThread::~SignalThread() {
    if (thread_.joinable()) {
        const char byte = 0;
        (void)!write(stop_pipe_[1], &byte, 1);
        thread_.join();
    }
    for (int fd : {signal_fd_, stop_pipe_[0], stop_pipe_[1]})
        if (fd >= 0) close(fd);
}

}  // namespace kiosk::app
