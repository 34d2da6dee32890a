// Fuzz target: the JSON reader every operator file goes through (parse_json, and read_json_file
// on a real file), on any bytes. It never throws; what it builds stays within its limits and
// holds only text later stages trust (well-formed UTF-8, no control character but \n and \t,
// finite numbers, unique keys); a failure is one clean line at a place the text has; a document
// within tighter limits is one within the usual limits too; and what it accepts, nlohmann::json
// (comments allowed) reads as the same values.

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_set>

#include "fuzz/fuzz_support.hpp"
#include "kiosk/model/json_document.hpp"
#include "kiosk/model/object_reader.hpp"
#include "kiosk/model/utf8.hpp"

using namespace kiosk;
using model::JsonValue;

namespace {

constexpr model::JsonLimits kTight{64, 4};

bool trusted_text(const std::string& text) {
    if (model::first_invalid_utf8(text)) return false;
    for (const char c : text)
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') return false;
    return true;
}

struct Tally {
    size_t values = 0;
    int depth = 0;
};

void check_value(const JsonValue& v, int depth, const fuzz::TextPositions& positions,
                 Tally& tally) {
    ++tally.values;
    tally.depth = std::max(tally.depth, depth);
    fuzz::require(positions.contains(v.pos), "a value stands at a place the text does not have");
    switch (v.kind) {
        case JsonValue::Kind::String:
            fuzz::require(trusted_text(v.text), "a string holds what the reader refuses", v.text);
            break;
        case JsonValue::Kind::Number:
            fuzz::require(std::isfinite(v.number), "a number is not finite");
            fuzz::require(!v.integral || std::floor(v.number) == v.number,
                          "a number written without fraction or exponent is not whole");
            break;
        case JsonValue::Kind::Array:
            for (const auto& item : v.items) check_value(item, depth + 1, positions, tally);
            break;
        case JsonValue::Kind::Object: {
            fuzz::require(v.key_pos.size() == v.members.size(), "a key has no position");
            std::unordered_set<std::string> keys;
            for (size_t i = 0; i < v.members.size(); ++i) {
                const auto& [key, child] = v.members[i];
                fuzz::require(keys.insert(key).second, "a key appears twice", key);
                fuzz::require(trusted_text(key), "a key holds what the reader refuses", key);
                fuzz::require(positions.contains(v.key_pos[i]),
                              "a key stands at a place the text does not have");
                check_value(child, depth + 1, positions, tally);
            }
            break;
        }
        case JsonValue::Kind::Null:
        case JsonValue::Kind::Bool:
            break;
    }
}

// Parses within `limits` and checks what comes back, document or error.
std::optional<JsonValue> parse_checked(std::string_view text, const model::JsonLimits& limits,
                                       const fuzz::TextPositions& positions) {
    model::JsonParseError error;
    std::optional<JsonValue> doc;
    try {
        doc = model::parse_json(text, &error, limits);
    } catch (const std::exception& e) {
        fuzz::require(false, "parse_json threw", e.what());
    }
    if (doc) {
        Tally tally;
        check_value(*doc, 0, positions, tally);
        fuzz::require(tally.values <= limits.max_values,
                      "a document holds more values than allowed");
        fuzz::require(tally.depth <= limits.max_depth, "a document nests deeper than allowed");
    } else {
        fuzz::require_clean_diagnostics(
            {{model::Diagnostic::Severity::Error, "document.json", error.pos, error.message}},
            text);
    }
    return doc;
}

// Whether nlohmann::json read the same document: the reader is stricter (no duplicate keys, no
// control characters, limits), so what it accepts another reader must accept alike.
bool same(const JsonValue& v, const nlohmann::json& j) {
    switch (v.kind) {
        case JsonValue::Kind::Null:
            return j.is_null();
        case JsonValue::Kind::Bool:
            return j.is_boolean() && j.get<bool>() == v.boolean;
        case JsonValue::Kind::Number:
            return j.is_number() && j.get<double>() == v.number;
        case JsonValue::Kind::String:
            return j.is_string() && j.get_ref<const std::string&>() == v.text;
        case JsonValue::Kind::Array:
            if (!j.is_array() || j.size() != v.items.size()) return false;
            for (size_t i = 0; i < v.items.size(); ++i)
                if (!same(v.items[i], j[i])) return false;
            return true;
        case JsonValue::Kind::Object:
            if (!j.is_object() || j.size() != v.members.size()) return false;
            for (const auto& [key, child] : v.members) {
                const auto it = j.find(key);
                if (it == j.end() || !same(child, *it)) return false;
            }
            return true;
    }
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    const fuzz::TextPositions positions(text);
    const auto usual = parse_checked(text, model::kOperatorFileLimits, positions);
    const auto tight = parse_checked(text, kTight, positions);
    fuzz::require(!tight || usual, "a document within tight limits fails the usual ones");
    // nlohmann::json ends a // comment at NUL or at a carriage return, where this reader goes on
    // to the newline: such documents are left out of the comparison.
    bool comments_alike = text.find('\0') == std::string_view::npos;
    for (size_t cr = text.find('\r'); cr != std::string_view::npos; cr = text.find('\r', cr + 1))
        if (cr + 1 == text.size() || text[cr + 1] != '\n') comments_alike = false;
    if (usual && comments_alike) {
        const auto other = nlohmann::json::parse(text, nullptr, false, true);
        fuzz::require(!other.is_discarded(), "a document nlohmann::json refuses was accepted");
        fuzz::require(same(*usual, other), "nlohmann::json reads the document otherwise",
                      other.dump());
    }

    // The same bytes as a file, the way every operator file is read.
    const std::string path = fuzz::write_scratch_file("document.json", text);
    model::Diagnostics diagnostics;
    std::optional<JsonValue> root;
    try {
        root = model::read_json_file(path, diagnostics);
    } catch (const std::exception& e) {
        fuzz::require(false, "read_json_file threw", e.what());
    }
    fuzz::require_clean_diagnostics(diagnostics, text);
    const bool is_object = usual && usual->kind == JsonValue::Kind::Object;
    if (text.size() <= model::limits::kFileBytes)
        fuzz::require(root.has_value() == is_object,
                      "read_json_file and parse_json disagree on a document");
    fuzz::require(root ? diagnostics.empty() : diagnostics.size() == 1,
                  "read_json_file gives other than one diagnostic for a file it refuses");
    return 0;
}
