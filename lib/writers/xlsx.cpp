#include "writers/xlsx.hpp"

#include "support/error.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unistd.h>

namespace poolkit {

namespace {

// A private directory for the workbook and libxlsxwriter's own temporary files, removed with it.
class ScratchDirectory {
  public:
    ScratchDirectory() {
        const char* base = std::getenv("TMPDIR");
        std::string pattern = std::string(base && *base ? base : "/tmp") + "/poolkit-xlsx-XXXXXX";
        if (!mkdtemp(pattern.data()))
            throw Error(ErrorKind::input, "cannot make a temporary directory for the workbook in " +
                                              pattern.substr(0, pattern.rfind('/')));
        path_ = pattern;
    }
    ~ScratchDirectory() {
        ::unlink(file().c_str());
        ::rmdir(path_.c_str());
    }
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;
    const std::string& path() const { return path_; }
    std::string file() const { return path_ + "/statement.xlsx"; }

  private:
    std::string path_;
};

std::string shown(const SheetCell& c) {
    switch (c.kind) {
    case SheetCell::Kind::money:
        return format_display(c.money);
    case SheetCell::Kind::count:
        return std::to_string(c.count);
    case SheetCell::Kind::text:
        break;
    }
    return c.text;
}

// Characters, as Excel's width counts them near enough for names and amounts.
double width_of(const std::string& s) {
    return static_cast<double>(display_width(s));
}

struct Formats {
    lxw_format* header;
    lxw_format* money;
    lxw_format* count;
    lxw_format* rag[3];
};

Formats make_formats(lxw_workbook* wb) {
    Formats f{};
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    f.money = workbook_add_format(wb);
    format_set_num_format(f.money, "#,##0.00;(#,##0.00)");
    f.count = workbook_add_format(wb);
    format_set_num_format(f.count, "0");
    // Excel's own Good, Neutral and Bad fills.
    const lxw_color_t fills[3] = {0xC6EFCE, 0xFFEB9C, 0xFFC7CE};
    for (int i = 0; i < 3; ++i) {
        f.rag[i] = workbook_add_format(wb);
        format_set_pattern(f.rag[i], LXW_PATTERN_SOLID);
        format_set_bg_color(f.rag[i], fills[i]);
    }
    return f;
}

void check(lxw_error e, const std::string& what) {
    if (e != LXW_NO_ERROR)
        throw Error(ErrorKind::input,
                    "cannot write the workbook (" + what + "): " + lxw_strerror(e));
}

void write_sheet(lxw_workbook* wb, const Formats& f, const Sheet& sheet) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
    if (!ws) throw Error(ErrorKind::invariant, "a sheet name Excel refuses: " + sheet.name);
    std::vector<double> widths(sheet.headers.size(), 8.0);
    for (std::size_t c = 0; c < sheet.headers.size(); ++c) {
        check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), sheet.headers[c].c_str(),
                                     f.header),
              sheet.name);
        widths[c] = std::max(widths[c], width_of(sheet.headers[c]) + 2);
    }
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
            const SheetCell& cell = sheet.rows[r][c];
            const auto col = static_cast<lxw_col_t>(c);
            lxw_error e = LXW_NO_ERROR;
            switch (cell.kind) {
            case SheetCell::Kind::money:
                e = worksheet_write_number(
                    ws, row, col, static_cast<double>(cell.money.pence()) / 100.0, f.money);
                break;
            case SheetCell::Kind::count:
                e = worksheet_write_number(ws, row, col, static_cast<double>(cell.count), f.count);
                break;
            case SheetCell::Kind::text: {
                if (cell.text.empty() && !cell.rag) break;
                const std::string text =
                    starts_like_formula(cell.text) ? "'" + cell.text : cell.text;
                lxw_format* fill = cell.rag ? f.rag[static_cast<int>(*cell.rag)] : nullptr;
                e = worksheet_write_string(ws, row, col, text.c_str(), fill);
                break;
            }
            }
            check(e, sheet.name);
            if (c < widths.size()) widths[c] = std::max(widths[c], width_of(shown(cell)) + 2);
        }
    }
    for (std::size_t c = 0; c < widths.size(); ++c)
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             std::min(widths[c], 80.0), nullptr);
    worksheet_freeze_panes(ws, 1, 0);
}

} // namespace

std::string xlsx_bytes(const Workbook& workbook, std::time_t created) {
    ScratchDirectory dir;
    std::string file = dir.file(), tmpdir = dir.path();
    lxw_workbook_options options{};
    options.tmpdir = tmpdir.data();
    lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
    if (!wb) throw Error(ErrorKind::input, "cannot start a workbook in " + tmpdir);
    std::string title = workbook.title, subject = workbook.subject, company = workbook.company;
    lxw_doc_properties props{};
    props.title = title.data();
    props.subject = subject.data();
    props.company = company.data();
    props.created = created;
    workbook_set_properties(wb, &props);
    try {
        const Formats f = make_formats(wb);
        for (const Sheet& sheet : workbook.sheets)
            write_sheet(wb, f, sheet);
    } catch (...) {
        workbook_close(wb);
        throw;
    }
    check(workbook_close(wb), "closing it");
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) throw Error(ErrorKind::input, "cannot read back the workbook written in " + tmpdir);
    return bytes.str();
}

} // namespace poolkit
