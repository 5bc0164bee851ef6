// `poolkit init --kind pooled|aligned|joint [--partners A,B,...]` (SPEC §5): writes a starter
// agreement.toml and pool.toml (writers/starter_files.hpp) into the working directory. It never
// overwrites: when either file exists it writes neither and exits 2.
#pragma once

namespace poolkit::cli {

// argv[0] is "init".
int poolkit_init(int argc, char** argv);

} // namespace poolkit::cli
