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

// Replaces this process with a fresh start of the same program, resuming at `slide`. Returns
// only when that cannot be done.
void restart_in_place(const std::string& slide);

// The slide to resume at, when this process is such a fresh start (read once).
std::string take_resume_slide();

}  // namespace kiosk::app
