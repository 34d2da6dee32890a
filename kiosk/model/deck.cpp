#include "kiosk/model/deck.hpp"

#include <algorithm>
#include <unordered_set>

#include "kiosk/model/config.hpp"
#include "kiosk/model/limits.hpp"
#include "kiosk/model/object_reader.hpp"
#include "kiosk/model/relative_path.hpp"

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

std::vector<std::string> Deck::image_files() const {
    std::vector<std::string> out;
    std::unordered_set<std::string> seen;
    for (const auto& slide : slides)
        if (slide.image && seen.insert(slide.image->file).second) out.push_back(slide.image->file);
    return out;
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

// A picture's name: a path inside the slides file's folder, of plain characters, that cannot
// climb out of it, and names a format the kiosk draws.
bool valid_image_name(const std::string& name) {
    if (name.size() > 200 || !stays_inside(name)) return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-' || c == '_' || c == '/'))
            return false;
    std::string extension =
        name.substr(name.rfind('.') == std::string::npos ? name.size() : name.rfind('.'));
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return extension == ".png" || extension == ".jpg" || extension == ".jpeg" ||
           extension == ".webp";
}

std::optional<SlideImage> read_image(ObjectReader& slide, const std::string& named,
                                     const std::filesystem::path& folder) {
    const JsonValue* object = slide.object("image");
    if (!object) return std::nullopt;
    ObjectReader reader(*object, slide.file(), "\"image\" of " + named, slide.diagnostics());
    SlideImage image;
    int fit = 0;
    if (reader.choice("fit", {"cover", "contain"}, fit)) image.fit = static_cast<ImageFit>(fit);
    const bool named_file = reader.string("file", image.file, true, 200);
    reader.finish();
    if (!named_file) return std::nullopt;
    image.pos = reader.at("file").pos;
    if (!valid_image_name(image.file)) {
        reader.error(reader.at("file"),
                     "\"file\" " + in_quotes(image.file) +
                         " must name a .png, .jpg or .webp file in the slides' folder (letters, "
                         "digits, '.', '-', '_' and '/'; no \"..\")");
        return std::nullopt;
    }
    image.path = folder / image.file;
    std::string why;
    image.header = check_image_file(image.path.string(), &why);
    if (!image.header)
        reader.warning(reader.at("file"), "image " + in_quotes(image.file) + " " + why +
                                              "; the slide shows without it");
    return image;
}

void read_qr(ObjectReader& reader, Slide& slide) {
    if (!reader.string("qr", slide.qr, false, 500)) return;
    slide.qr_pos = reader.at("qr").pos;
    if (!valid_url_scheme(slide.qr)) {
        reader.error(reader.at("qr"), "\"qr\" must be an http:// or https:// address");
        slide.qr.clear();
    }
}

std::vector<Bar> read_bars(ObjectReader& reader) {
    std::vector<Bar> bars;
    const JsonValue* array = reader.array("bars");
    if (!array) return bars;
    if (array->items.empty() || array->items.size() > 12) {
        reader.error(
            *array, "\"bars\" needs from 1 to 12 bars, not " + std::to_string(array->items.size()));
        return bars;
    }
    for (size_t i = 0; i < array->items.size(); ++i) {
        const JsonValue& item = array->items[i];
        const std::string who = "bar " + std::to_string(i + 1) + " of " + reader.context();
        if (item.kind != JsonValue::Kind::Object) {
            reader.error(item, who + " must be an object { … }");
            continue;
        }
        ObjectReader bar_reader(item, reader.file(), who, reader.diagnostics());
        Bar bar;
        bar.pos = item.pos;
        bar_reader.string("vi", bar.label.vi);
        bar_reader.string("en", bar.label.en);
        if (!bar_reader.has("value")) bar_reader.error(item, who + " needs a \"value\"");
        bar_reader.number("value", bar.value, 0, static_cast<double>(limits::kMaxCount));
        bar_reader.finish();
        if (bar.label.vi.empty() && bar.label.en.empty())
            bar_reader.error(item, who + " needs a \"vi\" or \"en\" label");
        bars.push_back(std::move(bar));
    }
    return bars;
}

}  // namespace

std::optional<Deck> parse_deck(const std::string& file, Diagnostics& diagnostics) {
    DiagnosticScope scope(diagnostics);
    auto root = read_json_file(file, diagnostics);
    if (!root) return std::nullopt;

    Deck deck;
    deck.file = file;
    const std::filesystem::path folder = std::filesystem::path(file).parent_path();
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
        reader.choice("layout", {"title", "text", "facts", "quote", "counter", "image", "chart"},
                      layout);
        slide.layout = static_cast<Layout>(layout);
        double duration = 0;
        if (reader.number("duration_s", duration, 1, 3600)) slide.duration_s = duration;
        bool enabled = true;
        reader.boolean("enabled", enabled);
        slide.vi = read_text(reader, "vi", named, slide.layout);
        slide.en = read_text(reader, "en", named, slide.layout);
        slide.image = read_image(reader, named, folder);
        read_qr(reader, slide);
        slide.bars = read_bars(reader);
        reader.finish();
        // What each layout needs to show anything at all; the scene draws what is here.
        const bool texts = slide.vi || slide.en || item.find("vi") || item.find("en");
        switch (slide.layout) {
            case Layout::Image:
                if (!item.find("image"))
                    reader.error(item, named + " is an image slide: it needs an \"image\"");
                else if (slide.image && !slide.image->header && !texts) {
                    reader.warning(item, named +
                                             " has nothing to show without its image and is "
                                             "left out");
                    enabled = false;
                }
                break;
            case Layout::Chart:
                if (!item.find("bars"))
                    reader.error(item, named + " is a chart: it needs \"bars\"");
                break;
            default:
                if (!texts) reader.error(item, named + " needs \"vi\" or \"en\" text");
        }
        const bool beside = slide.layout == Layout::Text || slide.layout == Layout::Facts;
        if (slide.image && slide.layout != Layout::Image && !beside) {
            reader.warning(*item.find("image"),
                           "an image shows on image, text and facts slides "
                           "only; this one is ignored");
            slide.image.reset();
        }
        if (!slide.bars.empty() && slide.layout != Layout::Chart) {
            reader.warning(*item.find("bars"), "bars show on chart slides only; ignored");
            slide.bars.clear();
        }
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
