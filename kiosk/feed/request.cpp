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

std::string resolve_url(const std::string& base, const std::string& relative) {
    CURLU* u = curl_url();
    if (!u) return "";
    std::string out;
    char* full = nullptr;
    if (curl_url_set(u, CURLUPART_URL, base.c_str(), 0) == CURLUE_OK &&
        curl_url_set(u, CURLUPART_URL, relative.c_str(), 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK)
        out = full;
    curl_free(full);
    curl_url_cleanup(u);
    return out;
}

}  // namespace kiosk::feed
