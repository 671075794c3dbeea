// An allocator for the large, randomly probed weight tables of the trained
// models (the parser's transition table is 8 MB, the taggers' a few MB).
//
// Scoring looks up each feature at a random place in such a table, so with
// 4 KB pages nearly every lookup also misses the TLB: the tables span
// thousands of pages, more than the TLB holds. Asking the kernel for 2 MB
// pages (madvise MADV_HUGEPAGE, honoured when transparent huge pages are
// "always" or "madvise", Debian's default) makes the whole table a handful
// of TLB entries. Allocations under 2 MB, and systems without madvise, get
// ordinary memory; the result is the same either way, only faster.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace tempora::detail {

template <class T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr std::size_t kHugePage = std::size_t{2} << 20;

  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

  T* allocate(std::size_t n) {
    if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
    const std::size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) {
      if (void* p = std::malloc(bytes == 0 ? 1 : bytes)) return static_cast<T*>(p);
      throw std::bad_alloc();
    }
    // Whole huge pages, aligned to one, advised before the first touch (a
    // page already faulted in stays small).
    const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (p == nullptr) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    madvise(p, rounded, MADV_HUGEPAGE);  // advice only: failure leaves small pages
#endif
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t) noexcept { std::free(p); }

  template <class U>
  bool operator==(const HugePageAllocator<U>&) const noexcept {
    return true;
  }
};

}  // namespace tempora::detail
