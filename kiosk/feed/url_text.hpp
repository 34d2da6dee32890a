#pragma once
// URLs as they may be shown or stored: a feed's URL can carry secrets (user:password@, an
// ?api_key=), so what reaches a log line, a cache file or status.json is the URL without its
// userinfo and with every query value hidden, and files identify a feed by a fingerprint.

#include <string>

namespace kiosk::feed {

// "https://user:pw@host/p?key=abc&x=1#f" → "https://host/p?key=…&x=…", escaped for a log line.
std::string redacted_url(const std::string& url);

// A stable 64-bit fingerprint (FNV-1a, in hex) of a URL and a JSON pointer: tells whether a
// stored file came from the same feed without storing the URL's secrets.
std::string feed_fingerprint(const std::string& url, const std::string& pointer);

}  // namespace kiosk::feed
