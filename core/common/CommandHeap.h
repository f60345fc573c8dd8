// How a headless command's memory is laid out. A command runs for a fraction of a second and then
// ends: it allocates a lot (the records of 100,000 entries, a report, its JSON) and frees nothing.
// Touching that memory a 4 KiB page at a time is where much of its time went (about 24,000 page
// faults for a 100,000-entry --quick inspect); the same memory in 2 MiB pages takes a few hundred.
#pragma once

namespace wb {

// Before the command allocates: the heap grows in large steps and is not trimmed back; where the
// kernel offers transparent huge pages (enabled "always" or "madvise"), the heap is asked for them,
// and with "madvise", where the threads' own arenas would not get them, all threads share the one
// heap that does. Does nothing on a C library other than glibc. Meant for short processes only: a
// long-lived one (the window) keeps the defaults, which give memory back.
void prepareHeapForCommand();

} // namespace wb
