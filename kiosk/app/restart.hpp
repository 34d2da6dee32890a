#pragma once
// Starting the kiosk afresh in its own process (exec), for the one failure nothing else can
// mend: an X server that went away leaves Xlib a dead connection that SDL can neither use nor
// close (closing it waits forever for an answer). The process keeps its id, so systemd sees it
// running on; its files are closed on exec, so the state folder's lock passes to the new image,
// which resumes at the slide that was showing and waits for a display.

#include <string>

namespace kiosk::app {

// Kept from main() so the program can be started again exactly as it was.
void remember_arguments(int argc, char** argv);

// The slide a fresh start should resume at, and the size of the screen it showed on (so the
// picture keeps its size while it waits for the display); kept up to date by the main loop.
void set_resume_slide(const std::string& slide);
void set_resume_size(int width, int height);

// Replaces this process with a fresh start of the same program, resuming at the slide last set.
// Returns only when that cannot be done. Safe to call from any thread, and from inside Xlib's
// error handler: it says one line, then execs.
void restart_in_place();

// What to resume with, when this process is such a fresh start (read once; empty or zero
// otherwise).
std::string take_resume_slide();
struct ResumeSize {
    int width = 0, height = 0;
};
ResumeSize take_resume_size();

}  // namespace kiosk::app
