#pragma once
// One problem found in an operator's file, reported as `FILE:LINE:COL: severity: message`, the
// form compilers use, so editors and terminals make it clickable.

#include <string>
#include <vector>

namespace kiosk::model {

struct SourcePos {
    int line = 1;    // 1-based
    int column = 1;  // 1-based, counted in Unicode code points
};

struct Diagnostic {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    std::string file;
    SourcePos pos;
    std::string message;

    std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& diagnostics);
size_t count_errors(const Diagnostics& diagnostics);
// Orders diagnostics[from…] by file, line and column, the order an operator fixes them in.
void sort_by_position(Diagnostics& diagnostics, size_t from = 0);

// Brackets the diagnostics of one file being read: finish() puts them in order and tells whether
// the file is usable (no error among them; warnings are fine).
class DiagnosticScope {
  public:
    explicit DiagnosticScope(Diagnostics& diagnostics)
        : diagnostics_(diagnostics), first_(diagnostics.size()) {}
    bool finish();

  private:
    Diagnostics& diagnostics_;
    size_t first_;
};

}  // namespace kiosk::model
