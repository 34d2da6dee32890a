#include "kiosk/feed/http_client.hpp"

#include <curl/curl.h>

#include <cctype>
#include <mutex>

namespace kiosk::feed {

namespace {

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
    const std::string line(data, size * count);
    // Each response of a redirect chain starts with a status line; only the last one's count.
    if (line.rfind("HTTP/", 0) == 0) {
        t.response->etag.clear();
        t.response->last_modified.clear();
    } else if (header_is(line, "etag")) {
        t.response->etag = trimmed(line.substr(5));
    } else if (header_is(line, "last-modified")) {
        t.response->last_modified = trimmed(line.substr(14));
    }
    return size * count;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto& t = *static_cast<Transfer*>(user);
    return t.cancel && t.cancel->load() ? 1 : 0;  // non-zero aborts the transfer
}

std::string size_text(std::uint64_t bytes) {
    return bytes % 1024 == 0 ? std::to_string(bytes / 1024) + " KiB"
                             : std::to_string(bytes) + " bytes";
}

}  // namespace

HttpClient::HttpClient() {
    init_curl_once();
    handle_ = curl_easy_init();
}

HttpClient::~HttpClient() {
    curl_easy_cleanup(static_cast<CURL*>(handle_));
}

HttpResponse HttpClient::get(const HttpRequest& request, const std::atomic<bool>* cancel) {
    HttpResponse response;
    CURL* curl = static_cast<CURL*>(handle_);
    if (!curl) {
        response.error = request.url + ": cannot start libcurl";
        return response;
    }
    curl_easy_reset(curl);  // keeps the open connection, forgets the last request's options
    Transfer transfer{&request, cancel, &response, false};
    char curl_error[CURL_ERROR_SIZE] = "";

    curl_slist* headers = curl_slist_append(nullptr, "Accept: application/json");
    for (const auto& [name, value] : request.headers)
        headers = curl_slist_append(headers, (name + ": " + value).c_str());
    if (!request.etag.empty())
        headers = curl_slist_append(headers, ("If-None-Match: " + request.etag).c_str());
    if (!request.last_modified.empty())
        headers =
            curl_slist_append(headers, ("If-Modified-Since: " + request.last_modified).c_str());

    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "kiosk/" KIOSK_VERSION);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM in a threaded program
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, kMaxRedirects);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(request.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.max_bytes));
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever compression curl decodes
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, request.verify_tls ? 1L : 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, request.verify_tls ? 2L : 0L);
    if (!request.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, request.ca_file.c_str());
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
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
    curl_slist_free_all(headers);

    const std::string where = request.url + ": ";
    if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED) {
        response.error =
            where + "answer larger than " + size_text(request.max_bytes) + " (counter.max_bytes)";
    } else if (code == CURLE_ABORTED_BY_CALLBACK) {
        response.error = where + "cancelled";
    } else if (code == CURLE_OPERATION_TIMEDOUT) {
        response.error =
            where + "no answer within " + std::to_string(request.timeout.count()) + " ms";
    } else if (code == CURLE_UNSUPPORTED_PROTOCOL) {
        response.error = where + "refused: only http and https are followed (" + curl_error + ")";
    } else if (code != CURLE_OK) {
        response.error = where + (curl_error[0] ? curl_error : curl_easy_strerror(code));
    } else if (response.status == 304) {
        response.ok = response.not_modified = true;
    } else if (response.status < 200 || response.status > 299) {
        response.error = where + "HTTP " + std::to_string(response.status);
    } else {
        response.ok = true;
    }
    if (!response.ok) response.body.clear();
    return response;
}

}  // namespace kiosk::feed
