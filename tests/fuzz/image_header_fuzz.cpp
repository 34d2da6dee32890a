// Fuzz target: the first bytes of a slide's image file, read before anything is decoded, through
// read_image_header() as they are and through check_image_file() as a file holding them.
//
// read_image_header(): never throws, reads nothing past the bytes it is given, and gives the
// same answer whether or not it is asked why. A header it accepts is of the format whose
// signature the bytes begin with, and at least 1 pixel wide and high; a refusal says why in one
// clean line. check_image_file(): accepts exactly the headers read_image_header() accepts that
// are within kImageMaxSide a side, and says why it refuses the others in one clean line.

#include <exception>
#include <optional>
#include <string>

#include "fuzz/fuzz_support.hpp"
#include "kiosk/model/image_header.hpp"

using namespace kiosk;
using Format = model::ImageHeader::Format;

namespace {

// The format the bytes' signature names, if any (as read_image_header() tells them apart).
std::optional<Format> signature(std::string_view b) {
    if (b.substr(0, 8) == "\x89PNG\r\n\x1a\n") return Format::Png;
    if (b.substr(0, 3) == "\xFF\xD8\xFF") return Format::Jpeg;
    if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") return Format::WebP;
    return std::nullopt;
}

std::string describe(const model::ImageHeader& h) {
    return std::to_string(static_cast<int>(h.format)) + " " + std::to_string(h.width) + "x" +
           std::to_string(h.height);
}

void require_reason(const std::string& why, std::string_view what) {
    fuzz::require(!why.empty(), std::string(what) + " refuses without saying why");
    fuzz::require(fuzz::clean_line(why) && why.size() <= 200,
                  std::string(what) + "'s reason is not one clean line", why);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = fuzz::as_text(data, size);
    std::string why;
    std::optional<model::ImageHeader> header, quiet;
    try {
        header = model::read_image_header(bytes, &why);
        quiet = model::read_image_header(bytes, nullptr);
    } catch (const std::exception& e) {
        fuzz::require(false, "read_image_header() threw", e.what());
    }
    fuzz::require(header.has_value() == quiet.has_value() &&
                      (!header || describe(*header) == describe(*quiet)),
                  "read_image_header() answers otherwise when not asked why");
    if (header) {
        fuzz::require(signature(bytes) == header->format,
                      "a header's format is not the one its signature names", describe(*header));
        fuzz::require(header->width >= 1 && header->height >= 1, "an accepted image has no size",
                      describe(*header));
    } else {
        require_reason(why, "read_image_header()");
    }

    const std::string path = fuzz::write_scratch_file("image", bytes);
    std::string file_why;
    std::optional<model::ImageHeader> checked;
    try {
        checked = model::check_image_file(path, &file_why);
    } catch (const std::exception& e) {
        fuzz::require(false, "check_image_file() threw", e.what());
    }
    const bool within =
        header && header->width <= model::kImageMaxSide && header->height <= model::kImageMaxSide;
    fuzz::require(checked.has_value() == within,
                  "check_image_file() and read_image_header() disagree",
                  checked ? describe(*checked) : file_why);
    if (checked)
        fuzz::require(describe(*checked) == describe(*header),
                      "check_image_file() reads another header", describe(*checked));
    else
        require_reason(file_why, "check_image_file()");
    return 0;
}
