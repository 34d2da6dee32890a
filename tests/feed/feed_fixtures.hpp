#pragma once
// The feed every feed test points at: the issue's example pointer, and the bundled content
// (72 states, as of 26 October 2025) that shows when the feed never answered.

#include <string>

#include "kiosk/model/counter_config.hpp"

namespace kiosk::test {

inline model::CounterFeedConfig feed_config(const std::string& url) {
    model::CounterFeedConfig c;
    c.url = url;
    c.pointer = "/result/signatories/total";
    c.interval_s = 30;
    c.timeout_s = 2;
    c.connect_timeout_s = 1;
    return c;
}

inline model::CounterContent bundled_content() {
    model::CounterContent c;
    c.value = 72;
    c.as_of = {2025, 10, 26};
    c.label = {"quốc gia đã ký", "states have signed"};
    return c;
}

inline std::string feed_body(const std::string& total) {
    return R"({"result": {"signatories": {"total": )" + total + "}}}";
}

}  // namespace kiosk::test
