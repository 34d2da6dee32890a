#include "kiosk/app/state_writer.hpp"

#include "kiosk/app/log.hpp"
#include "kiosk/render/screen.hpp"
#include "kiosk/state/state_dir.hpp"

namespace kiosk::app {

StateWriter::StateWriter(std::filesystem::path dir) : dir_(std::move(dir)) {
    if (!dir_.empty()) thread_ = std::thread([this] { run(); });
}

StateWriter::~StateWriter() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void StateWriter::post(const std::string& name, Job job) {
    if (dir_.empty()) return;
    {
        std::lock_guard lock(mutex_);
        pending_[name] = std::move(job);
    }
    wake_.notify_all();
}

void StateWriter::write(const std::string& name, std::string data) {
    post(name, Job{std::move(data), {}, 0, 0});
}

void StateWriter::write_png(const std::string& name, std::vector<Uint32> pixels, int width,
                            int height) {
    post(name, Job{{}, std::move(pixels), width, height});
}

void StateWriter::flush() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return dir_.empty() || (pending_.empty() && !busy_); });
}

void StateWriter::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
        if (pending_.empty() && stopping_) return;
        auto node = pending_.extract(pending_.begin());
        busy_ = true;
        lock.unlock();
        std::string error;
        Job& job = node.mapped();
        bool ok = false;
        if (job.width > 0) {
            const auto png =
                render::encode_png(std::move(job.pixels), job.width, job.height, &error);
            ok = png && state::write_file_atomically(dir_, node.key(), *png, false, &error);
        } else {
            ok = state::write_file_atomically(dir_, node.key(), job.data, false, &error);
        }
        lock.lock();
        busy_ = false;
        if (ok) {
            last_error_.clear();
        } else if (error != last_error_) {
            say(error);  // once, until it heals or changes
            last_error_ = error;
        }
        if (pending_.empty()) idle_.notify_all();
    }
}

}  // namespace kiosk::app
