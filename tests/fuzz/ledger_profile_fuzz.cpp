// Fuzz target: a ledger profile (SPEC §4: column names, date format, delimiter, skipped title
// lines, fixed values, duplicate key) and a ledger read with it. The input is the profile's TOML,
// a line "----8<----", then the ledger file; without that line it is all profile and the ledger is
// empty. A profile that does not load is Error(input) with its place, and the ledger is not read.
#include "ledger_fuzz_support.hpp"

#include "readers/ledger_profile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view in(size ? reinterpret_cast<const char*>(data) : "", size);
    constexpr std::string_view cut = "\n----8<----\n";
    std::size_t at = in.find(cut);
    std::string profile_text(in.substr(0, at));
    std::string_view csv =
        at == std::string_view::npos ? std::string_view() : in.substr(at + cut.size());
    poolkit::LedgerSpec spec;
    try {
        spec.profile = poolkit::parse_ledger_profile(profile_text, "fuzz-profile.toml");
    } catch (const poolkit::Error& e) {
        FUZZ_CHECK(e.kind() == poolkit::ErrorKind::input);
        FUZZ_CHECK(e.where().file == "fuzz-profile.toml");
        return 0;
    }
    fuzz::fuzz_ledger(csv, spec);
    return 0;
}
