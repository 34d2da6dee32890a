#pragma once
// content/counter.json: the counter's labels and the value shown before any feed has answered.

#include <optional>
#include <string>

#include "kiosk/model/counter_config.hpp"
#include "kiosk/model/diagnostic.hpp"

namespace kiosk::model {

std::optional<CounterContent> parse_counter_content(const std::string& file,
                                                    Diagnostics& diagnostics);

}  // namespace kiosk::model
