#include "kiosk/model/json_document.hpp"

#include <cmath>
#include <cstdlib>
#include <unordered_set>

#include "kiosk/model/limits.hpp"
#include "kiosk/model/printable.hpp"
#include "kiosk/model/utf8.hpp"

namespace kiosk::model {

JsonValue::JsonValue() = default;
JsonValue::JsonValue(const JsonValue&) = default;
JsonValue::JsonValue(JsonValue&&) noexcept = default;
JsonValue& JsonValue::operator=(const JsonValue&) = default;
JsonValue& JsonValue::operator=(JsonValue&&) noexcept = default;
JsonValue::~JsonValue() = default;

const JsonValue* JsonValue::find(std::string_view key) const {
    for (const auto& [name, value] : members)
        if (name == key) return &value;
    return nullptr;
}

const char* JsonValue::kind_name(Kind kind) {
    switch (kind) {
        case Kind::Null:
            return "null";
        case Kind::Bool:
            return "a boolean";
        case Kind::Number:
            return "a number";
        case Kind::String:
            return "a string";
        case Kind::Array:
            return "an array";
        case Kind::Object:
            return "an object";
    }
    return "?";
}

namespace {

class Parser {
  public:
    Parser(std::string_view text, const JsonLimits& limits) : text_(text), limits_(limits) {}

    std::optional<JsonValue> document(JsonParseError* error) {
        // Checked first and whole, so every later step may trust the text.
        if (const auto bad = first_invalid_utf8(text_)) {
            while (at_ < *bad) advance();
            fail("not valid UTF-8 (save the file as UTF-8)");
            if (error) *error = error_;
            return std::nullopt;
        }
        skip_bom();
        JsonValue root;
        if (skip_space() && value(root, 0) && skip_space()) {
            if (at_end()) return root;
            fail("unexpected text after the end of the document");
        }
        if (error) *error = error_;
        return std::nullopt;
    }

  private:
    std::string_view text_;
    JsonLimits limits_;
    size_t values_ = 0;
    size_t at_ = 0;
    SourcePos pos_;
    JsonParseError error_;

    bool at_end() const { return at_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[at_]; }

    void advance() {
        if (at_end()) return;
        const unsigned char c = static_cast<unsigned char>(text_[at_++]);
        if (c == '\n') {
            ++pos_.line;
            pos_.column = 1;
        } else if ((c & 0xC0) != 0x80) {  // count code points, not UTF-8 continuation bytes
            ++pos_.column;
        }
    }

    bool fail(std::string message) { return fail_at(pos_, std::move(message)); }
    bool fail_at(SourcePos pos, std::string message) {
        error_ = {pos, std::move(message)};
        return false;
    }

    void skip_bom() {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") at_ = 3;
    }

    bool skip_space() {
        while (!at_end()) {
            const char c = peek();
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                advance();
            } else if (c == '/' && at_ + 1 < text_.size() && text_[at_ + 1] == '/') {
                while (!at_end() && peek() != '\n') advance();
            } else if (c == '/' && at_ + 1 < text_.size() && text_[at_ + 1] == '*') {
                const SourcePos start = pos_;
                advance();
                advance();
                while (!at_end() &&
                       !(peek() == '*' && at_ + 1 < text_.size() && text_[at_ + 1] == '/'))
                    advance();
                if (at_end()) return fail_at(start, "comment is never closed with */");
                advance();
                advance();
            } else {
                break;
            }
        }
        return true;
    }

    bool expect_word(std::string_view word) {
        if (text_.substr(at_, word.size()) != word) return false;
        for (size_t i = 0; i < word.size(); ++i) advance();
        return true;
    }

    bool value(JsonValue& out, int depth) {
        if (depth > limits_.max_depth)
            return fail("nesting is deeper than " + std::to_string(limits_.max_depth));
        // Bounded before the value is built: a file of tiny values cannot cost gigabytes.
        if (++values_ > limits_.max_values)
            return fail("more than " + std::to_string(limits_.max_values) +
                        " values in one document");
        out.pos = pos_;
        const char c = peek();
        if (c == '{') return object(out, depth);
        if (c == '[') return array(out, depth);
        if (c == '"') {
            out.kind = JsonValue::Kind::String;
            return string(out.text);
        }
        if (c == '-' || (c >= '0' && c <= '9')) return number(out);
        if (expect_word("true")) {
            out.kind = JsonValue::Kind::Bool;
            out.boolean = true;
            return true;
        }
        if (expect_word("false")) {
            out.kind = JsonValue::Kind::Bool;
            return true;
        }
        if (expect_word("null")) return true;
        if (at_end()) return fail("the document ends where a value was expected");
        if (c == '\'') return fail("strings take double quotes \", not single quotes");
        return fail("expected a value, found '" +
                    printable(text_.substr(at_, utf8_sequence_length(text_, at_))) + "'");
    }

    // Shared by objects and arrays: after an element, a comma or the closing bracket.
    // A trailing comma before the bracket is the commonest slip in hand-edited JSON: say so.
    bool separator(char close, bool& done) {
        if (!skip_space()) return false;
        if (peek() == close) {
            advance();
            done = true;
            return true;
        }
        if (peek() != ',') {
            if (at_end())
                return fail(std::string("the document ends before the closing '") + close + "'");
            return fail(std::string("expected ',' or '") + close + "'");
        }
        const SourcePos comma = pos_;
        advance();
        if (!skip_space()) return false;
        if (peek() == close)
            return fail_at(comma, std::string("trailing comma before '") + close + "'");
        done = false;
        return true;
    }

