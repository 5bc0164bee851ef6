// A small CSV file of named columns beside the ledgers: the cash register (SPEC §10), the
// commitments register (§12) and the like. What every such file shares is read here once: a UTF-8
// BOM, RFC 4180 quoting (§4's scanner), a header whose names are matched without case and
// surrounding blanks in any order (unknown, unnamed, repeated or missing columns are Error(input)
// at their place, with a "did you mean"), and the rows that cannot be read field by field (bad
// quoting, a bare CR, the wrong number of fields). Each file's reader says what its fields mean.
#pragma once

#include "model/agreement.hpp"
#include "model/input_file.hpp"
#include "readers/ledger_csv.hpp"
#include "readers/ledger_reasons.hpp"
#include "readers/profile_layout.hpp"
#include "support/error.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace poolkit {

// The columns a file may have, in the reader's own order; the first `required` must be present.
struct RegisterLayout {
    std::span<const std::string_view> names;
    std::size_t required;
    std::string_view what;    // "the cash register": names the file in messages
    std::string_view example; // the header as a message suggests it
};

// Another layout of the same file, from a profile (SPEC §11): its [profile] layout and, for each
// of the reader's columns, the export's header name ("" keeps the reader's own name). With a
// profile the export's other columns are ignored, as a ledger's are.
struct RegisterProfile {
    ProfileLayout layout;
    std::vector<std::string> headers; // one per RegisterLayout::names entry
    std::string file;                 // the profile's path, for messages
};

// One data row, with its line; `problem` is set when its fields cannot be read one by one (the
// reader rejects it whole, column 0).
struct RegisterRow {
    const CsvRecord* record = nullptr;
    std::uint64_t line = 0;
    std::string problem;
};

// A row that was not accepted: its place, why, its fields as they were and its amount when that
// could be read (SPEC §4's rejected line, for a register).
struct RegisterReject {
    std::string file;
    std::uint64_t line = 0;
    long column = 0; // of the field at fault; 0: the row as a whole
    std::string reason;
    std::vector<std::string> fields;
    std::optional<Money> amount;
    SourceLocation where() const { return {file, static_cast<long>(line), column}; }
};

class RegisterReader {
  public:
    // Reads the header of `text` (after the lines the profile skips, if one is given): throws
    // Error(input) at its place when it is missing or wrong.
    RegisterReader(std::string_view text, const std::string& file, const RegisterLayout& layout,
                   const RegisterProfile* profile = nullptr);
    RegisterReader(const RegisterReader&) = delete;
    RegisterReader& operator=(const RegisterReader&) = delete;

    // The next data row (blank rows skipped); false at the end of the file.
    bool next(RegisterRow& row);

    const std::vector<std::string>& header() const { return header_; }
    bool has(std::size_t col) const { return col_[col] >= 0; }
    // A field of the current row by column ("" when the file has no such column).
    std::string field(const RegisterRow& row, std::size_t col) const;
    bool quoted(const RegisterRow& row, std::size_t col) const;
    // The 1-based column number in the file, for messages (0 when absent).
    long column(std::size_t col) const { return col_[col] + 1; }
    // Every field of the row as read (for a rejected row's record).
    static std::vector<std::string> fields(const RegisterRow& row);

  private:
    void read_header(const CsvRecord& r);

    // The name the header gives column c: the profile's, else the reader's own.
    std::string_view name_of(std::size_t c) const;

    const std::string& file_;
    const RegisterLayout& layout_;
    const RegisterProfile* profile_;
    std::string buf_; // the text with the scanner's padding
    std::optional<CsvScanner> scan_;
    CsvRecord rec_;
    std::uint64_t line_ = 1;
    std::uint64_t header_line_ = 1;
    std::uint32_t ncols_ = 0;
    std::vector<std::string> header_;
    std::vector<int> col_;
};

// total += amount, checked (SPEC §2): beyond int64 pence is Error(arithmetic) at the row `at`,
// naming the row's `what` ("weekly cost") and the `total` it was added to ("the register's
// total").
void add_to_total(Money& total, Money amount, const SourceLocation& at, std::string_view what,
                  std::string_view total_name);

// Why `id` names no partner of `a` (with the partners listed and a "did you mean"), for a reject.
std::string unknown_partner(const Agreement& a, std::string_view id);
// The same for a scheme.
std::string unknown_scheme(const Agreement& a, std::string_view id);

} // namespace poolkit
