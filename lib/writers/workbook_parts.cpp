#include "writers/workbook_parts.hpp"

namespace poolkit {

Workbook statement_workbook(const Agreement& a, const std::string& subject) {
    Workbook wb;
    wb.title = a.title + ", " + subject;
    wb.subject = subject;
    wb.company = a.host ? a.partners[*a.host].name : a.id;
    return wb;
}

Sheet inputs_sheet(const std::vector<InputFile>& inputs) {
    Sheet sheet{"Inputs", {"role", "path", "sha256", "bytes"}, {}};
    for (const InputFile& in : inputs)
        sheet.rows.push_back({SheetCell::of_text(in.role), SheetCell::of_text(in.path),
                              SheetCell::of_text(in.sha256),
                              SheetCell::of_count(static_cast<std::int64_t>(in.bytes))});
    return sheet;
}

std::time_t statement_time(const Agreement& a, Period p) {
    std::tm t{};
    t.tm_year = a.year.year_of(p) - 1900;
    t.tm_mon = p.month() - 1;
    t.tm_mday = days_in_month(a.year.year_of(p), p.month());
    return timegm(&t) + 24 * 60 * 60;
}

} // namespace poolkit
