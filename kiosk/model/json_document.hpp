#pragma once
// A JSON reader for files people edit: it accepts `//` and `/* */` comments and remembers where
// every value stands, so that a wrong type three levels down is reported at its own line and
// column. (nlohmann::json accepts comments too but forgets positions.)

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/model/diagnostic.hpp"
#include "kiosk/model/limits.hpp"

namespace kiosk::model {

struct JsonValue {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    // Declared here, defined where JsonValue is complete: `members` holds pairs of JsonValue,
    // and clang with libstdc++ cannot make the implicit ones while the pair is incomplete.
    JsonValue();
    JsonValue(const JsonValue&);
    JsonValue(JsonValue&&) noexcept;
    JsonValue& operator=(const JsonValue&);
    JsonValue& operator=(JsonValue&&) noexcept;
    ~JsonValue();

    Kind kind = Kind::Null;
    SourcePos pos;
    bool boolean = false;
    double number = 0;
    bool integral = false;                                   // written without fraction or exponent
    std::string text;                                        // String: the decoded value
    std::vector<JsonValue> items;                            // Array
    std::vector<std::pair<std::string, JsonValue>> members;  // Object, in file order
    std::vector<SourcePos> key_pos;                          // Object: where each key stands

    const JsonValue* find(std::string_view key) const;
    static const char* kind_name(Kind kind);
};

struct JsonParseError {
    SourcePos pos;
    std::string message;
};

// What one document may hold; the defaults are those of operators' files (limits.hpp).
struct JsonLimits {
    size_t max_values;
    int max_depth;
};
inline constexpr JsonLimits kOperatorFileLimits{limits::kJsonValues, limits::kJsonDepth};

// Parses a whole document of UTF-8 text; on failure returns the first error and where it is.
// Strict JSON but for comments: well-formed UTF-8 only, no lone surrogates or control
// characters, no leading zeros, no duplicate keys, within `limits`.
std::optional<JsonValue> parse_json(std::string_view text, JsonParseError* error,
                                    const JsonLimits& limits = kOperatorFileLimits);

}  // namespace kiosk::model
