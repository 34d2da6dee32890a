#pragma once
// One HTTP GET of a small JSON answer, with the limits an unattended screen needs: http and https
// only (also on redirects), bounded time, bounded size, verified TLS, and conditional requests so
// an unchanged feed costs a 304. One client keeps its connection open between polls.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>

namespace kiosk::feed {

struct HttpRequest {
    std::string url;
    std::map<std::string, std::string> headers;
    std::chrono::milliseconds connect_timeout{3000};
    std::chrono::milliseconds timeout{5000};  // the whole exchange
    std::uint64_t max_bytes = 1 << 20;
    std::string ca_file;  // empty: the system's CA bundle
    bool verify_tls = true;
    // Validators from the last good answer; when set, an unchanged feed answers 304.
    std::string etag;
    std::string last_modified;
};

struct HttpResponse {
    bool ok = false;            // a 2xx answer read in full, or a 304
    bool not_modified = false;  // 304: the last answer still holds
    long status = 0;
    std::string body;
    std::string etag;
    std::string last_modified;
    std::string error;  // one line naming the URL and what went wrong, when !ok
};

class HttpClient {
  public:
    HttpClient();
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // Blocks for at most the request's timeout; returns early (an error) once `cancel` is set.
    HttpResponse get(const HttpRequest& request, const std::atomic<bool>* cancel = nullptr);

    static constexpr long kMaxRedirects = 3;

  private:
    void* handle_;  // CURL*, kept out of the header so users need not include curl
};

}  // namespace kiosk::feed
