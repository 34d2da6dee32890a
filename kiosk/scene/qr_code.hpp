#pragma once
// A QR code for a URL (libqrencode), at error-correction level M, no larger than a phone reads
// from across a hall: the modules of a larger version would be too small at the size the scene
// gives the code, so a URL that needs one is refused rather than drawn unreadable.

#include <optional>
#include <string>
#include <vector>

namespace kiosk::scene {

struct QrModules {
    int version = 0;
    int size = 0;             // modules a side, without the quiet zone
    std::vector<bool> dark;   // size * size, row by row
};

// The largest version drawn: 57 modules a side, up to 213 bytes of URL at level M.
inline constexpr int kQrMaxVersion = 10;
inline constexpr int kQrQuietModules = 4;

// nullopt with `why` set when the URL cannot be encoded within kQrMaxVersion.
std::optional<QrModules> encode_qr(const std::string& url, std::string* why);

}  // namespace kiosk::scene
