// The workbook renderer of a Document (SPEC §5 `--format xlsx`), by libxlsxwriter: a "Summary"
// sheet of the document's words (title, headings, paragraphs, lists, warnings, key figures and
// the footer's lines), then a sheet a table, named from the table's caption (else the heading
// above it), then an "Inputs" sheet. Charts are left out: the tables they are drawn from are
// sheets already.
//
// Each header row is bold and frozen, each column as wide as its widest cell. A cell keeps its
// type: an amount is a number of pounds formatted #,##0.00;(#,##0.00), a share a percentage, a
// count a whole number, an ISO date a date, a RAG rating a text filled green, amber or red; a
// total row (below a rule) is bold. An amount is written as the double nearest to its pence / 100:
// every amount below 10^13 pounds reads back to the same two decimals, and the exact figure stays
// in the JSON statement.
//
// Every text is a string, never a formula, shown through visible() (SPEC §8); one that starts
// like a formula (= + - @ tab CR LF) is also prefixed with a single quote, as in CSV, so that it
// stays text when the cell is edited or copied out. The creation time is the document's
// (Document::created), never the clock, so the same statement gives the same bytes (SPEC §5).
#include "writers/document_render.hpp"

#include "support/error.hpp"
#include "support/version.hpp"
#include "support/visible_text.hpp"
#include "writers/inputs.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <unistd.h>

namespace poolkit {

namespace {

template <class... F> struct overloaded : F... { using F::operator()...; };
template <class... F> overloaded(F...) -> overloaded<F...>;

// The creation time of a document that gives none: 2000-01-01T00:00:00Z, fixed for the same
// reason as every other (the clock would change the bytes).
constexpr std::time_t no_date = 946684800;

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

void check(lxw_error e, const std::string& what) {
    if (e != LXW_NO_ERROR)
        throw Error(ErrorKind::input,
                    "cannot write the workbook (" + what + "): " + lxw_strerror(e));
}

// A text as a cell holds it: visible, and quoted when a spreadsheet would take it for a formula.
std::string cell_text(const std::string& s) {
    return (starts_like_formula(s) ? "'" : "") + visible(s);
}

// Characters, as Excel's width counts them near enough for names and amounts.
double width_of(const std::string& s) {
    return static_cast<double>(display_width(s));
}

// "33.33%" -> "0.00%": a share shown with as many decimals as its text has.
std::string percent_format(const std::string& shown) {
    const std::size_t dot = shown.find('.');
    const std::size_t pct = shown.find('%');
    if (dot == std::string::npos || pct == std::string::npos || pct < dot) return "0%";
    return "0." + std::string(pct - dot - 1, '0') + "%";
}

// "2025-09-30" as a date; nullopt for any other text.
std::optional<lxw_datetime> iso_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
    const int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)),
              d = std::stoi(s.substr(8, 2));
    if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900) return std::nullopt;
    return lxw_datetime{y, m, d, 0, 0, 0.0};
}

// The workbook's formats, each made once: a number format, bold or not, a fill or none.
class Formats {
  public:
    explicit Formats(lxw_workbook* wb) : wb_(wb) {}

    lxw_format* get(const std::string& num_format, bool bold, lxw_color_t fill = 0) {
        auto key = std::make_tuple(num_format, bold, fill);
        if (auto it = made_.find(key); it != made_.end()) return it->second;
        lxw_format* f = workbook_add_format(wb_);
        if (!num_format.empty()) format_set_num_format(f, num_format.c_str());
        if (bold) format_set_bold(f);
        if (fill) {
            format_set_pattern(f, LXW_PATTERN_SOLID);
            format_set_bg_color(f, fill);
        }
        made_.emplace(key, f);
        return f;
    }
    lxw_format* header() {
        if (!header_) {
            header_ = workbook_add_format(wb_);
            format_set_bold(header_);
            format_set_bottom(header_, LXW_BORDER_THIN);
        }
        return header_;
    }
    lxw_format* plain(bool bold) { return bold ? get("", true) : nullptr; }

  private:
    lxw_workbook* wb_;
    lxw_format* header_ = nullptr;
    std::map<std::tuple<std::string, bool, lxw_color_t>, lxw_format*> made_;
};

constexpr const char* money_format = "#,##0.00;(#,##0.00)";
constexpr const char* count_format = "#,##0";
constexpr const char* date_format = "yyyy-mm-dd";
// Excel's own Good, Neutral and Bad fills, in the order of Rag.
constexpr lxw_color_t rag_fills[3] = {0xC6EFCE, 0xFFEB9C, 0xFFC7CE};
constexpr lxw_color_t warning_fill = 0xFFC7CE;

