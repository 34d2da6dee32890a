#pragma once
// An HTTP request as the settings of a fetched URL ask for it: its timeouts, size cap, headers
// and TLS choices; `url` may be the settings' own URL or one beside it (an image).

#include <string>

#include "kiosk/feed/http_client.hpp"
#include "kiosk/model/counter_config.hpp"

namespace kiosk::feed {

// `max_bytes_setting` is the setting named when an answer is too large ("counter.max_bytes").
HttpRequest request_for(const model::FetchSettings& settings, const std::string& url,
                        const std::string& max_bytes_setting);

// `relative` resolved against `base` as a browser would ("hall.jpg" beside ".../slides.json");
// empty when it cannot be, when `base` is not http or https, or when the result would leave the
// base's origin: its scheme, userinfo, host and port. A name from a deck only ever changes the
// path, query and fragment, since the request for it carries the base's settings and headers.
std::string resolve_url(const std::string& base, const std::string& relative);

}  // namespace kiosk::feed
