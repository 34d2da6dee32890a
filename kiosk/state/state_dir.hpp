#pragma once
// The folder the kiosk writes to (the counter cache, screen.png, status.json, fetched decks).
// It is private to the user the kiosk runs as: created 0700, refused when it is a symbolic link
// or belongs to someone else, and never a shared temporary path. One running kiosk holds it at
// a time, through a lock file, so two screens never write over each other's files.

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::state {

class StateDir {
  public:
    // Creates the folder when missing (parents too) and makes it 0700. nullopt with `why` set
    // when it cannot be had safely.
    static std::optional<StateDir> open(const std::filesystem::path& dir, std::string* why);

    StateDir(StateDir&& other) noexcept;
    StateDir& operator=(StateDir&& other) noexcept;
    StateDir(const StateDir&) = delete;
    StateDir& operator=(const StateDir&) = delete;
    ~StateDir();  // releases the lock

    // Takes the single-instance lock for this process's life. False when another kiosk holds
    // it; `why` then names it (its process id) and the way out.
    bool lock(std::string* why);
    // Removes temporary files a killed kiosk left half written. Call once, holding the lock.
    void remove_leftovers() const;

    const std::filesystem::path& path() const { return path_; }

  private:
    explicit StateDir(std::filesystem::path path) : path_(std::move(path)) {}
    std::filesystem::path path_;
    int lock_fd_ = -1;
};

// Writes `data` to dir/name so that a reader, a crash or a power cut sees the old file or the
// new one, never half of one: a temporary file of a unique name made with O_EXCL (no planted
// file or link is ever followed, two writers never share one), mode 0600, then a rename.
// `durable` adds the fsyncs that make the rename survive a power cut (the counter cache);
// files rewritten often and worth nothing after a reboot (status.json) skip them.
// `mode` is the new file's (0600: private; a screenshot an operator asked for may be 0644).
bool write_file_atomically(const std::filesystem::path& dir, const std::string& name,
                           std::string_view data, bool durable, std::string* error,
                           mode_t mode = 0600);

}  // namespace kiosk::state