// One table cell, written as what it holds; returns the text its width is measured by.
std::string write_cell(lxw_worksheet* ws, Formats& f, lxw_row_t row, lxw_col_t col, const Cell& c,
                       bool bold, const std::string& sheet) {
    lxw_error e = LXW_NO_ERROR;
    switch (c.type) {
    case CellType::money:
        e = worksheet_write_number(ws, row, col, static_cast<double>(c.money.pence()) / 100.0,
                                   f.get(money_format, bold));
        break;
    case CellType::percent:
        if (c.fraction)
            e = worksheet_write_number(ws, row, col, c.fraction->convert_to<double>(),
                                       f.get(percent_format(c.text), bold));
        else if (!c.text.empty())
            e = worksheet_write_string(ws, row, col, cell_text(c.text).c_str(), f.plain(bold));
        break;
    case CellType::count:
        e = worksheet_write_number(ws, row, col, static_cast<double>(c.count),
                                   f.get(count_format, bold));
        break;
    case CellType::date:
        if (auto d = iso_date(c.text)) {
            e = worksheet_write_datetime(ws, row, col, &*d, f.get(date_format, bold));
            break;
        }
        [[fallthrough]];
    case CellType::rag:
    case CellType::text:
        if (c.text.empty()) break;
        e = worksheet_write_string(ws, row, col, cell_text(c.text).c_str(),
                                   c.type == CellType::rag && c.rag
                                       ? f.get("", bold, rag_fills[static_cast<int>(*c.rag)])
                                       : f.plain(bold));
        break;
    }
    check(e, sheet);
    return c.text;
}

// Sheet names as Excel has them: at most 31 characters, none of []:*?/\, not starting or ending
// with a quote, no two the same (Excel compares them without case).
class SheetNames {
  public:
    SheetNames() { taken_ = {"summary", "inputs"}; }

    std::string take(const std::string& wanted) {
        std::string base;
        for (char c : visible(wanted))
            if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) base += c;
        while (!base.empty() && (base.front() == '\'' || base.front() == ' '))
            base.erase(0, 1);
        while (!base.empty() && (base.back() == '\'' || base.back() == ' '))
            base.pop_back();
        if (base.empty()) base = "Table";
        for (int n = 1;; ++n) {
            const std::string suffix = n == 1 ? "" : " (" + std::to_string(n) + ")";
            std::string name = clipped(base, 31 - suffix.size()) + suffix;
            if (taken_.insert(lower(name)).second) return name;
        }
    }

  private:
    // At most `chars` characters of UTF-8 text, never splitting one.
    static std::string clipped(const std::string& s, std::size_t chars) {
        std::size_t n = 0, i = 0;
        for (; i < s.size(); ++i)
            if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n++ == chars) break;
        std::string out = s.substr(0, i);
        while (!out.empty() && (out.back() == ' ' || out.back() == '\''))
            out.pop_back();
        return out;
    }
    static std::string lower(std::string s) {
        for (char& c : s)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return s;
    }
    std::set<std::string> taken_;
};

void fit_columns(lxw_worksheet* ws, const std::vector<double>& widths) {
    for (std::size_t c = 0; c < widths.size(); ++c)
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             std::min(widths[c], 80.0), nullptr);
}

// A sheet of one table: its header row, its rows (a total row bold), then any notes under it.
class TableSheet {
  public:
    TableSheet(lxw_workbook* wb, Formats& f, const std::string& name, const Table& table)
        : ws_(workbook_add_worksheet(wb, name.c_str())), f_(f), name_(name) {
        if (!ws_) throw Error(ErrorKind::invariant, "a sheet name Excel refuses: " + name);
        std::vector<double> widths(table.columns().size(), 8.0);
        for (std::size_t c = 0; c < table.columns().size(); ++c) {
            const std::string& h = table.columns()[c].header;
            check(worksheet_write_string(ws_, 0, static_cast<lxw_col_t>(c), cell_text(h).c_str(),
                                         f.header()),
                  name);
            widths[c] = std::max(widths[c], width_of(h) + 2);
        }
        // A total (bold) is a row that holds sums (Table::sums), as in HTML.
        std::vector<bool> total(table.rows().size(), false);
        for (const auto& [row, first] : table.sums())
            total[row] = true;
        for (std::size_t r = 0; r < table.rows().size(); ++r) {
            const auto& row = table.rows()[r];
            for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
                const std::string shown =
                    write_cell(ws_, f, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                               row[c], total[r], name);
                widths[c] = std::max(widths[c], width_of(visible(shown)) + 2);
            }
        }
        fit_columns(ws_, widths);
        worksheet_freeze_panes(ws_, 1, 0);
        next_ = static_cast<lxw_row_t>(table.rows().size() + 2); // a blank row, then notes
    }
    void note(const std::string& line) {
        check(worksheet_write_string(ws_, next_++, 0, cell_text(line).c_str(), nullptr), name_);
    }

  private:
    lxw_worksheet* ws_;
    Formats& f_;
    std::string name_;
    lxw_row_t next_ = 0;
};

