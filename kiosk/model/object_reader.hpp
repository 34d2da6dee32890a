#pragma once
// Reads the members of one JSON object into typed fields, reporting each problem at the line and
// column of the offending value. Every key asked for counts as known; finish() then warns about
// the rest, with a "did you mean" when a known key is close, so a typo never fails silently.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/model/diagnostic.hpp"
#include "kiosk/model/json_document.hpp"
#include "kiosk/model/limits.hpp"

namespace kiosk::model {

// A key or a value as messages name it: in double quotes.
std::string in_quotes(std::string_view key);

class ObjectReader {
  public:
    // `context` names the object in messages, e.g. "slide \"welcome\"" or "display".
    ObjectReader(const JsonValue& object, std::string file, std::string context,
                 Diagnostics& diagnostics);

    bool has(std::string_view key) const { return object_.find(key) != nullptr; }
    // The member itself, for errors about a value of the right type but wrong content.
    const JsonValue& at(std::string_view key) const { return *object_.find(key); }
    const JsonValue& self() const { return object_; }

    // Each returns true when the key is present and valid (and then sets `out`); a missing key
    // leaves `out` alone and is an error only when `required`.
    // Strings longer than `max_chars` code points are an error.
    bool string(std::string_view key, std::string& out, bool required = false,
                size_t max_chars = limits::kLineChars);
    bool boolean(std::string_view key, bool& out);
    bool number(std::string_view key, double& out, double min, double max);
    bool integer(std::string_view key, std::uint64_t& out, std::uint64_t min, std::uint64_t max);
    // One of `choices`; `out` gets its index.
    bool choice(std::string_view key, const std::vector<std::string_view>& choices, int& out);
    // A nested object or array, or nullptr (with an error when present with another type).
    const JsonValue* object(std::string_view key, bool required = false);
    const JsonValue* array(std::string_view key, bool required = false);

    void error(const JsonValue& at, std::string message);
    void warning(const JsonValue& at, std::string message);
    const std::string& file() const { return file_; }
    const std::string& context() const { return context_; }
    // `key` as messages name it: "\"key\" in CONTEXT".
    std::string where(std::string_view key) const;
    void set_context(std::string context) { context_ = std::move(context); }
    Diagnostics& diagnostics() { return diagnostics_; }

    // Warns about every key not asked for. Call once, after reading.
    void finish();

  private:
    const JsonValue& object_;
    std::string file_;
    std::string context_;
    Diagnostics& diagnostics_;
    std::vector<std::string> known_;

    const JsonValue* member(std::string_view key, JsonValue::Kind kind, bool required);
};

// Levenshtein distance, for "did you mean".
int edit_distance(std::string_view a, std::string_view b);

// Reads and parses a whole file, adding a diagnostic on failure: unreadable, not a regular
// file, larger than limits::kFileBytes, not UTF-8, not JSON, not an object.
std::optional<JsonValue> read_json_file(const std::string& path, Diagnostics& diagnostics);

}  // namespace kiosk::model
