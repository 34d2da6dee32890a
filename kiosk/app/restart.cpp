#include "kiosk/app/restart.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>

#include <cstdio>
#include <cstdlib>
#include <vector>

namespace kiosk::app {

namespace {

constexpr const char* kResume = "KIOSK_RESUME_SLIDE";
std::vector<char*> arguments;
// Written by the main thread, read by whichever thread the X server's death reaches first: a
// torn read can only give an unknown id, and the fresh start then begins at the first slide.
char resume[128] = "";
char resume_size[32] = "";
constexpr const char* kResumeSize = "KIOSK_RESUME_SIZE";

}  // namespace

void remember_arguments(int argc, char** argv) {
    arguments.assign(argv, argv + argc);
    arguments.push_back(nullptr);
}

void set_resume_slide(const std::string& slide) {
    std::snprintf(resume, sizeof resume, "%s", slide.c_str());
}

void set_resume_size(int width, int height) {
    std::snprintf(resume_size, sizeof resume_size, "%dx%d", width, height);
}

void restart_in_place() {
    if (arguments.empty()) return;
    static const char kLine[] =
        "kiosk: display lost (the X server went away); starting afresh to wait for it\n";
    (void)!write(STDERR_FILENO, kLine, sizeof kLine - 1);
    setenv(kResume, resume, 1);
    setenv(kResumeSize, resume_size, 1);
    // Not every library opens its files close-on-exec (libxcb's X connections do not): without
    // this each fresh start would inherit the last one's sockets. The fresh start needs none.
    const long limit = std::min(sysconf(_SC_OPEN_MAX), 65536L);
    for (int fd = 3; fd < limit; ++fd) fcntl(fd, F_SETFD, FD_CLOEXEC);
    execv("/proc/self/exe", arguments.data());
    unsetenv(kResume);
    unsetenv(kResumeSize);
}

std::string take_resume_slide() {
    const char* slide = std::getenv(kResume);
    const std::string out = slide ? slide : "";
    unsetenv(kResume);
    return out;
}

ResumeSize take_resume_size() {
    ResumeSize size;
    if (const char* text = std::getenv(kResumeSize))
        if (std::sscanf(text, "%dx%d", &size.width, &size.height) != 2 || size.width < 64 ||
            size.height < 64 || size.width > 16384 || size.height > 16384)
            size = {};
    unsetenv(kResumeSize);
    return size;
}

}  // namespace kiosk::app
