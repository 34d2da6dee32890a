#include "kiosk/feed/http_client.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <optional>

#include "kiosk/feed/url_text.hpp"

namespace kiosk::feed {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// curl_global_init is not thread-safe on every build; do it once, before the first handle.
void init_curl_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
    const HttpRequest* request = nullptr;
    const std::atomic<bool>* cancel = nullptr;
    HttpResponse* response = nullptr;
    bool too_large = false;
    size_t header_bytes = 0;
    bool headers_too_large = false;
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const size_t n = size * count;
    if (t.response->body.size() + n > t.request->max_bytes) {
        t.too_large = true;
        return 0;  // stops the transfer: curl reports a write error
    }
    t.response->body.append(data, n);
    return n;
}

std::string trimmed(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    size_t first = 0;
    while (first < s.size() && std::isspace(static_cast<unsigned char>(s[first]))) ++first;
    return s.substr(first);
}

bool header_is(const std::string& line, const char* name) {
    size_t i = 0;
    for (; name[i]; ++i)
        if (i >= line.size() || std::tolower(static_cast<unsigned char>(line[i])) != name[i])
            return false;
    return i < line.size() && line[i] == ':';
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const size_t n = size * count;
    t.header_bytes += n;
    if (t.header_bytes > HttpClient::kMaxHeaderBytes) {
        t.headers_too_large = true;
        return 0;
    }
    const std::string line(data, n);
    if (line.rfind("HTTP/", 0) == 0) {
        t.response->etag.clear();
        t.response->last_modified.clear();
    } else if (header_is(line, "etag")) {
        t.response->etag = trimmed(line.substr(5)).substr(0, 512);
    } else if (header_is(line, "last-modified")) {
        t.response->last_modified = trimmed(line.substr(14)).substr(0, 128);
    }
    return n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto& t = *static_cast<Transfer*>(user);
    return t.cancel && t.cancel->load() ? 1 : 0;  // non-zero aborts the transfer
}

std::string size_text(std::uint64_t bytes) {
    return bytes % 1024 == 0 ? std::to_string(bytes / 1024) + " KiB"
                             : std::to_string(bytes) + " bytes";
}

// Scheme, host and port of a URL: what "the same origin" compares.
struct Origin {
    std::string scheme, host, port;
    friend bool operator==(const Origin&, const Origin&) = default;
};

std::optional<Origin> origin_of(const std::string& url) {
    CURLU* u = curl_url();
    if (!u) return std::nullopt;
    std::optional<Origin> out;
    if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
        char *scheme = nullptr, *host = nullptr, *port = nullptr;
        if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
            curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
            curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
            Origin o{scheme, host, port};
            std::transform(o.host.begin(), o.host.end(), o.host.begin(),
                           [](unsigned char c) { return std::tolower(c); });
            out = o;
        }
        curl_free(scheme);
        curl_free(host);
        curl_free(port);
    }
    curl_url_cleanup(u);
    return out;
}

bool has_web_scheme(const std::string& url) {
    const auto starts = [&](const char* prefix) {
        for (size_t i = 0; prefix[i]; ++i)
            if (i >= url.size() || std::tolower(static_cast<unsigned char>(url[i])) != prefix[i])
                return false;
        return true;
    };
    return starts("http://") || starts("https://");
}

bool is_ip_literal(const std::string& host) {
    unsigned char buffer[sizeof(in6_addr)];
    return host.front() == '[' || inet_pton(AF_INET, host.c_str(), buffer) == 1;
}

milliseconds remaining(Clock::time_point deadline) {
    return std::max(milliseconds(1),
                    std::chrono::duration_cast<milliseconds>(deadline - Clock::now()));
}

}  // namespace

HttpClient::HttpClient(Resolver resolver) : resolver_(std::move(resolver)) {
    init_curl_once();
    handle_ = curl_easy_init();
}

HttpClient::~HttpClient() {
    curl_easy_cleanup(static_cast<CURL*>(handle_));
}

