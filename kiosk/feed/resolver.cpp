#include "kiosk/feed/resolver.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace kiosk::feed {

namespace {

// Lookup threads that have not ended, hung ones included.
std::atomic<int> running{0};

struct Lookup {
    std::mutex mutex;
    std::condition_variable done_cv;
    bool done = false;
    Resolution result;
};

// Takes one of the kMaxLookups places, or says there is none.
bool reserve() {
    int now = running.load();
    while (now < kMaxLookups)
        if (running.compare_exchange_weak(now, now + 1)) return true;
    return false;
}

Resolution getaddrinfo_lookup(const std::string& host) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_ADDRCONFIG;
    addrinfo* list = nullptr;
    Resolution r;
    if (const int rc = getaddrinfo(host.c_str(), nullptr, &hints, &list); rc != 0) {
        r.error = "cannot look up " + host + ": " + gai_strerror(rc);
        return r;
    }
    for (const addrinfo* a = list; a; a = a->ai_next) {
        char text[INET6_ADDRSTRLEN] = "";
        if (a->ai_family == AF_INET) {
            inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(a->ai_addr)->sin_addr, text,
                      sizeof text);
            r.addresses.emplace_back(text);
        } else if (a->ai_family == AF_INET6) {
            inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(a->ai_addr)->sin6_addr, text,
                      sizeof text);
            r.addresses.push_back(std::string("[") + text + "]");
        }
    }
    freeaddrinfo(list);
    if (r.addresses.empty()) r.error = "cannot look up " + host + ": no address";
    return r;
}

}  // namespace

Resolution system_resolve(const std::string& host, std::chrono::milliseconds timeout,
                          const std::atomic<bool>* cancel) {
    return resolve_with_deadline(host, timeout, cancel, getaddrinfo_lookup);
}

int lookups_running() {
    return running.load();
}

Resolution resolve_with_deadline(const std::string& host, std::chrono::milliseconds timeout,
                                 const std::atomic<bool>* cancel,
                                 std::function<Resolution(const std::string&)> lookup) {
    if (!reserve())
        return {{}, "cannot look up " + host + ": earlier lookups are still not answered"};
    auto shared = std::make_shared<Lookup>();
    try {
        std::thread([shared, host, lookup = std::move(lookup)] {
            Resolution r;
            try {
                r = lookup(host);
            } catch (const std::exception&) {
                r.error = "cannot look up " + host;
            }
            {
                std::lock_guard lock(shared->mutex);
                shared->result = std::move(r);
                shared->done = true;
                shared->done_cv.notify_all();
            }
            --running;
        }).detach();
    } catch (const std::system_error&) {
        --running;
        return {{}, "cannot look up " + host + ": no thread to do it"};
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::unique_lock lock(shared->mutex);
    while (!shared->done) {
        const auto now = std::chrono::steady_clock::now();
        if (cancel && cancel->load()) return {{}, "cancelled", false};
        if (now >= deadline)
            return {{},
                    "looking up " + host + " took longer than " + std::to_string(timeout.count()) +
                        " ms",
                    true};
        // Short steps, so a cancel is seen soon even while the lookup hangs.
        shared->done_cv.wait_until(lock, std::min(deadline, now + std::chrono::milliseconds(50)));
    }
    return std::move(shared->result);
}

}  // namespace kiosk::feed
