#include "kiosk/app/paths.hpp"

#include "kiosk/model/config.hpp"

namespace kiosk::app {

namespace {

bool holds_data(const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::is_directory(dir / "fonts", ec) &&
           std::filesystem::is_directory(dir / "content", ec);
}

}  // namespace

Layout find_layout(const std::filesystem::path& exe) {
    Layout layout;
    const auto bin = exe.parent_path();
    const auto prefix = bin.parent_path();
    if (bin.filename() == "bin" && holds_data(prefix / "share/kiosk")) {
        // As GNUInstallDirs has it: PREFIX /usr keeps its settings in /etc and its state in
        // /var; any other prefix (/usr/local, a staging folder's usr) in PREFIX/etc, PREFIX/var.
        const auto root = prefix.filename() == "usr" ? prefix.parent_path() : prefix;
        layout.installed = true;
        layout.data_dir = prefix / "share/kiosk";
        layout.config_file = root / "etc/kiosk/kiosk.json";
        layout.content_dir = root / "etc/kiosk/content";
        layout.state_dir = root / "var/lib/kiosk";
        return layout;
    }
    // A build tree: the checkout above it (build/kiosk, build/tests/x/y), else the source folder
    // this program was built from.
    layout.data_dir = KIOSK_SOURCE_DIR;
    for (auto dir = bin; dir.has_relative_path(); dir = dir.parent_path())
        if (holds_data(dir)) {
            layout.data_dir = dir;
            break;
        }
    layout.config_file = layout.data_dir / "config/kiosk.json";
    layout.content_dir = layout.data_dir / "content";
    layout.state_dir = model::default_state_dir();
    return layout;
}

Layout find_layout() {
    std::error_code ec;
    return find_layout(std::filesystem::read_symlink("/proc/self/exe", ec));
}

}  // namespace kiosk::app
