#pragma once
// Name lookups bounded by a deadline. libcurl 7.88 waits for its resolver thread to finish
// before it returns, so a hung DNS server holds a request far past its timeout. Here the
// lookup runs on a thread of its own that nobody waits for: past the deadline the caller goes
// on with an error and the thread ends whenever the system resolver gives up. At most
// kMaxLookups lookup threads exist at once, hung ones included; past that, lookups fail at once.

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace kiosk::feed {

struct Resolution {
    std::vector<std::string> addresses;  // numeric, IPv6 ones in brackets: "[::1]", "127.0.0.1"
    std::string error;                   // set when there are no addresses
    bool timed_out = false;              // the deadline passed before the resolver answered
};

// Looks up `host` for TCP, returning by `timeout` or soon after `cancel` is set.
using Resolver = std::function<Resolution(
    const std::string& host, std::chrono::milliseconds timeout, const std::atomic<bool>* cancel)>;

// The system's resolver (getaddrinfo), with the deadline above.
Resolution system_resolve(const std::string& host, std::chrono::milliseconds timeout,
                          const std::atomic<bool>* cancel);

// The deadline itself, around any blocking `lookup` (system_resolve passes getaddrinfo's).
Resolution resolve_with_deadline(const std::string& host, std::chrono::milliseconds timeout,
                                 const std::atomic<bool>* cancel,
                                 std::function<Resolution(const std::string&)> lookup);

// Lookup threads that have not ended yet.
int lookups_running();

inline constexpr int kMaxLookups = 4;

}  // namespace kiosk::feed
