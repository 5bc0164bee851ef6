// A tool's command line in two parts (SPEC §5): the options that only choose where and how the
// output goes, and the rest, which shape the result. A statement records the rest so that
// pool-verify can run the tool again; the files the output options name are what the run writes,
// and every path the rest names may be something it reads, so the two must never meet.
#pragma once

#include "support/same_file.hpp"

#include <string>
#include <vector>

namespace poolkit::cli {

struct SplitArguments {
    // argv[1..] without -o/--output, --format, --table, --rejects and --threads, in each form
    // ("--format json", "--format=json", "-o FILE", "-oFILE", and -o within a bundle of short
    // options such as "-ho FILE").
    std::vector<std::string> recorded;
    std::vector<OutputArgument> outputs; // the values of -o/--output and --rejects, in order
};

SplitArguments split_arguments(int argc, const char* const* argv);

// split_arguments(argc, argv).recorded.
std::vector<std::string> recorded_arguments(int argc, const char* const* argv);

// Everything in `arguments` that may name a file: each value ("a.toml", "-", the value of
// "--paid=p.csv", both sides of "icb.csv=icb-oracle"), not the option names. A value that is not a
// path ("P06") is there too; whether something exists at a path is for the caller to ask.
std::vector<std::string> named_paths(const std::vector<std::string>& arguments);

// check_outputs (support/same_file.hpp) for a command line: every path its recorded arguments
// name is taken for an input, and standard output is an output unless -o says otherwise.
void check_outputs(int argc, const char* const* argv);

// The outputs that check_outputs found on this process's command line (standard output among
// them when no -o was given): for checking inputs found later, such as a workspace's files.
const std::vector<OutputArgument>& command_line_outputs();

} // namespace poolkit::cli
