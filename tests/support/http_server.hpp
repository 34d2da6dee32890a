#pragma once
// A real HTTP/1.1 server on 127.0.0.1 for tests and the benchmark: routes with fixed answers,
// ETag handling (If-None-Match gives 304), a route that accepts and never answers, and a log of
// what was asked. Each connection is answered once and closed.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace kiosk::test {

class HttpServer {
  public:
    using Headers = std::vector<std::pair<std::string, std::string>>;

    struct Request {
        std::string path;
        std::map<std::string, std::string> headers;  // names in lower case
    };

    HttpServer();  // listening on an ephemeral port once constructed
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Answers GET `path` with this status, body and headers. An "ETag" header makes a request
    // whose If-None-Match matches it get a bodiless 304.
    void set_route(const std::string& path, int status, std::string body, Headers headers = {});
    // As set_route with status 200, but with no Content-Length: the body ends when the
    // connection closes, so the client only learns its size by reading it.
    void set_unsized_route(const std::string& path, std::string body);
    // Accepts GET `path`, reads the request, and says nothing until the server stops.
    void set_silent(const std::string& path);
    // As set_route with status 200, but the body trickles out a KiB at a time with a pause
    // after each: a slow network, for what happens while a download is under way.
    void set_slow_route(const std::string& path, std::string body,
                        std::chrono::milliseconds per_kib);
    // Answers GET `path` with these bodies in turn (status 200), the last one from then on.
    void set_sequence(const std::string& path, std::vector<std::string> bodies);

    std::string url(const std::string& path) const;
    int port() const { return port_; }
    std::vector<Request> requests() const;
    int answered(int status) const;  // how many answers had this status

    // Stops listening and closes every connection: afterwards the port refuses.
    void stop();

  private:
    struct Route {
        int status = 200;
        std::string body;
        Headers headers;
        bool silent = false;
        bool sized = true;
        std::vector<std::string> sequence;  // bodies in turn, when set
        size_t next = 0;
        std::chrono::milliseconds per_kib{0};  // a slow route
    };
    void accept_loop();
    void serve(int fd);

    int listen_fd_ = -1;
    int port_ = 0;
    int stop_pipe_[2] = {-1, -1};
    std::atomic<bool> stopping_{false};
    std::thread acceptor_;
    mutable std::mutex mutex_;
    std::condition_variable stopped_;
    std::map<std::string, Route> routes_;
    std::vector<Request> requests_;
    std::map<int, int> answered_;
    std::vector<std::thread> connections_;
};

}  // namespace kiosk::test
