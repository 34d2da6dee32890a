#include "support/http_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace kiosk::test {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string reason(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 301:
            return "Moved Permanently";
        case 302:
            return "Found";
        case 304:
            return "Not Modified";
        case 404:
            return "Not Found";
        case 500:
            return "Internal Server Error";
        default:
            return "Status";
    }
}

void send_all(int fd, const std::string& data) {
    size_t sent = 0;
    while (sent < data.size()) {
        const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return;  // the client gave up (a size cap, a timeout): fine for a test server
        sent += static_cast<size_t>(n);
    }
}

}  // namespace

HttpServer::HttpServer() {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (listen_fd_ < 0 ||
        ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listen_fd_, 16) != 0 ||
        ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0 ||
        ::pipe2(stop_pipe_, O_CLOEXEC) != 0)
        throw std::runtime_error("test HTTP server cannot listen on 127.0.0.1");
    port_ = ntohs(address.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
}

HttpServer::~HttpServer() {
    stop();
    ::close(stop_pipe_[0]);
    ::close(stop_pipe_[1]);
}

void HttpServer::set_route(const std::string& path, int status, std::string body, Headers headers) {
    std::lock_guard lock(mutex_);
    Route route;
    route.status = status;
    route.body = std::move(body);
    route.headers = std::move(headers);
    routes_[path] = std::move(route);
}

void HttpServer::set_unsized_route(const std::string& path, std::string body) {
    std::lock_guard lock(mutex_);
    Route route;
    route.body = std::move(body);
    route.sized = false;
    routes_[path] = std::move(route);
}

void HttpServer::set_silent(const std::string& path) {
    std::lock_guard lock(mutex_);
    Route route;
    route.status = 0;
    route.silent = true;
    routes_[path] = std::move(route);
}

void HttpServer::set_slow_route(const std::string& path, std::string body,
                                std::chrono::milliseconds per_kib) {
    std::lock_guard lock(mutex_);
    Route route;
    route.body = std::move(body);
    route.per_kib = per_kib;
    routes_[path] = std::move(route);
}

void HttpServer::set_sequence(const std::string& path, std::vector<std::string> bodies) {
    std::lock_guard lock(mutex_);
    Route route;
    route.sequence = std::move(bodies);
    routes_[path] = std::move(route);
}

std::string HttpServer::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::vector<HttpServer::Request> HttpServer::requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
}

int HttpServer::answered(int status) const {
    std::lock_guard lock(mutex_);
    const auto it = answered_.find(status);
    return it == answered_.end() ? 0 : it->second;
}

void HttpServer::stop() {
    if (stopping_.exchange(true)) return;
    const char byte = 0;
    if (::write(stop_pipe_[1], &byte, 1) != 1) {
        // The acceptor also polls with a timeout, so it still ends.
    }
    {
        // A silent route checks stopping_ under this lock before it waits: taking the lock here
        // means it either saw the flag or is already waiting, so the wake-up cannot be lost.
        std::lock_guard lock(mutex_);
    }
    stopped_.notify_all();
    if (acceptor_.joinable()) acceptor_.join();
    ::close(listen_fd_);
    std::vector<std::thread> connections;
    {
        std::lock_guard lock(mutex_);
        connections.swap(connections_);
    }
    for (auto& t : connections) t.join();
}

void HttpServer::accept_loop() {
    while (!stopping_) {
        pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
        if (::poll(fds, 2, 1000) <= 0 || fds[1].revents) continue;
        const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        std::lock_guard lock(mutex_);
        connections_.emplace_back([this, fd] {
            serve(fd);
            ::close(fd);
        });
    }
}

void HttpServer::serve(int fd) {
    std::string text;
    char buffer[4096];
    while (text.find("\r\n\r\n") == std::string::npos) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 5000) <= 0) return;
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) return;
        text.append(buffer, static_cast<size_t>(n));
    }
    Request request;
    const size_t line_end = text.find("\r\n");
    const std::string first = text.substr(0, line_end);
    const size_t space = first.find(' ');
    request.path = first.substr(space + 1, first.find(' ', space + 1) - space - 1);
    for (size_t at = line_end + 2; at < text.size();) {
        const size_t end = text.find("\r\n", at);
        const std::string line = text.substr(at, end - at);
        if (line.empty()) break;
        const size_t colon = line.find(':');
        if (colon != std::string::npos) {
            const size_t value = line.find_first_not_of(' ', colon + 1);
            request.headers[lower(line.substr(0, colon))] =
                value == std::string::npos ? "" : line.substr(value);
        }
        at = end + 2;
    }

    std::unique_lock lock(mutex_);
    requests_.push_back(request);
    const auto it = routes_.find(request.path.substr(0, request.path.find('?')));
    Route route;
    if (it != routes_.end()) {
        route = it->second;
    } else {
        route.status = 404;
        route.body = R"({"error": "no such route"})";
    }
    if (it != routes_.end() && !route.sequence.empty()) {
        route.body = route.sequence[std::min(it->second.next, route.sequence.size() - 1)];
        ++it->second.next;
    }
    if (route.silent) {
        stopped_.wait(lock, [this] { return stopping_.load(); });
        return;
    }
    for (const auto& [name, value] : route.headers) {
        const auto match = request.headers.find("if-none-match");
        if (lower(name) == "etag" && match != request.headers.end() && match->second == value) {
            route.status = 304;
            route.body.clear();
        }
    }
    ++answered_[route.status];
    lock.unlock();

    std::string answer =
        "HTTP/1.1 " + std::to_string(route.status) + " " + reason(route.status) + "\r\n";
    answer += "Content-Type: application/json\r\nConnection: close\r\n";
    if (route.status != 304 && route.sized)
        answer += "Content-Length: " + std::to_string(route.body.size()) + "\r\n";
    for (const auto& [name, value] : route.headers) answer += name + ": " + value + "\r\n";
    answer += "\r\n";
    send_all(fd, answer);
    if (route.status == 304) return;
    if (route.per_kib.count() == 0) {
        send_all(fd, route.body);
        return;
    }
    for (size_t at = 0; at < route.body.size() && !stopping_; at += 1024) {
        send_all(fd, route.body.substr(at, 1024));
        std::this_thread::sleep_for(route.per_kib);
    }
}

}  // namespace kiosk::test