// The Summary sheet: the document's words a line a row in column A, a key figure's value in B.
class SummarySheet {
  public:
    SummarySheet(lxw_workbook* wb, Formats& f, const std::string& title)
        : ws_(workbook_add_worksheet(wb, "Summary")), f_(f) {
        check(worksheet_write_string(ws_, 0, 0, cell_text(title).c_str(), f.header()), "Summary");
        width_a_ = std::max(width_a_, width_of(title) + 2);
        worksheet_freeze_panes(ws_, 1, 0);
    }
    void blank() {
        if (row_ > 1 && !last_blank_) ++row_;
        last_blank_ = true;
    }
    // Each line of `text` a row.
    void lines(const std::string& text, lxw_format* format = nullptr) {
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            line(text.substr(start, end - start), format);
            start = end + 1;
        }
    }
    void line(const std::string& text, lxw_format* format = nullptr) {
        check(worksheet_write_string(ws_, row_++, 0, cell_text(text).c_str(), format), "Summary");
        last_blank_ = false;
    }
    void item(const std::string& label, const Cell& value) {
        check(worksheet_write_string(ws_, row_, 0, cell_text(label).c_str(), nullptr), "Summary");
        width_a_ = std::max(width_a_, width_of(visible(label)) + 2);
        width_b_ = std::max(
            width_b_, width_of(visible(write_cell(ws_, f_, row_, 1, value, false, "Summary"))) + 2);
        ++row_;
        last_blank_ = false;
    }
    // A row naming the sheet a table went to, linked to it.
    void sheet_link(const std::string& sheet) {
        std::string quoted;
        for (char c : sheet)
            quoted += c == '\'' ? std::string("''") : std::string(1, c);
        const std::string url = "internal:'" + quoted + "'!A1";
        const std::string text = "Table: sheet " + sheet;
        check(worksheet_write_url_opt(ws_, row_++, 0, url.c_str(), nullptr, text.c_str(), nullptr),
              "Summary");
        last_blank_ = false;
    }
    void finish() { fit_columns(ws_, {width_a_, width_b_}); }

  private:
    lxw_worksheet* ws_;
    Formats& f_;
    lxw_row_t row_ = 1;
    bool last_blank_ = true;
    // Prose runs long: column A is as wide as its labels, not its paragraphs.
    double width_a_ = 30.0, width_b_ = 16.0;
};

void inputs_sheet(lxw_workbook* wb, Formats& f, const std::vector<InputFile>& inputs) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Inputs");
    const std::vector<std::string> headers{"Input", "File", "SHA-256", "Bytes"};
    std::vector<double> widths(headers.size(), 8.0);
    for (std::size_t c = 0; c < headers.size(); ++c) {
        check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), headers[c].c_str(),
                                     f.header()),
              "Inputs");
        widths[c] = std::max(widths[c], width_of(headers[c]) + 2);
    }
    for (std::size_t r = 0; r < inputs.size(); ++r) {
        const InputFile& in = inputs[r];
        const auto row = static_cast<lxw_row_t>(r + 1);
        const std::string texts[3] = {in.role, in.path, in.sha256};
        for (lxw_col_t c = 0; c < 3; ++c) {
            check(worksheet_write_string(ws, row, c, cell_text(texts[c]).c_str(), nullptr),
                  "Inputs");
            widths[c] = std::max(widths[c], width_of(visible(texts[c])) + 2);
        }
        check(worksheet_write_number(ws, row, 3, static_cast<double>(in.bytes),
                                     f.get(count_format, false)),
              "Inputs");
        widths[3] = std::max(widths[3], width_of(std::to_string(in.bytes)) + 3);
    }
    fit_columns(ws, widths);
    worksheet_freeze_panes(ws, 1, 0);
}

