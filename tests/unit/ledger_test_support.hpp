// Shared helpers of the ledger reader tests: a temporary directory for ledger files, and a small
// agreement built by hand (partners ICB, BRISTOL; schemes S01, S02; year 2025-26).
#pragma once

#include "loaded_agreement.hpp"
#include "model/agreement.hpp"
#include "readers/ledger_reader.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace poolkit::test {

class TempDir {
  public:
    TempDir() {
        std::string t = (std::filesystem::temp_directory_path() / "poolkit-ledger-XXXXXX").string();
        path_ = ::mkdtemp(t.data());
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    // Writes `bytes` to a file in the directory and returns its path.
    std::string file(const std::string& name, const std::string& bytes) const {
        std::string p = path_ + "/" + name;
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

// Partners ICB (the host) and BRISTOL, schemes S01 and S02, the year 2025-26.
inline Agreement small_agreement() {
    return loaded_agreement(R"(
[agreement]
id = "T"
title = "Test"
kind = "pooled"
legal_basis = "NHS Act 2006 s75"
financial_year = "2025-26"
host = "ICB"

[[partner]]
id = "ICB"
name = "ICB"
sector = "nhs"

[[partner]]
id = "BRISTOL"
name = "BRISTOL"
sector = "local_authority"

[[scheme]]
id = "S01"
name = "S01"
budget = "1200.00"
contributions = { ICB = "50%", BRISTOL = "50%" }

[[scheme]]
id = "S02"
name = "S02"
budget = "1200.00"
contributions = { ICB = "50%", BRISTOL = "50%" }
)");
}

inline LedgerOptions one_thread() {
    LedgerOptions o;
    o.threads = 1;
    return o;
}

inline std::vector<LedgerSpec> specs(std::initializer_list<std::string> paths) {
    std::vector<LedgerSpec> out;
    for (const auto& p : paths) {
        LedgerSpec s;
        s.path = p;
        out.push_back(s);
    }
    return out;
}

} // namespace poolkit::test
