#include "kiosk/feed/request.hpp"

#include <curl/curl.h>

namespace kiosk::feed {

HttpRequest request_for(const model::FetchSettings& settings, const std::string& url,
                        const std::string& max_bytes_setting) {
    const auto ms = [](double seconds) {
        return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
    };
    HttpRequest request;
    request.url = url;
    request.headers = settings.headers;
    request.connect_timeout = ms(settings.connect_timeout_s);
    request.timeout = ms(settings.timeout_s);
    request.max_bytes = settings.max_bytes;
    request.max_bytes_setting = max_bytes_setting;
    request.ca_file = settings.ca_file;
    request.verify_tls = settings.verify_tls;
    return request;
}

namespace {

// A part of the URL `u` holds, "" when it has none.
std::string part(CURLU* u, CURLUPart what) {
    char* value = nullptr;
    std::string out;
    if (curl_url_get(u, what, &value, 0) == CURLUE_OK) out = value;
    curl_free(value);
    return out;
}

// Where a URL's requests go, and as whom.
std::string origin(CURLU* u) {
    return part(u, CURLUPART_SCHEME) + "\n" + part(u, CURLUPART_USER) + "\n" +
           part(u, CURLUPART_PASSWORD) + "\n" + part(u, CURLUPART_HOST) + "\n" +
           part(u, CURLUPART_PORT);
}

}  // namespace

std::string resolve_url(const std::string& base, const std::string& relative) {
    CURLU* u = curl_url();
    if (!u) return "";
    std::string out;
    char* full = nullptr;
    if (curl_url_set(u, CURLUPART_URL, base.c_str(), 0) == CURLUE_OK) {
        const std::string scheme = part(u, CURLUPART_SCHEME);
        const std::string from = origin(u);
        if ((scheme == "http" || scheme == "https") &&
            curl_url_set(u, CURLUPART_URL, relative.c_str(), 0) == CURLUE_OK && origin(u) == from &&
            curl_url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK)
            out = full;
    }
    curl_free(full);
    curl_url_cleanup(u);
    return out;
}

}  // namespace kiosk::feed
