// Reading a small input (an agreement, a profile, a paid file) whole, with its InputFile record.
// "-" is standard input. A missing file, a directory or an unreadable file is Error(input): the
// tool exits 2 with a message naming the path and what to do.
#pragma once

#include "model/input_file.hpp"

#include <string>

namespace poolkit {

struct InputText {
    std::string text;
    InputFile record;
};

InputText read_input(const std::string& path, const std::string& role);

// Opens a file to read (never standard input): its descriptor, or Error(input) "cannot open the
// <role> file: why", with a hint when it does not exist.
int open_input_file(const std::string& path, const std::string& role);

} // namespace poolkit
