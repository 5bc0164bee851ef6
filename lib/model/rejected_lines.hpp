// Every rejected line of a ledger run, in file then line order (SPEC §4). There may be far more of
// them than fit in memory (SPEC §8: memory does not grow with the rejects), so they are not a
// vector but something that can be read through, one line at a time, as often as needed.
#pragma once

#include "model/reject_reason.hpp"
#include "money/money.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace poolkit {

// A ledger line that was not accepted, with its place and why (SPEC §4).
struct RejectedLine {
    std::string file;
    std::uint64_t line = 0; // physical line where the record starts (the header is line 1)
    RejectReason kind = RejectReason::bad_quoting;
    std::string reason;              // its words and what was wrong (ledger_reasons.hpp)
    std::vector<std::string> fields; // as they were in the file (unquoted)
    std::optional<Money> amount;     // when the amount could be read
};

class RejectedLines {
  public:
    virtual ~RejectedLines() = default;
    virtual std::uint64_t size() const = 0;
    // The most fields any of them has (the width of the rejects file).
    virtual std::size_t max_fields() const = 0;
    // Calls fn with each rejected line in order. The reference is valid only during the call.
    virtual void for_each(const std::function<void(const RejectedLine&)>& fn) const = 0;
};

// Rejected lines held in memory (a small run, a test).
class RejectedLineList : public RejectedLines {
  public:
    explicit RejectedLineList(const std::vector<RejectedLine>& lines) : lines_(lines) {}
    std::uint64_t size() const override { return lines_.size(); }
    std::size_t max_fields() const override {
        std::size_t n = 0;
        for (const auto& r : lines_)
            n = r.fields.size() > n ? r.fields.size() : n;
        return n;
    }
    void for_each(const std::function<void(const RejectedLine&)>& fn) const override {
        for (const auto& r : lines_)
            fn(r);
    }

  private:
    const std::vector<RejectedLine>& lines_;
};

} // namespace poolkit
