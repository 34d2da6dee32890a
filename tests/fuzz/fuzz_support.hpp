#pragma once
// What every fuzz target (tests/fuzz/<name>_fuzz.cpp) shares: a way to say an invariant broke,
// a per-process scratch folder for the parsers that take a path, and the checks that text meant
// for a log line or a terminal is one clean line.
//
// Each target is a libFuzzer entry point, LLVMFuzzerTestOneInput. Under libFuzzer a broken
// invariant aborts, which libFuzzer keeps as a crash and minimises. The regression test compiles
// the same sources without libFuzzer and calls the entry points itself; it asks for an exception
// instead (throw_when_broken), so a broken input fails one test case and names its file.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/model/diagnostic.hpp"

namespace kiosk::fuzz {

// What require() throws once throw_when_broken(true) was called.
struct Broken : std::runtime_error {
    using std::runtime_error::runtime_error;
};

void throw_when_broken(bool on);

// Stops on a broken invariant: prints `what` (and `detail`, escaped) to stderr, then aborts or
// throws Broken.
void require(bool condition, std::string_view what, std::string_view detail = {});

// The bytes of one input as a string.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// A folder of this process's own, made on first use and removed at exit. Fuzzers may run
// several at once, so no two share it.
const std::filesystem::path& scratch_dir();

// Writes `bytes` to `name` in scratch_dir() (the same path every time, so a long run leaves one
// file) and returns the file's path.
std::string write_scratch_file(const std::string& name, std::string_view bytes);

// One line a person can read safely: well-formed UTF-8 holding nothing printable() would escape
// (control characters, DEL, C1 controls, bidirectional controls, line separators, BOM).
bool clean_line(std::string_view text);

// The positions a text has: each of its lines, and columns from 1 to one past the line's end,
// counted as the JSON reader counts them (one a byte that is not a UTF-8 continuation byte).
class TextPositions {
  public:
    explicit TextPositions(std::string_view text);
    bool contains(const model::SourcePos& pos) const;

  private:
    std::vector<std::size_t> line_chars_;
};

// Every diagnostic a reader gave about `text` (the file's contents) is one clean line that says
// something, at a position the text has.
void require_clean_diagnostics(const model::Diagnostics& diagnostics, std::string_view text);

// Reads `text` as an operator's file named `name` through `parse` (model::parse_config,
// parse_deck, parse_counter_content) and checks what each of them promises: it never throws,
// every diagnostic is one clean line at a place the file has, and it gives a value exactly when
// it found no error. Returns that value.
template <typename Parse>
auto read_operator_file(const std::string& name, std::string_view text, Parse parse) {
    const std::string path = write_scratch_file(name, text);
    model::Diagnostics diagnostics;
    decltype(parse(path, diagnostics)) result;
    try {
        result = parse(path, diagnostics);
    } catch (const std::exception& e) {
        require(false, "reading " + name + " threw", e.what());
    }
    require_clean_diagnostics(diagnostics, text);
    require(result.has_value() != model::has_errors(diagnostics),
            "what reading " + name + " gave and its errors disagree");
    return result;
}

}  // namespace kiosk::fuzz