std::string joined(const std::vector<std::string>& parts, const char* between) {
    std::string out;
    for (const auto& p : parts)
        if (!p.empty()) out += (out.empty() ? "" : between) + p;
    return out;
}

void write_document(lxw_workbook* wb, const Document& d) {
    Formats f(wb);
    std::string title = d.meta().title;
    for (const Block& b : d.blocks())
        if (const auto* t = std::get_if<block::Title>(&b); t && !t->lines.empty()) {
            title = t->lines[0];
            break;
        }
    SummarySheet summary(wb, f, title);
    SheetNames names;
    std::optional<TableSheet> last_table; // the sheet notes straight under a table go to
    std::string last_heading;
    const std::vector<InputFile>* inputs = nullptr;
    bool title_seen = false;
    for (const Block& b : d.blocks()) {
        const bool notes = std::holds_alternative<block::Notes>(b);
        if (!notes && !std::holds_alternative<block::ChartBlock>(b)) last_table.reset();
        std::visit(overloaded{
                       [&](const block::Title& t) {
                           // The first title's first line heads the sheet already.
                           for (std::size_t i = title_seen ? 0 : 1; i < t.lines.size(); ++i)
                               summary.lines(t.lines[i]);
                           title_seen = true;
                       },
                       [&](const block::Heading& h) {
                           summary.blank();
                           summary.line(h.text + (h.aside.empty() ? "" : " (" + h.aside + ")"),
                                        f.plain(true));
                           if (!h.explanation.empty()) summary.lines(h.explanation);
                           last_heading = h.text;
                       },
                       [&](const block::Paragraph& p) { summary.lines(p.text); },
                       [&](const block::Notes& n) {
                           for (const auto& l : n.lines)
                               last_table ? last_table->note(l) : summary.lines(l);
                       },
                       [&](const block::List& l) {
                           for (std::size_t i = 0; i < l.items.size(); ++i)
                               summary.lines((l.numbered ? std::to_string(i + 1) + ". " : "• ") +
                                             l.items[i]);
                       },
                       [&](const block::Warning& w) {
                           summary.blank();
                           for (const auto& l : w.lines)
                               summary.lines(l, f.get("", true, warning_fill));
                       },
                       [&](const block::KeyValues& kv) {
                           for (const auto& [k, v] : kv.items)
                               summary.item(k, v);
                       },
                       [&](const block::TableBlock& t) {
                           const std::string name = names.take(
                               !t.caption.empty()
                                   ? t.caption
                                   : (!last_heading.empty() ? last_heading : std::string("Table")));
                           last_table.emplace(wb, f, name, t.table);
                           summary.sheet_link(name);
                       },
                       [&](const block::ChartBlock&) {},
                       [&](const block::Verbatim& v) { summary.lines(v.text); },
                       [&](const block::Footer& ft) {
                           summary.blank();
                           for (const auto& l : ft.lines)
                               summary.lines(l);
                           std::string run = run_footer(ft.run);
                           run = run.substr(run.find("Run: "));
                           while (!run.empty() && run.back() == '\n')
                               run.pop_back();
                           summary.lines(run);
                           summary.line("poolkit " + std::string(poolkit_version) +
                                        "; inputs: sheet Inputs");
                           inputs = &ft.run.inputs;
                       },
                   },
                   b);
    }
    summary.finish();
    inputs_sheet(wb, f, inputs ? *inputs : std::vector<InputFile>{});
}

} // namespace

std::string render_xlsx(const Document& d) {
    ScratchDirectory dir;
    std::string file = dir.file(), tmpdir = dir.path();
    lxw_workbook_options options{};
    options.tmpdir = tmpdir.data();
    lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
    if (!wb) throw Error(ErrorKind::input, "cannot start a workbook in " + tmpdir);
    const DocumentMeta& m = d.meta();
    // "Month-end reconciliation: Bristol children's pooled fund (BNSSG-CHILDREN), P06 2025/26
    // (September 2025)": what, about which agreement, for when.
    std::string title = joined({joined({m.statement, m.title}, ": "), m.period}, ", ");
    std::string subject = joined({m.statement, m.period}, ", ");
    std::string keywords = m.agreement_id;
    std::string comments = "poolkit " + std::string(poolkit_version);
    lxw_doc_properties props{};
    props.title = title.data();
    props.subject = subject.data();
    props.keywords = keywords.data();
    props.comments = comments.data();
    props.created = d.created() ? d.created() : no_date;
    workbook_set_properties(wb, &props);
    try {
        write_document(wb, d.in_format(DocumentFormat::xlsx));
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
