// Shared helpers of the ledger reader tests: a temporary directory for ledger files, and a small
// agreement built by hand (partners ICB, BRISTOL; schemes S01, S02; year 2025-26).
#pragma once

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

inline Agreement small_agreement() {
    Agreement a;
    a.id = "T";
    a.title = "Test";
    a.year = FinancialYear::starting(2025);
    for (const char* id : {"ICB", "BRISTOL"}) {
        Partner p;
        p.id = id;
        a.partners.push_back(p);
    }
    for (const char* id : {"S01", "S02"}) {
        Scheme s;
        s.id = id;
        a.schemes.push_back(s);
    }
    return a;
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
