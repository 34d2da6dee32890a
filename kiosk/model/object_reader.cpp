#include "kiosk/model/object_reader.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "kiosk/model/limits.hpp"
#include "kiosk/model/printable.hpp"
#include "kiosk/model/small_file.hpp"
#include "kiosk/model/utf8.hpp"

namespace kiosk::model {

ObjectReader::ObjectReader(const JsonValue& object, std::string file, std::string context,
                           Diagnostics& diagnostics)
    : object_(object),
      file_(std::move(file)),
      context_(std::move(context)),
      diagnostics_(diagnostics) {}

void ObjectReader::error(const JsonValue& at, std::string message) {
    diagnostics_.push_back({Diagnostic::Severity::Error, file_, at.pos, std::move(message)});
}

void ObjectReader::warning(const JsonValue& at, std::string message) {
    diagnostics_.push_back({Diagnostic::Severity::Warning, file_, at.pos, std::move(message)});
}

std::string in_quotes(std::string_view key) {
    // Appended rather than "\"" + …: GCC 12 warns falsely (-Wrestrict) on that operator+.
    std::string out(1, '"');
    out += printable(key);
    out += '"';
    return out;
}

std::string ObjectReader::where(std::string_view key) const {
    return in_quotes(key) + (context_.empty() ? "" : " in " + context_);
}

const JsonValue* ObjectReader::member(std::string_view key, JsonValue::Kind kind, bool required) {
    known_.emplace_back(key);
    const JsonValue* value = object_.find(key);
    if (!value) {
        if (required)
            diagnostics_.push_back(
                {Diagnostic::Severity::Error, file_, object_.pos, where(key) + " is missing"});
        return nullptr;
    }
    if (value->kind != kind) {
        error(*value, where(key) + " must be " + JsonValue::kind_name(kind) + ", not " +
                          JsonValue::kind_name(value->kind));
        return nullptr;
    }
    return value;
}

bool ObjectReader::string(std::string_view key, std::string& out, bool required, size_t max_chars) {
    const JsonValue* value = member(key, JsonValue::Kind::String, required);
    if (!value) return false;
    if (const size_t n = count_code_points(value->text); n > max_chars) {
        error(*value, where(key) + " is " + std::to_string(n) + " characters long; at most " +
                          std::to_string(max_chars) + " are read");
        return false;
    }
    out = value->text;
    return true;
}

bool ObjectReader::boolean(std::string_view key, bool& out) {
    const JsonValue* value = member(key, JsonValue::Kind::Bool, false);
    if (!value) return false;
    out = value->boolean;
    return true;
}

bool ObjectReader::number(std::string_view key, double& out, double min, double max) {
    const JsonValue* value = member(key, JsonValue::Kind::Number, false);
    if (!value) return false;
    if (value->number < min || value->number > max) {
        std::ostringstream range;
        range << where(key) << " must be between " << min << " and " << max << ", not "
              << value->number;
        error(*value, range.str());
        return false;
    }
    out = value->number;
    return true;
}

bool ObjectReader::integer(std::string_view key, std::uint64_t& out, std::uint64_t min,
                           std::uint64_t max) {
    const JsonValue* value = member(key, JsonValue::Kind::Number, false);
    if (!value) return false;
    if (!value->integral || value->number < static_cast<double>(min) ||
        value->number > static_cast<double>(max)) {
        error(*value, where(key) + " must be a whole number from " + std::to_string(min) + " to " +
                          std::to_string(max));
        return false;
    }
    out = static_cast<std::uint64_t>(value->number);
    return true;
}

bool ObjectReader::choice(std::string_view key, const std::vector<std::string_view>& choices,
                          int& out) {
    std::string text;
    if (!string(key, text)) return false;
    for (size_t i = 0; i < choices.size(); ++i) {
        if (choices[i] == text) {
            out = static_cast<int>(i);
            return true;
        }
    }
    std::string list;
    for (const auto& c : choices) {
        if (!list.empty()) list += ", ";
        list += in_quotes(c);
    }
    error(*object_.find(key), where(key) + " must be one of " + list + ", not " + in_quotes(text));
    return false;
}

const JsonValue* ObjectReader::object(std::string_view key, bool required) {
    return member(key, JsonValue::Kind::Object, required);
}

const JsonValue* ObjectReader::array(std::string_view key, bool required) {
    return member(key, JsonValue::Kind::Array, required);
}

void ObjectReader::finish() {
    for (size_t i = 0; i < object_.members.size(); ++i) {
        const std::string& key = object_.members[i].first;
        if (key == "$schema" || std::find(known_.begin(), known_.end(), key) != known_.end())
            continue;
        std::string message = "unknown key " + where(key) + " is ignored";
        const std::string* best = nullptr;
        int best_distance = 3;  // close enough to be a typo, far enough not to guess wildly
        // A key far longer than any known one is no typo; and it must not cost n² to find out.
        if (key.size() > 64) best_distance = 0;
        for (const auto& candidate : known_) {
            if (best_distance == 0) break;
            const int d = edit_distance(key, candidate);
            if (d < best_distance) {
                best_distance = d;
                best = &candidate;
            }
        }
        if (best) message += "; did you mean " + in_quotes(*best) + "?";
        diagnostics_.push_back(
            {Diagnostic::Severity::Warning, file_, object_.key_pos[i], std::move(message)});
    }
}

int edit_distance(std::string_view a, std::string_view b) {
    std::vector<int> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
    for (size_t i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        for (size_t j = 1; j <= b.size(); ++j) {
            const int up = row[j];
            const int cost = std::tolower(a[i - 1]) == std::tolower(b[j - 1]) ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::optional<JsonValue> read_json_file(const std::string& path, Diagnostics& diagnostics) {
    std::string text, why;
    if (!read_small_file(path, limits::kFileBytes, text, why)) {
        diagnostics.push_back({Diagnostic::Severity::Error, path, {1, 1}, why});
        return std::nullopt;
    }
    JsonParseError error;
    auto root = parse_json(text, &error);
    if (!root) {
        diagnostics.push_back({Diagnostic::Severity::Error, path, error.pos, error.message});
        return std::nullopt;
    }
    if (root->kind != JsonValue::Kind::Object) {
        diagnostics.push_back(
            {Diagnostic::Severity::Error, path, root->pos, "the file must hold an object { … }"});
        return std::nullopt;
    }
    return root;
}

}  // namespace kiosk::model
