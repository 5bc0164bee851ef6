// Fuzz target: the CSV ledger reader with the default layout (SPEC §4:
// date,ref,partner,scheme,cost_centre,description,amount, ISO dates). The input is the ledger file.
#include "ledger_fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view csv(size ? reinterpret_cast<const char*>(data) : "", size);
    fuzz::fuzz_ledger(csv, poolkit::LedgerSpec{});
    return 0;
}
