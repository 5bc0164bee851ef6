// A tool never writes over its own input (SPEC §5: -o is "never one of the run's own inputs"),
// nor two outputs to one file: the one place that decides whether two paths are the same file, by
// path, symbolic link or inode (a hard link, /dev/stdin, standard input redirected from a file).
#pragma once

#include <string>
#include <vector>

namespace poolkit {

// A file the run writes, as the command line gives it: {"-o", "s.json"}, {"--rejects", "r.csv"};
// the option is only for messages ("" is standard output by default).
struct OutputArgument {
    std::string option;
    std::string path;
};

// Throws Error(usage) naming both paths when an output is a regular file that is also an input,
// or two outputs are the same file to be replaced. `inputs` are paths as given ("-" is standard
// input; one that names nothing is skipped); an output "-" is standard output. Standard output
// given twice, a device or a FIFO is written to, not replaced, and may be named more than once.
void check_outputs(const std::vector<std::string>& inputs,
                   const std::vector<OutputArgument>& outputs);

} // namespace poolkit
