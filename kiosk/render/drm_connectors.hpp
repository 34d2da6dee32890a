#pragma once
// What the kernel says about the screens plugged into the DRM devices (/sys/class/drm), read
// without opening any device: whether a monitor is connected at all, and a signature of what
// is connected (connector, status, modes) that changes when a TV is unplugged, switched, or
// comes back with another mode. SDL 2.26's KMS/DRM driver notices none of this by itself.

#include <filesystem>
#include <string>

namespace kiosk::render::drm {

bool any_connected(const std::filesystem::path& sysfs = "/sys/class/drm");
// Connected connectors and their preferred modes, e.g. "card1-HDMI-A-1=1920x1080".
std::string connected_signature(const std::filesystem::path& sysfs = "/sys/class/drm");
// Whether the machine has a DRM display device at all (card0, card1…).
bool has_cards(const std::filesystem::path& dev = "/dev/dri");

}  // namespace kiosk::render::drm
