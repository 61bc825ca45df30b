// How a worker is employed. Migrant workers (农民工) have high turnover and return to a home township
// that may lie far from the workplace; dispatched workers (劳务派遣) are employed through an agency.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace pneumo {

enum class EmploymentType : std::uint8_t { Formal, Migrant, Dispatched };

inline constexpr std::size_t kEmploymentTypeCount = 3;

inline constexpr std::array<std::string_view, kEmploymentTypeCount> kEmploymentTypeNames = {"formal", "migrant",
                                                                                             "dispatched"};

}  // namespace pneumo
