// Transparent huge pages for the large tables of a simulation (the worker table: about 1 GB at national
// scale). With 4 KiB pages, first touching such a table costs a page fault per 4 KiB and the annual pass
// misses the TLB on most rows; 2 MiB pages cut both by 512. Advice only: where the kernel has no huge pages
// (or only for other regions), nothing changes, and no result ever depends on it.
#pragma once

#include <cstddef>
#include <vector>

namespace pneumo {

// Asks the kernel (Linux: madvise MADV_HUGEPAGE) to back the whole 2 MiB pages inside [data, data + bytes)
// with huge pages. Does nothing for smaller ranges or on other systems.
void advise_huge_pages(const void* data, std::size_t bytes);

// The same for a vector's whole reservation (its capacity, not only its size): call it right after
// reserve(), before the memory is first touched.
template <typename T>
void advise_huge_pages(const std::vector<T>& v) {
  advise_huge_pages(v.data(), v.capacity() * sizeof(T));
}

}  // namespace pneumo
