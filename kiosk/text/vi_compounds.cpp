#include "kiosk/text/vi_compounds.hpp"

#include <sstream>
#include <string>
#include <unordered_set>

namespace kiosk::text {

// The text of vi_compounds.txt, compiled in by CMake (vi_compounds_data.cpp.in).
extern const char* const kVietnameseCompounds;

namespace {

const std::unordered_set<std::string>& compounds() {
    static const std::unordered_set<std::string> words = [] {
        std::unordered_set<std::string> out;
        std::istringstream lines(kVietnameseCompounds);
        for (std::string line; std::getline(lines, line);) {
            if (line.empty() || line[0] == '#') continue;
            std::istringstream fields(line);
            std::string first, second;
            if (fields >> first >> second) out.insert(first + ' ' + second);
        }
        return out;
    }();
    return words;
}

}  // namespace

bool is_vietnamese_compound(std::string_view first, std::string_view second) {
    std::string key;
    key.reserve(first.size() + second.size() + 1);
    key.append(first).append(1, ' ').append(second);
    return compounds().contains(key);
}

}  // namespace kiosk::text
