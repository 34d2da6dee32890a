#pragma once
// The faces a slide uses, loaded once at start; a missing file is a start-up error.

#include <filesystem>
#include <memory>
#include <string>

#include "kiosk/text/font.hpp"

namespace kiosk::text {

struct FontSet {
    std::unique_ptr<Font> regular;
    std::unique_ptr<Font> bold;
    std::unique_ptr<Font> italic;
};

// Throws std::runtime_error naming the file that cannot be opened.
FontSet load_fonts(const std::filesystem::path& dir, const std::string& regular,
                   const std::string& bold, const std::string& italic);

}  // namespace kiosk::text