HttpResponse HttpClient::get(const HttpRequest& request, const std::atomic<bool>* cancel) {
    HttpResponse response;
    CURL* curl = static_cast<CURL*>(handle_);
    const std::string first_where = redacted_url(request.url) + ": ";
    // The status stays (a 404 tells a missing file from a broken server); the rest goes.
    const auto fail = [&](const std::string& where, const std::string& what) {
        const long status = response.status;
        response = HttpResponse{};
        response.status = status;
        response.error = where + what;
        return response;
    };
    if (!curl) return fail(first_where, "cannot start libcurl");
    const auto home = origin_of(request.url);
    if (!home) return fail(first_where, "not a URL curl can read");

    const auto deadline = Clock::now() + request.timeout;
    std::string url = request.url;
    for (int hop = 0;; ++hop) {
        const std::string where = redacted_url(url) + ": ";
        if (!has_web_scheme(url)) return fail(where, "refused: only http and https are followed");
        const auto origin = origin_of(url);
        if (!origin) return fail(where, "not a URL curl can read");
        // Secrets and validators belong to the configured origin alone: a redirect elsewhere,
        // or from https to plain http, gets neither.
        const bool home_origin = *origin == *home;

        curl_slist* resolve = nullptr;
        if (!is_ip_literal(origin->host)) {
            const Resolution r = resolver_(origin->host, remaining(deadline), cancel);
            if (cancel && cancel->load()) return fail(where, "cancelled");
            if (r.timed_out)  // named by the request's own deadline, the one a person set
                return fail(where, "looking up " + origin->host + " took longer than " +
                                       std::to_string(request.timeout.count()) + " ms");
            if (r.addresses.empty()) return fail(where, r.error);
            std::string entry = origin->host + ":" + origin->port + ":";
            for (size_t i = 0; i < r.addresses.size() && i < 8; ++i)
                entry += (i ? "," : "") + r.addresses[i];
            resolve = curl_slist_append(resolve, ("-" + origin->host + ":" + origin->port).c_str());
            resolve = curl_slist_append(resolve, entry.c_str());
        }

        curl_easy_reset(curl);  // keeps the open connection, forgets the last request's options
        response = HttpResponse{};
        Transfer transfer{&request, cancel, &response};
        char curl_error[CURL_ERROR_SIZE] = "";
        curl_slist* headers = curl_slist_append(nullptr, ("Accept: " + request.accept).c_str());
        if (home_origin) {
            for (const auto& [name, value] : request.headers)
                headers = curl_slist_append(headers, (name + ": " + value).c_str());
            if (!request.etag.empty())
                headers = curl_slist_append(headers, ("If-None-Match: " + request.etag).c_str());
            if (!request.last_modified.empty())
                headers = curl_slist_append(
                    headers, ("If-Modified-Since: " + request.last_modified).c_str());
        }
        const milliseconds left = remaining(deadline);
        curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(curl, CURLOPT_RESOLVE, resolve);
        curl_easy_setopt(curl, CURLOPT_USERAGENT, "kiosk/" KIOSK_VERSION);
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM in a threaded program
        curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);  // followed below, hop by hop
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                         static_cast<long>(std::min(left, request.connect_timeout).count()));
        curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(left.count()));
        curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE,
                         static_cast<curl_off_t>(request.max_bytes));
        curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever compression curl decodes
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, request.verify_tls ? 1L : 0L);
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, request.verify_tls ? 2L : 0L);
        if (!request.ca_file.empty())
            curl_easy_setopt(curl, CURLOPT_CAINFO, request.ca_file.c_str());
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
        curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
        curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
        curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
        curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, curl_error);

        const CURLcode code = curl_easy_perform(curl);
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
        curl_off_t connected_us = 0;
        curl_easy_getinfo(curl, CURLINFO_CONNECT_TIME_T, &connected_us);
        char* location = nullptr;
        curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &location);
        const std::string next = location ? location : "";
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
        curl_easy_setopt(curl, CURLOPT_RESOLVE, nullptr);
        curl_slist_free_all(headers);
        curl_slist_free_all(resolve);

        const std::string timeout_ms = std::to_string(request.timeout.count()) + " ms";
        if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED)
            return fail(where, "answer larger than " + size_text(request.max_bytes) + " (" +
                                   request.max_bytes_setting + ")");
        if (transfer.headers_too_large)
            return fail(where, "answer headers larger than " + size_text(kMaxHeaderBytes));
        if (code == CURLE_ABORTED_BY_CALLBACK) return fail(where, "cancelled");
        if (code == CURLE_OPERATION_TIMEDOUT)
            return fail(where, connected_us > 0 ? "no complete answer within " + timeout_ms
                                                : "could not connect within " + timeout_ms);
        if (code == CURLE_OUT_OF_MEMORY)  // curl's own cap on one header line (100 KiB)
            return fail(where, "an answer header line longer than curl accepts");
        if (code == CURLE_COULDNT_CONNECT)
            return fail(where, std::string("cannot connect (") +
                                   (curl_error[0] ? curl_error : "refused") + ")");
        if (code != CURLE_OK)
            return fail(where, curl_error[0] ? curl_error : curl_easy_strerror(code));
        if (response.status >= 300 && response.status < 400 && response.status != 304) {
            if (next.empty())
                return fail(where, "HTTP " + std::to_string(response.status) +
                                       " without a Location to follow");
            if (hop >= kMaxRedirects)
                return fail(first_where,
                            "more than " + std::to_string(kMaxRedirects) + " redirects");
            url = next;
            continue;
        }
        response.final_url = url;
        if (response.status == 304) {
            response.ok = response.not_modified = true;
        } else if (response.status < 200 || response.status > 299) {
            return fail(where, "HTTP " + std::to_string(response.status));
        } else {
            response.ok = true;
        }
        return response;
    }
}

}  // namespace kiosk::feed
