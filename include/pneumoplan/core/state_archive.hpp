// The state a simulation carries from one year to the next, as named columns of plain numbers: the worker
// table, the enterprises, the stations, the tallies that carry over and the results of the years run so far.
// Random numbers are counter-based (random_stream.hpp), so there is no generator state to keep. An archive
// taken at the start of a year and restored into a new Simulation of the same scenario (or of a package whose
// interventions act only from that year on: forked_runs.hpp) continues exactly as the original would have.
// The same archive is held in memory for forks and written to HDF5 by `run --save-state` (results/state_file).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace pneumo {

// The element types a column may hold; their names are those of the HDF5 file (docs/output-format.md).
enum class StateElement : std::uint8_t { U8, I8, U16, I16, U32, I32, U64, I64, F32, F64 };

std::string_view state_element_name(StateElement element);
std::size_t state_element_bytes(StateElement element);

// Enumerations are kept as their underlying numbers.
template <typename T, bool = std::is_enum_v<T>>
struct StateNumber {
  using type = T;
};
template <typename T>
struct StateNumber<T, true> {
  using type = std::underlying_type_t<T>;
};

template <typename T>
constexpr StateElement state_element_of() {
  using U = typename StateNumber<T>::type;
  static_assert(std::is_arithmetic_v<U> && !std::is_same_v<U, bool>, "a state column holds numbers");
  if constexpr (std::is_floating_point_v<U>) {
    static_assert(sizeof(U) == 4 || sizeof(U) == 8);
    return sizeof(U) == 4 ? StateElement::F32 : StateElement::F64;
  } else if constexpr (sizeof(U) == 1) {
    return std::is_signed_v<U> ? StateElement::I8 : StateElement::U8;
  } else if constexpr (sizeof(U) == 2) {
    return std::is_signed_v<U> ? StateElement::I16 : StateElement::U16;
  } else if constexpr (sizeof(U) == 4) {
    return std::is_signed_v<U> ? StateElement::I32 : StateElement::U32;
  } else {
    static_assert(sizeof(U) == 8);
    return std::is_signed_v<U> ? StateElement::I64 : StateElement::U64;
  }
}

class StateArchive {
 public:
  struct Column {
    StateElement element = StateElement::U8;
    std::size_t count = 0;
    std::vector<unsigned char> bytes;  // count × state_element_bytes(element), native byte order
  };

  template <typename T>
  void put(const std::string& name, const std::vector<T>& values) {
    Column column;
    column.element = state_element_of<T>();
    column.count = values.size();
    column.bytes.resize(values.size() * sizeof(T));
    if (!values.empty()) std::memcpy(column.bytes.data(), values.data(), column.bytes.size());
    put_column(name, std::move(column));
  }
  template <typename T>
  void put_value(const std::string& name, T value) {
    put(name, std::vector<T>{value});
  }

  // Throws IoError naming the column when it is missing or holds another element type (an archive of
  // another program version).
  template <typename T>
  void get(const std::string& name, std::vector<T>& values) const {
    const Column& column = find(name, state_element_of<T>());
    values.resize(column.count);
    if (column.count > 0) std::memcpy(values.data(), column.bytes.data(), column.bytes.size());
  }
  template <typename T>
  std::vector<T> get(const std::string& name) const {
    std::vector<T> values;
    get(name, values);
    return values;
  }
  // A column of exactly one value.
  template <typename T>
  T get_value(const std::string& name) const {
    const auto values = get<T>(name);
    if (values.size() != 1) throw_wrong_count(name, values.size());
    return values[0];
  }

  // Lists of different lengths (a queue of cases per county, the closures of each intervention): the values
  // one list after another in column `name`, the lengths in `name`_length.
  template <typename Lists>
  void put_lists(const std::string& name, const Lists& lists) {
    using T = std::decay_t<decltype(*std::begin(*std::begin(lists)))>;
    std::vector<std::uint32_t> lengths;
    std::vector<T> values;
    for (const auto& list : lists) {
      lengths.push_back(static_cast<std::uint32_t>(std::size(list)));
      values.insert(values.end(), std::begin(list), std::end(list));
    }
    put(name + "_length", lengths);
    put(name, values);
  }
  // Throws IoError when the lengths do not add up to the values.
  template <typename T>
  std::vector<std::vector<T>> get_lists(const std::string& name) const {
    const auto lengths = get<std::uint32_t>(name + "_length");
    const auto values = get<T>(name);
    std::vector<std::vector<T>> lists;
    std::size_t next = 0;
    for (const auto length : lengths) {
      if (values.size() - next < length) break;
      lists.emplace_back(values.begin() + static_cast<std::ptrdiff_t>(next),
                         values.begin() + static_cast<std::ptrdiff_t>(next + length));
      next += length;
    }
    if (lists.size() != lengths.size() || next != values.size()) throw_lengths_mismatch(name);
    return lists;
  }

  void put_column(const std::string& name, Column column);
  bool has(const std::string& name) const { return columns_.count(name) > 0; }
  const std::map<std::string, Column>& columns() const { return columns_; }
  std::size_t bytes() const;

 private:
  const Column& find(const std::string& name, StateElement element) const;
  [[noreturn]] static void throw_wrong_count(const std::string& name, std::size_t count);
  [[noreturn]] static void throw_lengths_mismatch(const std::string& name);

  std::map<std::string, Column> columns_;
};

}  // namespace pneumo
