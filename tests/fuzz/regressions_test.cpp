// Replays every input kept in tests/fuzz/regressions/<target>/ through that fuzz target's own
// entry point, compiled here without libFuzzer, so the normal sanitizer build catches an input
// that once crashed or broke an invariant the moment it would again.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/fuzz_support.hpp"

#define KIOSK_FUZZ_TARGET(name) \
    extern "C" int kiosk_fuzz_##name(const std::uint8_t* data, std::size_t size);
#include "fuzz_targets.inc"
#undef KIOSK_FUZZ_TARGET

namespace {

struct Target {
    const char* name;
    int (*run)(const std::uint8_t*, std::size_t);
};

#define KIOSK_FUZZ_TARGET(name) {#name, kiosk_fuzz_##name},
const Target kTargets[] = {
#include "fuzz_targets.inc"
};
#undef KIOSK_FUZZ_TARGET

const std::filesystem::path kRegressions = KIOSK_SOURCE_DIR "/tests/fuzz/regressions";

std::vector<std::uint8_t> read_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("every input that once broke a fuzz target passes it now", "[fuzz]") {
    kiosk::fuzz::throw_when_broken(true);
    for (const Target& target : kTargets) {
        const auto dir = kRegressions / target.name;
        if (!std::filesystem::is_directory(dir)) continue;
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            if (!entry.is_regular_file()) continue;
            INFO(target.name << ": " << entry.path().filename().string());
            const auto bytes = read_bytes(entry.path());
            CHECK_NOTHROW(target.run(bytes.data(), bytes.size()));
        }
    }
}

TEST_CASE("every folder of regressions names a fuzz target", "[fuzz]") {
    if (!std::filesystem::is_directory(kRegressions)) return;
    for (const auto& entry : std::filesystem::directory_iterator(kRegressions)) {
        if (!entry.is_directory()) continue;
        const std::string name = entry.path().filename().string();
        INFO(name);
        CHECK(std::any_of(std::begin(kTargets), std::end(kTargets),
                          [&](const Target& t) { return name == t.name; }));
    }
}
