#include "kiosk/feed/counter_reading.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "kiosk/model/limits.hpp"
#include "kiosk/model/printable.hpp"

namespace kiosk::feed {

namespace {

using model::printable;
using model::limits::kMaxCount;

Reading fail(std::string why) {
    return {std::nullopt, std::move(why)};
}

Reading from_digits(const std::string& text) {
    const size_t first = text.find_first_not_of(" \t");
    const size_t last = text.find_last_not_of(" \t");
    if (first == std::string::npos) return fail("value is an empty string");
    const std::string digits = text.substr(first, last - first + 1);
    if (digits.size() > 13 || digits.find_first_not_of("0123456789") != std::string::npos)
        return fail("value \"" + printable(text, 40) +
                    "\" is not a whole number written in digits");
    const std::uint64_t value = std::stoull(digits);
    if (value > kMaxCount) return fail("value " + digits + " is implausibly large");
    return {value, ""};
}

// Where the pointer points, in words: the default empty pointer means the whole answer.
std::string place(const std::string& pointer) {
    return pointer.empty() ? "the whole answer (counter.pointer is \"\")" : printable(pointer);
}

// RFC 6901 reference tokens, with ~1 and ~0 decoded. The pointer was validated with the config.
std::vector<std::string> tokens_of(const std::string& pointer) {
    std::vector<std::string> tokens;
    for (size_t at = 0; at < pointer.size();) {
        const size_t end = std::min(pointer.find('/', at + 1), pointer.size());
        std::string token;
        for (size_t i = at + 1; i < end; ++i) {
            if (pointer[i] == '~' && i + 1 < end) {
                token += pointer[i + 1] == '1' ? '/' : '~';
                ++i;
            } else {
                token += pointer[i];
            }
        }
        tokens.push_back(std::move(token));
        at = end;
    }
    return tokens;
}

// Walks the answer as a stream of events, keeping only the path to where it stands, and keeps
// the one value the pointer names. No document is built, so an answer costs about its own size
// whatever its shape, and nothing in it (an overflowing number, nesting) can throw.
class PointerReader final : public nlohmann::json_sax<nlohmann::json> {
  public:
    enum class Found { Nothing, Number, Unsigned, Negative, Float, String, Other };

    explicit PointerReader(const std::string& pointer) : tokens_(tokens_of(pointer)) {}

    Found found = Found::Nothing;
    std::uint64_t unsigned_value = 0;
    double float_value = 0;
    std::string string_value, other_kind, raw, error;

    bool null() override { return scalar("null"); }
    bool boolean(bool) override { return scalar("true or false"); }
    bool number_integer(number_integer_t v) override {
        if (here()) {
            found = v < 0 ? Found::Negative : Found::Unsigned;
            unsigned_value = static_cast<std::uint64_t>(v < 0 ? 0 : v);
            raw = std::to_string(v);
        }
        return next();
    }
    bool number_unsigned(number_unsigned_t v) override {
        if (here()) {
            found = Found::Unsigned;
            unsigned_value = v;
            raw = std::to_string(v);
        }
        return next();
    }
    bool number_float(number_float_t v, const string_t& text) override {
        if (here()) {
            found = Found::Float;
            float_value = v;
            raw = printable(text, 40);
        }
        return next();
    }
    bool string(string_t& v) override {
        if (here()) {
            found = Found::String;
            string_value = std::move(v);
        }
        return next();
    }
    bool binary(binary_t&) override { return scalar("binary"); }
    bool start_object(std::size_t) override { return open(false); }
    bool key(string_t& k) override {
        frames_.back().key = std::move(k);
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(true); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& e) override {
        error = e.id == 406 ? "answer holds a number too large for JSON (at byte " +
                                  std::to_string(position) + ")"
                            : "answer is not JSON (at byte " + std::to_string(position) + ")";
        return false;
    }

  private:
    struct Frame {
        bool array = false;
        size_t index = 0;
        std::string key;
    };
    std::vector<std::string> tokens_;
    std::vector<Frame> frames_;

    // Whether the value about to be read stands where the pointer points.
    bool here() const {
        if (frames_.size() != tokens_.size()) return false;
        for (size_t i = 0; i < frames_.size(); ++i) {
            const Frame& f = frames_[i];
            if (f.array ? tokens_[i] != std::to_string(f.index) : tokens_[i] != f.key) return false;
        }
        return true;
    }
    bool next() {
        if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
        return true;
    }
    bool scalar(const char* kind) {
        if (here()) {
            found = Found::Other;
            other_kind = kind;
        }
        return next();
    }
    bool open(bool array) {
        if (here()) {
            found = Found::Other;
            other_kind = array ? "an array" : "an object";
        }
        if (frames_.size() >= static_cast<size_t>(model::limits::kFeedDepth)) {
            error = "answer nests deeper than " + std::to_string(model::limits::kFeedDepth);
            return false;
        }
        frames_.push_back({array, 0, {}});
        return true;
    }
    bool close() {
        frames_.pop_back();
        return next();
    }
};

}  // namespace

Reading read_counter(std::string_view body, const std::string& pointer) {
    PointerReader reader(pointer);
    bool parsed = false;
    try {
        parsed = nlohmann::json::sax_parse(body.begin(), body.end(), &reader);
    } catch (const std::exception&) {
        // The handler throws nothing and reports every parse error itself; this is the last
        // guard that keeps anything from the network from escaping the reader.
        return fail("answer cannot be read as JSON");
    }
    if (!parsed) return fail(reader.error.empty() ? "answer is not JSON" : reader.error);
    using Found = PointerReader::Found;
    switch (reader.found) {
        case Found::Nothing:
            return fail("answer has nothing at " + place(pointer));
        case Found::String:
            return from_digits(reader.string_value);
        case Found::Unsigned:
        case Found::Number:
            if (reader.unsigned_value > kMaxCount)
                return fail("value " + reader.raw + " is implausibly large");
            return {reader.unsigned_value, ""};
        case Found::Negative:
            return fail("value " + reader.raw + " is negative");
        case Found::Float: {
            const double d = reader.float_value;
            if (d < 0) return fail("value " + reader.raw + " is negative");
            if (d != std::floor(d)) return fail("value " + reader.raw + " is not a whole number");
            if (d > static_cast<double>(kMaxCount))
                return fail("value " + reader.raw + " is implausibly large");
            return {static_cast<std::uint64_t>(d), ""};
        }
        case Found::Other:
            break;
    }
    // An object or array usually means the pointer stops short of the number: say so.
    const bool structured = reader.other_kind == "an object" || reader.other_kind == "an array";
    return fail(place(pointer) + " is " + reader.other_kind + ", not a number" +
                (structured ? "; point counter.pointer at the number inside it" : ""));
}

}  // namespace kiosk::feed
