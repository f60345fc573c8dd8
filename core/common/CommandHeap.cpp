#include "core/common/CommandHeap.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace wb {

#if defined(__GLIBC__)
namespace {

enum class HugePages { Never, Madvise, Always };

// The bracketed word of /sys/kernel/mm/transparent_hugepage/enabled ("always [madvise] never").
HugePages hugePageMode()
{
    if (prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0) == 1) // switched off for this process (some containers do)
        return HugePages::Never;
    FILE *f = std::fopen("/sys/kernel/mm/transparent_hugepage/enabled", "re");
    if (!f)
        return HugePages::Never;
    char line[128] = {};
    const bool read = std::fgets(line, sizeof line, f) != nullptr;
    std::fclose(f);
    if (!read)
        return HugePages::Never;
    if (std::strstr(line, "[always]"))
        return HugePages::Always;
    if (std::strstr(line, "[madvise]"))
        return HugePages::Madvise;
    return HugePages::Never;
}

constexpr std::size_t kHugePage = std::size_t(2) << 20;
constexpr int kHeapStep = 128 << 20;        // the heap grows by this much at a time (address space only)
constexpr int kLargestFromHeap = 32 << 20;  // glibc's ceiling: larger blocks are mapped on their own

// Grows the heap by one step now and asks for huge pages over it.
void adviseHugeHeap()
{
    void *volatile probe = std::malloc(std::size_t(16) << 20); // below kLargestFromHeap: from the heap
    std::free(probe);
    const auto top = reinterpret_cast<std::uintptr_t>(sbrk(0));
    const std::uintptr_t start = top - mallinfo2().arena;
    const std::uintptr_t from = (start + kHugePage - 1) & ~(kHugePage - 1), to = top & ~(kHugePage - 1);
    if (to > from)
        madvise(reinterpret_cast<void *>(from), to - from, MADV_HUGEPAGE);
}

} // namespace

void prepareHeapForCommand()
{
    mallopt(M_MMAP_THRESHOLD, kLargestFromHeap);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    mallopt(M_TOP_PAD, kHeapStep);
    const HugePages mode = hugePageMode();
    if (mode == HugePages::Never)
        return;
    adviseHugeHeap();
    // Threads allocate from arenas of their own, which get huge pages only with "always". With
    // "madvise" they would fault 4 KiB pages while holding their arena's lock; one shared heap in
    // huge pages is faster. (Without huge pages at all it is slower: then each thread keeps its own.)
    if (mode == HugePages::Madvise)
        mallopt(M_ARENA_MAX, 1);
}

#else

void prepareHeapForCommand() {}

#endif

} // namespace wb
