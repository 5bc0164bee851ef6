// The names of the JSON statements' schemas (SPEC §5: "poolkit.<kind>/<version>", version 2 for
// recon and settle, 1 for the others), in one place: the writers put them in their documents,
// pool-verify knows a statement by them and which tool makes it again, and the tests check them.
#pragma once

#include <array>
#include <string_view>

namespace poolkit::schema {

// What this poolkit writes.
inline constexpr std::string_view shares = "poolkit.shares/1";
inline constexpr std::string_view actuals = "poolkit.actuals/1";
inline constexpr std::string_view recon = "poolkit.recon/2";
inline constexpr std::string_view settle = "poolkit.settle/2";
inline constexpr std::string_view check = "poolkit.check/1";
// pool-verify's report: not a statement, so not one it verifies (it has no maker below).
inline constexpr std::string_view verify = "poolkit.verify/1";

// Earlier versions, still verified on the figures both versions carry (SPEC §5).
inline constexpr std::string_view recon_v1 = "poolkit.recon/1";
inline constexpr std::string_view settle_v1 = "poolkit.settle/1";

struct Maker {
    std::string_view schema;
    std::string_view tool; // the tool that writes it, which pool-verify runs again
};

// Every schema pool-verify knows, with its tool: pool-verify runs no other.
inline constexpr std::array<Maker, 7> makers{{{shares, "pool-shares"},
                                              {actuals, "pool-actuals"},
                                              {recon_v1, "pool-recon"},
                                              {recon, "pool-recon"},
                                              {settle_v1, "pool-settle"},
                                              {settle, "pool-settle"},
                                              {check, "pool-check"}}};

} // namespace poolkit::schema
