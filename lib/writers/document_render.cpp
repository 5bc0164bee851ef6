#include "writers/document_render.hpp"

namespace poolkit {

std::string render(const Document& document, DocumentFormat format) {
    switch (format) {
    case DocumentFormat::text:
        return render_text(document);
    case DocumentFormat::md:
        return render_markdown(document);
    case DocumentFormat::html:
        return render_html(document);
    case DocumentFormat::xlsx:
        return render_xlsx(document);
    }
    return render_text(document);
}

} // namespace poolkit
