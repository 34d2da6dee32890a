#pragma once
// One HTTP GET of a bounded answer, with the limits an unattended screen needs: http and https
// only (also on redirects), one deadline for the whole exchange (name lookups and redirects
// included), a size cap, verified TLS, and conditional requests so an unchanged answer costs a
// 304. Configured headers (a token, say) go only to the configured origin: a redirect to
// another host, or from https down to http, never carries them. One client keeps its
// connection open between requests.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>

#include "kiosk/feed/resolver.hpp"

namespace kiosk::feed {

struct HttpRequest {
    std::string url;
    std::map<std::string, std::string> headers;  // sent to the URL's origin only
    std::chrono::milliseconds connect_timeout{3000};
    std::chrono::milliseconds timeout{5000};  // the whole exchange
    std::uint64_t max_bytes = 1 << 20;
    std::string max_bytes_setting = "counter.max_bytes";  // named when an answer is too large
    std::string ca_file;                                  // empty: the system's CA bundle
    bool verify_tls = true;
    std::string accept = "application/json";
    // Validators from the last good answer; when set, an unchanged resource answers 304.
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
    std::string final_url;  // where the answer came from, after redirects
    std::string error;      // one line naming the (redacted) URL and what went wrong, when !ok
};

class HttpClient {
  public:
    explicit HttpClient(Resolver resolver = system_resolve);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // Returns by the request's timeout (a little after, at most), or soon after `cancel` is set.
    HttpResponse get(const HttpRequest& request, const std::atomic<bool>* cancel = nullptr);

    static constexpr int kMaxRedirects = 3;
    static constexpr size_t kMaxHeaderBytes = 64 * 1024;

  private:
    void* handle_;  // CURL*, kept out of the header so users need not include curl
    Resolver resolver_;
};

}  // namespace kiosk::feed
