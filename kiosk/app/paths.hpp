#pragma once
// Where the kiosk finds its files, so that every mode (the service, --check, --screenshot,
// --status) reads the same ones without being told.
//
// Installed (the program in PREFIX/bin beside PREFIX/share/kiosk): the settings are
// /etc/kiosk/kiosk.json, the operator's slides and counter /etc/kiosk/content/, the vendor's
// fonts and defaults /usr/share/kiosk/, and the state /var/lib/kiosk. Run from a build tree:
// the checkout's config/, content/ and fonts/, and the state in ~/.local/state/kiosk.

#include <filesystem>

namespace kiosk::app {

struct Layout {
    bool installed = false;
    std::filesystem::path data_dir;  // fonts/, and the vendor's content/ and config/
    std::filesystem::path config_file;
    std::filesystem::path content_dir;
    std::filesystem::path state_dir;  // unless the config or --state-dir names another
};

// The layout for a program at `exe` (normally /proc/self/exe).
Layout find_layout(const std::filesystem::path& exe);
Layout find_layout();

}  // namespace kiosk::app
