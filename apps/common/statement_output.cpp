#include "statement_output.hpp"

#include "support/error.hpp"
#include "writers/document_render.hpp"

namespace poolkit::cli {

std::vector<std::string> statement_formats(const std::vector<std::string>& data_formats) {
    std::vector<std::string> out{"text"};
    out.insert(out.end(), data_formats.begin(), data_formats.end());
    for (auto keyword : document_formats.keywords())
        if (keyword != "text") out.emplace_back(keyword);
    return out;
}

bool is_document_format(const std::string& format) {
    return document_formats.parse(format).has_value();
}

std::string statement_output(const std::string& format, const std::function<Document()>& document,
                             const std::vector<DataFormat>& data) {
    if (auto f = document_formats.parse(format)) return render(document(), *f);
    for (const DataFormat& d : data)
        if (d.format == format) return d.write();
    throw Error(ErrorKind::invariant, "no writer for --format " + format);
}

} // namespace poolkit::cli
