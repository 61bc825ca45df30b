#include "pneumoplan/core/state_archive.hpp"

#include "pneumoplan/core/error.hpp"

namespace pneumo {

std::string_view state_element_name(StateElement element) {
  switch (element) {
    case StateElement::U8: return "uint8";
    case StateElement::I8: return "int8";
    case StateElement::U16: return "uint16";
    case StateElement::I16: return "int16";
    case StateElement::U32: return "uint32";
    case StateElement::I32: return "int32";
    case StateElement::U64: return "uint64";
    case StateElement::I64: return "int64";
    case StateElement::F32: return "float32";
    case StateElement::F64: return "float64";
  }
  return "?";
}

std::size_t state_element_bytes(StateElement element) {
  switch (element) {
    case StateElement::U8: case StateElement::I8: return 1;
    case StateElement::U16: case StateElement::I16: return 2;
    case StateElement::U32: case StateElement::I32: case StateElement::F32: return 4;
    case StateElement::U64: case StateElement::I64: case StateElement::F64: return 8;
  }
  return 0;
}

void StateArchive::put_column(const std::string& name, Column column) {
  if (column.bytes.size() != column.count * state_element_bytes(column.element)) {
    throw IoError("saved state: column " + name + " holds " + std::to_string(column.bytes.size()) + " bytes, expected " +
                  std::to_string(column.count) + " × " + std::to_string(state_element_bytes(column.element)));
  }
  columns_[name] = std::move(column);
}

std::size_t StateArchive::bytes() const {
  std::size_t total = 0;
  for (const auto& [name, column] : columns_) total += column.bytes.size();
  return total;
}

const StateArchive::Column& StateArchive::find(const std::string& name, StateElement element) const {
  const auto it = columns_.find(name);
  if (it == columns_.end()) {
    throw IoError("saved state: no column " + name + " (a state saved by another version of pneumoplan?)");
  }
  if (it->second.element != element) {
    throw IoError("saved state: column " + name + " holds " + std::string(state_element_name(it->second.element)) +
                  ", expected " + std::string(state_element_name(element)));
  }
  return it->second;
}

void StateArchive::throw_wrong_count(const std::string& name, std::size_t count) {
  throw IoError("saved state: column " + name + " holds " + std::to_string(count) + " values, expected 1");
}

void StateArchive::throw_lengths_mismatch(const std::string& name) {
  throw IoError("saved state: the lengths in " + name + "_length do not add up to the values of " + name);
}

}  // namespace pneumo
