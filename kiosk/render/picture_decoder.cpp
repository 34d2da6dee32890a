#include "kiosk/render/picture_decoder.hpp"

#include <SDL_image.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <memory>

#include <jpeglib.h>

#include "kiosk/model/image_header.hpp"
#include "kiosk/model/small_file.hpp"
#include "kiosk/render/resample.hpp"
#include "kiosk/scene/picture_fit.hpp"

namespace kiosk::render {

PictureRequest picture_request(const scene::ImageItem& item, model::Color ground) {
    PictureRequest r;
    r.path = item.path;
    r.file = item.file;
    r.width = item.width;
    r.height = item.height;
    const auto fit = scene::fit_picture(item.width, item.height, item.rect, item.fit);
    r.source = fit.source;
    r.out_width = static_cast<int>(fit.shown.w);
    r.out_height = static_cast<int>(fit.shown.h);
    r.ground = ground;
    return r;
}

namespace {

std::string size_text(int w, int h) {
    return std::to_string(w) + "x" + std::to_string(h);
}

// What a decoder found against what the slide was laid out for.
bool size_holds(const PictureRequest& r, int w, int h, std::string* why) {
    if (w == r.width && h == r.height) return true;
    if (why)
        *why = "decodes as " + size_text(w, h) + " pixels, not the " +
               size_text(r.width, r.height) + " its header said";
    return false;
}

// libjpeg reports errors by calling error_exit, which must not return: it jumps back to the
// decode. Corrupt data is only a warning to libjpeg (it fills the rest in grey), which would put
// a half-grey photograph on screen: any warning fails the decode too.
struct JpegErrors {
    jpeg_error_mgr mgr;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
    bool warned;
};

void jpeg_fail(j_common_ptr cinfo) {
    auto* e = reinterpret_cast<JpegErrors*>(cinfo->err);
    e->mgr.format_message(cinfo, e->message);
    std::longjmp(e->jump, 1);
}

void jpeg_note(j_common_ptr cinfo, int level) {
    auto* e = reinterpret_cast<JpegErrors*>(cinfo->err);
    if (level >= 0 || e->warned) return;  // trace messages; only the first warning is kept
    e->warned = true;
    e->mgr.format_message(cinfo, e->message);
}

// Reads the picture's rows into a resampler made for the scale libjpeg decodes at. Called
// inside decode_jpeg_rows's jump target: libjpeg errors leave it by longjmp.
int read_jpeg(jpeg_decompress_struct* cinfo, const PictureRequest* r, Resampler** resampler,
              std::vector<std::uint8_t>* row, JpegErrors* errors, int* seen_w, int* seen_h) {
    jpeg_read_header(cinfo, TRUE);
    *seen_w = static_cast<int>(cinfo->image_width);
    *seen_h = static_cast<int>(cinfo->image_height);
    if (*seen_w != r->width || *seen_h != r->height) return 2;
    if (cinfo->jpeg_color_space == JCS_CMYK || cinfo->jpeg_color_space == JCS_YCCK) return 3;
    cinfo->out_color_space = JCS_RGB;
    // The smallest eighth of the picture that still has a pixel for every pixel shown: the
    // DCT does the first and largest part of the shrinking, at a fraction of the work.
    const double need = std::max(r->out_width / std::max(1.0, static_cast<double>(r->source.w)),
                                 r->out_height / std::max(1.0, static_cast<double>(r->source.h)));
    cinfo->scale_num = std::clamp(static_cast<unsigned>(std::ceil(need * 8 - 1e-6)), 1u, 8u);
    cinfo->scale_denom = 8;
    jpeg_start_decompress(cinfo);
    const float sx = static_cast<float>(cinfo->output_width) / static_cast<float>(r->width);
    const float sy = static_cast<float>(cinfo->output_height) / static_cast<float>(r->height);
    *resampler =
        new Resampler(static_cast<int>(cinfo->output_width), static_cast<int>(cinfo->output_height),
                      r->source.x * sx, r->source.y * sy, r->source.w * sx, r->source.h * sy,
                      r->out_width, r->out_height, r->ground);
    row->resize(static_cast<size_t>(cinfo->output_width) * 3);
    // Every row is decoded, those the picture's crop leaves out too: a file cut short or
    // garbled anywhere is refused rather than shown in part.
    while (cinfo->output_scanline < cinfo->output_height && !errors->warned) {
        JSAMPROW rows[1] = {row->data()};
        const int y = static_cast<int>(cinfo->output_scanline);
        if (jpeg_read_scanlines(cinfo, rows, 1) != 1) break;
        (*resampler)->push_row(y, row->data(), 3);
    }
    if (!errors->warned) jpeg_finish_decompress(cinfo);
    return errors->warned ? 1 : 0;
}

// Only the decompressor lives in this frame, so the jump out of libjpeg skips no destructor.
// 0 when decoded, 1 on a libjpeg error or warning (message in `errors`), 2 when the picture is
// not the size the slide was laid out for, 3 for colours it cannot show.
int decode_jpeg_rows(std::FILE* in, const PictureRequest* r, Resampler** resampler,
                     std::vector<std::uint8_t>* row, JpegErrors* errors, int* seen_w, int* seen_h) {
    jpeg_decompress_struct cinfo;
    cinfo.err = jpeg_std_error(&errors->mgr);
    errors->mgr.error_exit = jpeg_fail;
    errors->mgr.emit_message = jpeg_note;
    errors->warned = false;
    if (setjmp(errors->jump)) {
        jpeg_destroy_decompress(&cinfo);
        return 1;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_stdio_src(&cinfo, in);
    const int status = read_jpeg(&cinfo, r, resampler, row, errors, seen_w, seen_h);
    jpeg_destroy_decompress(&cinfo);
    return status;
}

// Opens a regular file without blocking on a FIFO or device planted under the picture's name.
std::FILE* open_regular(const std::filesystem::path& path, std::string* why) {
    std::uint64_t size = 0;
    std::string problem;
    const int fd = model::open_regular_file(path.string(), size, problem);
    if (fd < 0) {
        if (why) *why = problem;
        return nullptr;
    }
    std::FILE* f = fdopen(fd, "rb");
    if (!f) close(fd);
    return f;
}

std::optional<Picture> decode_jpeg(const PictureRequest& r, std::string* why) {
    std::unique_ptr<std::FILE, decltype(&std::fclose)> in(open_regular(r.path, why), &std::fclose);
    if (!in) return std::nullopt;
    Resampler* raw = nullptr;
    std::vector<std::uint8_t> row;
    JpegErrors errors{};
    int w = 0, h = 0;
    const int status = decode_jpeg_rows(in.get(), &r, &raw, &row, &errors, &w, &h);
    std::unique_ptr<Resampler> resampler(raw);
    if (status == 1) {
        if (why) *why = std::string("does not decode as a JPEG: ") + errors.message;
        return std::nullopt;
    }
    if (status == 2) {
        size_holds(r, w, h, why);
        return std::nullopt;
    }
    if (status == 3) {
        if (why) *why = "is a CMYK JPEG; save it as RGB to show it";
        return std::nullopt;
    }
    return Picture{r.out_width, r.out_height, resampler->take()};
}

struct SurfaceDeleter {
    void operator()(SDL_Surface* s) const { SDL_FreeSurface(s); }
};

std::optional<Picture> decode_with_sdl_image(const PictureRequest& r, std::string* why) {
    std::FILE* in = open_regular(r.path, why);
    if (!in) return std::nullopt;
    SDL_RWops* rw = SDL_RWFromFP(in, SDL_TRUE);
    if (!rw) {
        std::fclose(in);
        if (why) *why = std::string("cannot be read: ") + SDL_GetError();
        return std::nullopt;
    }
    std::unique_ptr<SDL_Surface, SurfaceDeleter> surface(IMG_Load_RW(rw, 1));
    if (!surface) {
        if (why) *why = std::string("does not decode: ") + IMG_GetError();
        return std::nullopt;
    }
    if (!size_holds(r, surface->w, surface->h, why)) return std::nullopt;
    const Uint32 format = surface->format->format;
    if (format != SDL_PIXELFORMAT_RGB24 && format != SDL_PIXELFORMAT_RGBA32) {
        // Palettes and grey: SDL2_image keeps them as they are in the file.
        surface.reset(SDL_ConvertSurfaceFormat(surface.get(), SDL_PIXELFORMAT_RGBA32, 0));
        if (!surface) {
            if (why) *why = std::string("cannot be converted: ") + SDL_GetError();
            return std::nullopt;
        }
    }
    const int channels = surface->format->BytesPerPixel;
    Resampler resampler(surface->w, surface->h, r.source.x, r.source.y, r.source.w, r.source.h,
                        r.out_width, r.out_height, r.ground);
    for (int y = 0; y < surface->h && !resampler.done(); ++y)
        resampler.push_row(
            y, static_cast<const std::uint8_t*>(surface->pixels) + y * surface->pitch, channels);
    return Picture{r.out_width, r.out_height, resampler.take()};
}

}  // namespace

std::optional<Picture> decode_picture(const PictureRequest& r, std::string* why) {
    // The file is looked at again: it may have changed since the deck was read.
    const auto header = model::check_image_file(r.path.string(), why);
    if (!header) return std::nullopt;
    if (!size_holds(r, header->width, header->height, why)) return std::nullopt;
    if (r.out_width <= 0 || r.out_height <= 0 ||
        static_cast<std::int64_t>(r.out_width) * r.out_height > (1 << 26)) {
        if (why) *why = "has no room to be drawn";
        return std::nullopt;
    }
    if (header->format == model::ImageHeader::Format::Jpeg) return decode_jpeg(r, why);
    if (header->format == model::ImageHeader::Format::WebP && !(IMG_Init(0) & IMG_INIT_WEBP) &&
        !(IMG_Init(IMG_INIT_WEBP) & IMG_INIT_WEBP)) {
        if (why) *why = "is a WebP image, and this machine's SDL2_image cannot read WebP";
        return std::nullopt;
    }
    return decode_with_sdl_image(r, why);
}

}  // namespace kiosk::render