    bool object(JsonValue& out, int depth) {
        out.kind = JsonValue::Kind::Object;
        advance();
        if (!skip_space()) return false;
        if (peek() == '}') {
            advance();
            return true;
        }
        std::unordered_set<std::string> keys;  // a hash: many keys must not cost n² comparisons
        for (bool done = false; !done;) {
            if (peek() != '"') return fail("expected a key in double quotes");
            const SourcePos key_pos = pos_;
            std::string key;
            if (!string(key) || !skip_space()) return false;
            if (peek() != ':') return fail("expected ':' after the key \"" + printable(key) + "\"");
            advance();
            if (!skip_space()) return false;
            if (!keys.insert(key).second)
                return fail_at(key_pos, "the key \"" + printable(key) + "\" appears twice");
            JsonValue child;
            if (!value(child, depth + 1)) return false;
            out.members.emplace_back(std::move(key), std::move(child));
            out.key_pos.push_back(key_pos);
            if (!separator('}', done)) return false;
        }
        return true;
    }

    bool array(JsonValue& out, int depth) {
        out.kind = JsonValue::Kind::Array;
        advance();
        if (!skip_space()) return false;
        if (peek() == ']') {
            advance();
            return true;
        }
        for (bool done = false; !done;) {
            JsonValue child;
            if (!value(child, depth + 1)) return false;
            out.items.push_back(std::move(child));
            if (!separator(']', done)) return false;
        }
        return true;
    }

    bool hex4(unsigned& code) {
        code = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = peek();
            unsigned digit;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                digit = c - 'A' + 10;
            else
                return fail("\\u needs four hexadecimal digits");
            code = code * 16 + digit;
            advance();
        }
        return true;
    }

    bool escape(std::string& out, SourcePos backslash) {
        const char c = peek();
        advance();
        switch (c) {
            case '"':
                out += '"';
                return true;
            case '\\':
                out += '\\';
                return true;
            case '/':
                out += '/';
                return true;
            case 'b':
            case 'f':
                return fail_at(backslash,
                               std::string("\\") + c + " is a control character, not text");
            case 'n':
                out += '\n';
                return true;
            case 'r':
                return fail_at(backslash, "\\r is a control character, not text (use \\n)");
            case 't':
                out += '\t';
                return true;
            case 'u': {
                unsigned cp;
                if (!hex4(cp)) return false;
                if (cp >= 0xD800 && cp < 0xDC00) {
                    unsigned low;
                    if (!expect_word("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF)
                        return fail_at(backslash, "a \\u surrogate pair is incomplete");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return fail_at(backslash, "a lone \\u surrogate is not a character");
                } else if (cp < 0x20 && cp != '\n' && cp != '\t') {
                    // What \n and \t do not cover is never text: it could only hide or forge.
                    return fail_at(backslash, "a control character (\\u" +
                                                  std::string(text_.substr(at_ - 4, 4)) +
                                                  ") is not text");
                }
                append_utf8(out, cp);
                return true;
            }
            default:
                return fail_at(backslash, "unknown escape \\" + printable(std::string(1, c)));
        }
    }

    bool string(std::string& out) {
        const SourcePos start = pos_;
        advance();
        while (true) {
            if (at_end()) return fail_at(start, "string is never closed with \"");
            const char c = peek();
            if (c == '"') {
                advance();
                return true;
            }
            if (c == '\n')
                return fail_at(start, "string runs past the end of the line (missing \"?)");
            if (static_cast<unsigned char>(c) < 0x20)
                return fail("control character inside a string");
            if (c == '\\') {
                const SourcePos backslash = pos_;
                advance();
                if (!escape(out, backslash)) return false;
                continue;
            }
            out += c;
            advance();
        }
    }

    bool number(JsonValue& out) {
        out.kind = JsonValue::Kind::Number;
        const size_t begin = at_;
        out.integral = true;
        if (peek() == '-') advance();
        if (!(peek() >= '0' && peek() <= '9')) return fail("a number needs digits");
        if (peek() == '0' && at_ + 1 < text_.size() && text_[at_ + 1] >= '0' &&
            text_[at_ + 1] <= '9')
            return fail("a number cannot start with 0 (JSON has no octal; write 123, not 0123)");
        while (peek() >= '0' && peek() <= '9') advance();
        if (peek() == '.') {
            out.integral = false;
            advance();
            if (!(peek() >= '0' && peek() <= '9')) return fail("a number needs digits after '.'");
            while (peek() >= '0' && peek() <= '9') advance();
        }
        if (peek() == 'e' || peek() == 'E') {
            out.integral = false;
            advance();
            if (peek() == '+' || peek() == '-') advance();
            if (!(peek() >= '0' && peek() <= '9'))
                return fail("a number needs digits in its exponent");
            while (peek() >= '0' && peek() <= '9') advance();
        }
        const std::string literal(text_.substr(begin, at_ - begin));
        out.number = std::strtod(literal.c_str(), nullptr);
        if (!std::isfinite(out.number)) return fail_at(out.pos, "number is out of range");
        return true;
    }
};

}  // namespace

std::optional<JsonValue> parse_json(std::string_view text, JsonParseError* error,
                                    const JsonLimits& limits) {
    return Parser(text, limits).document(error);
}

}  // namespace kiosk::model
