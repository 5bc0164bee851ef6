// The rejected lines of a ledger run on their way out (SPEC §8: memory does not grow with the
// rejects). Each parsing thread writes the lines it rejects to a spill of its own as it finds
// them; a thread takes its blocks in file order, so each spill is in (file, line) order, and
// reading them all back merged gives the rejects in order whatever the threads did.
#pragma once

#include "model/rejected_lines.hpp"
#include "readers/spill.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

class RejectSpill {
  public:
    // Starts a rejected line's record (`reason`: its full words); then exactly `fields` calls
    // of field().
    void begin(std::uint32_t file, std::uint64_t line, RejectReason kind, std::string_view reason,
               std::optional<std::int64_t> pence, std::uint32_t fields);
    void field(std::string_view value) { spill_.put_str(value); }

    std::uint64_t count() const { return count_; }
    std::size_t max_fields() const { return max_fields_; }

  private:
    friend class SpilledRejects;
    Spill spill_;
    std::uint64_t count_ = 0;
    std::size_t max_fields_ = 0;
};

// Every rejected line of a run, read back from the spills in (file, line) order.
class SpilledRejects : public RejectedLines {
  public:
    // `paths`: the ledger files by index (a record holds the index).
    explicit SpilledRejects(std::vector<std::string> paths) : paths_(std::move(paths)) {}
    void add(RejectSpill s);

    std::uint64_t size() const override { return count_; }
    std::size_t max_fields() const override { return max_fields_; }
    void for_each(const std::function<void(const RejectedLine&)>& fn) const override;
    // The first n in order.
    std::vector<RejectedLine> first(std::uint64_t n) const;

  private:
    void visit(const std::function<bool(const RejectedLine&)>& fn) const; // false: stop
    std::vector<std::string> paths_;
    std::vector<RejectSpill> spills_;
    std::uint64_t count_ = 0;
    std::size_t max_fields_ = 0;
};

} // namespace poolkit
