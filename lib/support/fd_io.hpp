// Reading and writing file descriptors with the retry on EINTR in one place: a signal that
// interrupts a read or a write (SIGCHLD, SIGWINCH, a profiler's timer) is never taken for an
// error or for the end of a file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <sys/types.h>

namespace poolkit {

// One read(2) or pread(2) (when `at` >= 0) of at most `n` bytes, retried on EINTR: the bytes
// read, 0 at the end of the file, or -1 with errno set.
ssize_t read_some(int fd, char* buf, std::size_t n, off_t at = -1);

// Reads until `n` bytes or the end of the file (pread from `at` when `at` >= 0): the bytes read
// (fewer than `n` only at the end), or -1 with errno set.
ssize_t read_full(int fd, char* buf, std::size_t n, off_t at = -1);

// Writes all of `data` (pwrite at `at` when `at` >= 0): 0, or the errno of the write that failed
// (ENOSPC when a write makes no progress).
int write_all(int fd, std::string_view data, off_t at = -1);

} // namespace poolkit
