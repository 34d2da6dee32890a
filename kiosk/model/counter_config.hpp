#pragma once
// What the operator configured for the live counter (config/kiosk.json, "counter") and what the
// bundled content says when no feed has ever answered (content/counter.json). Plain data: the
// model validates it, the feed and the scene read it.

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace kiosk::model {

// How one URL is fetched, on a schedule, with limits: what the counter's feed and the remote
// content have in common.
struct FetchSettings {
    std::string url;  // empty: nothing is fetched
    double interval_s = 30;
    double timeout_s = 5;                        // the whole request: lookup, connect, redirects
    double connect_timeout_s = 3;                // clipped to timeout_s
    double max_backoff_s = 300;                  // failures back off exponentially up to this
    std::uint64_t max_bytes = 1 << 20;           // answers larger than this are errors
    std::map<std::string, std::string> headers;  // e.g. {"Authorization": "Bearer …"}
    std::string ca_file;                         // extra CA bundle; empty: the system's
    bool verify_tls = true;  // only for a test server with a self-signed certificate

    friend bool operator==(const FetchSettings&, const FetchSettings&) = default;
};

struct CounterFeedConfig : FetchSettings {
    std::string pointer;          // RFC 6901 JSON Pointer into the answer; "" is the whole answer
    bool allow_decrease = false;  // a lower value is shown at once, not when repeated

    friend bool operator==(const CounterFeedConfig&, const CounterFeedConfig&) = default;
};

struct LocalizedText {
    std::string vi;
    std::string en;

    friend bool operator==(const LocalizedText&, const LocalizedText&) = default;
};

struct CivilDate {
    int year = 1970, month = 1, day = 1;

    friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

struct CounterContent {
    std::uint64_t value = 0;
    CivilDate as_of;
    LocalizedText label;  // "states have signed"
    struct Target {
        std::uint64_t value = 0;
        LocalizedText label;  // "ratifications bring it into force"

        friend bool operator==(const Target&, const Target&) = default;
    };
    std::optional<Target> target;

    friend bool operator==(const CounterContent&, const CounterContent&) = default;
};

}  // namespace kiosk::model
