#include "kiosk/model/deck.hpp"

#include <algorithm>
#include <unordered_set>

#include "kiosk/model/limits.hpp"
#include "kiosk/model/object_reader.hpp"

namespace kiosk::model {

std::vector<std::string> SlideText::paragraphs() const {
    std::vector<std::string> out;
    std::string current;
    size_t start = 0;
    while (start <= body.size()) {
        size_t end = body.find('\n', start);
        if (end == std::string::npos) end = body.size();
        std::string line = body.substr(start, end - start);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
        } else {
            // A single newline inside a paragraph is a soft break: join with a space.
            if (!current.empty()) current += ' ';
            current += line.substr(line.find_first_not_of(" \t"));
        }
        start = end + 1;
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

bool SlideText::empty() const {
    return title.empty() && body.empty();
}

const Slide* Deck::find(const std::string& id) const {
    for (const auto& slide : slides)
        if (slide.id == id) return &slide;
    return nullptr;
}

namespace {

bool valid_id(const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

// Text of nothing but spaces and newlines shows nothing: it is kept as empty, so that the
// checks below and the scene agree on what a slide has to show.
void read_words(ObjectReader& reader, const char* key, std::string& out, size_t max_chars) {
    if (reader.string(key, out, false, max_chars) &&
        out.find_first_not_of(" \t\n") == std::string::npos)
        out.clear();
}

std::optional<SlideText> read_text(ObjectReader& slide, const char* key, const std::string& who,
                                   Layout layout) {
    const JsonValue* block = slide.object(key);
    if (!block) return std::nullopt;
    const std::string named = in_quotes(key) + " of " + who;
    ObjectReader reader(*block, slide.file(), named, slide.diagnostics());
    const size_t errors_before = count_errors(slide.diagnostics());
    SlideText text;
    read_words(reader, "title", text.title, limits::kTitleChars);
    read_words(reader, "body", text.body, limits::kBodyChars);
    read_words(reader, "attribution", text.attribution, limits::kLineChars);
    reader.finish();
    if (!reader.has("title") && !reader.has("body")) {
        reader.error(*block, named + " needs a \"title\" or a \"body\"");
        return std::nullopt;
    }
    if (count_errors(slide.diagnostics()) > errors_before) return std::nullopt;  // said already
    if (layout == Layout::Quote && text.body.empty()) {
        reader.error(*block, named + " is a quote: its \"body\" (the quotation) has no text");
        return std::nullopt;
    }
    if (text.empty()) {
        reader.error(*block, named + " has no text: its \"title\" and \"body\" are empty");
        return std::nullopt;
    }
    return text;
}

}  // namespace

std::optional<Deck> parse_deck(const std::string& file, Diagnostics& diagnostics) {
    DiagnosticScope scope(diagnostics);
    auto root = read_json_file(file, diagnostics);
    if (!root) return std::nullopt;

    Deck deck;
    deck.file = file;
    ObjectReader top(*root, file, "", diagnostics);
    const JsonValue* slides = top.array("slides", true);
    top.finish();
    if (!slides) return std::nullopt;

    if (slides->items.size() > limits::kSlides) {
        top.error(*slides, "\"slides\" holds " + std::to_string(slides->items.size()) +
                               " slides; at most " + std::to_string(limits::kSlides) + " are read");
        scope.finish();
        return std::nullopt;
    }
    std::unordered_set<std::string> seen;
    for (size_t index = 0; index < slides->items.size(); ++index) {
        const JsonValue& item = slides->items[index];
        const std::string who = "slide " + std::to_string(index + 1);
        if (item.kind != JsonValue::Kind::Object) {
            top.error(item,
                      who + " must be an object { … }, not " + JsonValue::kind_name(item.kind));
            continue;
        }
        ObjectReader reader(item, file, who, diagnostics);
        Slide slide;
        slide.pos = item.pos;
        if (reader.string("id", slide.id, true, limits::kIdChars)) {
            const JsonValue& at = *item.find("id");
            if (!valid_id(slide.id))
                reader.error(
                    at, "\"id\" " + in_quotes(slide.id) + " may hold only a-z, 0-9, '-' and '_'");
            else if (!seen.insert(slide.id).second)
                reader.error(at, "\"id\" " + in_quotes(slide.id) + " is used by an earlier slide");
        }
        const std::string named = slide.id.empty() ? who : "slide " + in_quotes(slide.id);
        reader.set_context(named);
        int layout = 1;
        reader.choice("layout", {"title", "text", "facts", "quote", "counter"}, layout);
        slide.layout = static_cast<Layout>(layout);
        double duration = 0;
        if (reader.number("duration_s", duration, 1, 3600)) slide.duration_s = duration;
        bool enabled = true;
        reader.boolean("enabled", enabled);
        slide.vi = read_text(reader, "vi", named, slide.layout);
        slide.en = read_text(reader, "en", named, slide.layout);
        reader.finish();
        if (!slide.vi && !slide.en && !item.find("vi") && !item.find("en"))
            reader.error(item, named + " needs \"vi\" or \"en\" text");
        if (enabled) deck.slides.push_back(std::move(slide));
    }

    if (!scope.finish()) return std::nullopt;
    if (deck.slides.empty()) {
        diagnostics.push_back({Diagnostic::Severity::Error, file, slides->pos,
                               "no enabled slide: at least one is needed"});
        return std::nullopt;
    }
    return deck;
}

Deck builtin_deck() {
    Deck deck;
    deck.file = "(built in)";
    Slide slide;
    slide.id = "builtin";
    slide.layout = Layout::Title;
    slide.vi = SlideText{"Công ước Hà Nội", "Công ước Liên hợp quốc về chống tội phạm mạng", ""};
    slide.en =
        SlideText{"The Hanoi Convention", "United Nations Convention against Cybercrime", ""};
    deck.slides.push_back(std::move(slide));
    return deck;
}

}  // namespace kiosk::model
