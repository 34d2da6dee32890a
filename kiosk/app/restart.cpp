#include "kiosk/app/restart.hpp"

#include <unistd.h>

#include <cstdlib>
#include <vector>

namespace kiosk::app {

namespace {

constexpr const char* kResume = "KIOSK_RESUME_SLIDE";
std::vector<char*> arguments;

}  // namespace

void remember_arguments(int argc, char** argv) {
    arguments.assign(argv, argv + argc);
    arguments.push_back(nullptr);
}

void restart_in_place(const std::string& slide) {
    if (arguments.empty()) return;
    setenv(kResume, slide.c_str(), 1);
    execv("/proc/self/exe", arguments.data());
    unsetenv(kResume);
}

std::string take_resume_slide() {
    const char* slide = std::getenv(kResume);
    const std::string out = slide ? slide : "";
    unsetenv(kResume);
    return out;
}

}  // namespace kiosk::app
