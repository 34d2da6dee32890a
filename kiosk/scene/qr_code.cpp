#include "kiosk/scene/qr_code.hpp"

#include <qrencode.h>

#include <memory>

namespace kiosk::scene {

std::optional<QrModules> encode_qr(const std::string& url, std::string* why) {
    // Byte mode, case kept: a URL's path and query are case-sensitive.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(url.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code || code->version > kQrMaxVersion) {
        if (why)
            *why = "is " + std::to_string(url.size()) +
                   " bytes, too long for a QR code a phone reads from across the room (at most "
                   "213)";
        return std::nullopt;
    }
    QrModules out;
    out.version = code->version;
    out.size = code->width;
    out.dark.resize(static_cast<size_t>(out.size) * out.size);
    for (size_t i = 0; i < out.dark.size(); ++i) out.dark[i] = (code->data[i] & 1) != 0;
    return out;
}

}  // namespace kiosk::scene
