#include "kiosk/model/diagnostic.hpp"

#include <algorithm>
#include <tuple>

#include "kiosk/model/limits.hpp"
#include "kiosk/model/printable.hpp"

namespace kiosk::model {

std::string Diagnostic::to_string() const {
    // Values inside messages are already escaped where they are quoted; this is the last guard
    // that keeps a diagnostic on one line whatever went into it.
    std::string text = message;
    for (char& c : text)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    return printable(file, 200) + ":" + std::to_string(pos.line) + ":" +
           std::to_string(pos.column) + ": " +
           (severity == Severity::Error ? "error: " : "warning: ") + text;
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
    const auto begin = diagnostics_.begin() + static_cast<std::ptrdiff_t>(first_);
    const bool usable = std::none_of(begin, diagnostics_.end(), [](const Diagnostic& d) {
        return d.severity == Diagnostic::Severity::Error;
    });
    // A file of a thousand mistakes is fixed from the top: the first ones and a count say it.
    const size_t count = diagnostics_.size() - first_;
    if (count > limits::kDiagnosticsPerFile) {
        Diagnostic more = diagnostics_[first_ + limits::kDiagnosticsPerFile];
        more.message = "and " + std::to_string(count - limits::kDiagnosticsPerFile) +
                       " more problems in this file";
        more.severity = usable ? Diagnostic::Severity::Warning : Diagnostic::Severity::Error;
        diagnostics_.resize(first_ + limits::kDiagnosticsPerFile);
        diagnostics_.push_back(std::move(more));
    }
    return usable;
}

}  // namespace kiosk::model
