#pragma once
// Reading a whole file that someone else may have put in place: the operator's slides, the
// kiosk's own cache. It is opened without blocking, so a FIFO or a device where a file should
// be cannot hang the reader, and its size is checked before anything is read.

#include <cstdint>
#include <string>

namespace kiosk::model {

// The file's whole contents in `text`, if it is a regular file of at most `limit` bytes; else
// false, with `why` saying what is wrong in words that follow the file's name.
bool read_small_file(const std::string& path, std::uint64_t limit, std::string& text,
                     std::string& why);

// The file opened for reading without blocking on a FIFO or a device planted under its name: a
// descriptor of a regular file, its size in `size`; or -1, with `why` ("cannot be read: …", "is
// not a regular file").
int open_regular_file(const std::string& path, std::uint64_t& size, std::string& why);

}  // namespace kiosk::model
