#include "kiosk/model/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace kiosk::model {

std::string Diagnostic::to_string() const {
    return file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " +
           (severity == Severity::Error ? "error: " : "warning: ") + message;
}

size_t count_errors(const Diagnostics& diagnostics) {
    return std::count_if(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
        return d.severity == Diagnostic::Severity::Error;
    });
}

bool has_errors(const Diagnostics& diagnostics) {
    return count_errors(diagnostics) > 0;
}

void sort_by_position(Diagnostics& diagnostics, size_t from) {
    std::stable_sort(diagnostics.begin() + static_cast<std::ptrdiff_t>(from), diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return std::tie(a.file, a.pos.line, a.pos.column) <
                                std::tie(b.file, b.pos.line, b.pos.column);
                     });
}

bool DiagnosticScope::finish() {
    sort_by_position(diagnostics_, first_);
    return std::none_of(
        diagnostics_.begin() + static_cast<std::ptrdiff_t>(first_), diagnostics_.end(),
        [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; });
}

}  // namespace kiosk::model
