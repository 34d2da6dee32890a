#pragma once
// A file named inside a folder by a relative path, as slides name their images and a fetched
// deck's manifest names its files: it must not climb out of the folder, whatever the text.

#include <algorithm>
#include <string_view>

namespace kiosk::model {

// True when every '/'-separated part of `name` is a real name: no leading '/', no empty part,
// no "." or "..". Characters and length are for the caller to limit.
inline bool stays_inside(std::string_view name) {
    if (name.empty() || name.front() == '/') return false;
    for (size_t at = 0; at <= name.size();) {
        const size_t end = std::min(name.find('/', at), name.size());
        const std::string_view part = name.substr(at, end - at);
        if (part.empty() || part == "." || part == "..") return false;
        at = end + 1;
    }
    return true;
}

}  // namespace kiosk::model
