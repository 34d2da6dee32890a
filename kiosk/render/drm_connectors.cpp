#include "kiosk/render/drm_connectors.hpp"

#include <algorithm>
#include <fstream>
#include <vector>

namespace kiosk::render::drm {

namespace {

std::string first_line(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    return line;
}

// Connector folders are named after their card: card1-HDMI-A-1, card0-DSI-1.
std::vector<std::filesystem::path> connectors(const std::filesystem::path& sysfs) {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(sysfs, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("card", 0) == 0 && name.find('-') != std::string::npos) out.push_back(entry);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

std::string connected_signature(const std::filesystem::path& sysfs) {
    std::string signature;
    for (const auto& connector : connectors(sysfs)) {
        if (first_line(connector / "status") != "connected") continue;
        if (!signature.empty()) signature += ' ';
        signature += connector.filename().string() + "=" + first_line(connector / "modes");
    }
    return signature;
}

bool any_connected(const std::filesystem::path& sysfs) {
    return !connected_signature(sysfs).empty();
}

bool has_cards(const std::filesystem::path& dev) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dev, ec))
        if (entry.path().filename().string().rfind("card", 0) == 0) return true;
    return false;
}

}  // namespace kiosk::render::drm
