#include "readers/reject_spill.hpp"

#include <tuple>

namespace poolkit {

void RejectSpill::begin(std::uint32_t file, std::uint64_t line, RejectReason kind,
                        std::string_view reason, std::optional<std::int64_t> pence,
                        std::uint32_t fields) {
    spill_.put_u32(file);
    spill_.put_u64(line);
    char flags[2] = {static_cast<char>(kind), static_cast<char>(pence ? 1 : 0)};
    spill_.put(flags, 2);
    spill_.put_u64(static_cast<std::uint64_t>(pence.value_or(0)));
    spill_.put_str(reason);
    spill_.put_u32(fields);
    ++count_;
    if (fields > max_fields_) max_fields_ = fields;
}

void SpilledRejects::add(RejectSpill s) {
    count_ += s.count_;
    if (s.max_fields_ > max_fields_) max_fields_ = s.max_fields_;
    if (s.count_ > 0) spills_.push_back(std::move(s));
}

namespace {
struct Record {
    std::uint32_t file = 0;
    RejectedLine line;
};
} // namespace

void SpilledRejects::visit(const std::function<bool(const RejectedLine&)>& fn) const {
    std::vector<const Spill*> spills;
    for (const auto& s : spills_)
        spills.push_back(&s.spill_);
    auto read = [&](Spill::Cursor& c, Record& r) {
        r.file = c.get_u32();
        r.line.line = c.get_u64();
        char flags[2];
        c.get(flags, 2);
        r.line.kind = static_cast<RejectReason>(flags[0]);
        auto pence = static_cast<std::int64_t>(c.get_u64());
        r.line.amount.reset();
        if (flags[1]) r.line.amount = Money::from_pence(pence);
        c.get_str(r.line.reason);
        r.line.fields.resize(c.get_u32());
        for (auto& f : r.line.fields)
            c.get_str(f);
        if (r.line.file != paths_[r.file]) r.line.file = paths_[r.file];
    };
    auto place = [](const Record& r) { return std::tie(r.file, r.line.line); };
    merge_in_order<Record>(spills, read, place, [&](const Record& r) { return fn(r.line); });
}

void SpilledRejects::for_each(const std::function<void(const RejectedLine&)>& fn) const {
    visit([&](const RejectedLine& r) {
        fn(r);
        return true;
    });
}

std::vector<RejectedLine> SpilledRejects::first(std::uint64_t n) const {
    std::vector<RejectedLine> out;
    if (n == 0) return out;
    visit([&](const RejectedLine& r) {
        out.push_back(r);
        return out.size() < n;
    });
    return out;
}

} // namespace poolkit
