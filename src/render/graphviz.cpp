// Rendering through the Graphviz library, in-process.
//
// gvContext() loads the plugins listed in the installed config file
// (/usr/lib/x86_64-linux-gnu/graphviz/config6a on Debian): dot layout, the
// core renderers (svg) and cairo (png, pdf). The context is created once and
// kept: loading plugins costs more than laying out a small graph. Graphviz
// keeps global state (its error counter, the parser), so every call holds one
// mutex.
//
// Errors: Graphviz reports through agerr, which by default prints to stderr.
// A handler installed with agseterrf collects the messages instead, and
// agerrors() tells whether any error-level message came; warnings are kept
// only to explain an error.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <memory>
#include <mutex>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <fmt/format.h>

#include "tempora/render.hpp"
#include "text/atomic_file.hpp"

namespace tempora {

namespace {

std::mutex graphviz_mutex;
std::string* graphviz_messages = nullptr;  // set while a call holds the mutex

int collect_message(char* message) {
  if (graphviz_messages != nullptr && message != nullptr && graphviz_messages->size() < 4096)
    *graphviz_messages += message;
  return 0;
}

GVC_t* context() {
  static GVC_t* const gvc = gvContext();
  return gvc;
}

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};

std::string trimmed(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

}  // namespace

std::string_view to_string(OutputFormat format) {
  switch (format) {
    case OutputFormat::dot: return "dot";
    case OutputFormat::svg: return "svg";
    case OutputFormat::png: return "png";
    case OutputFormat::pdf: return "pdf";
    case OutputFormat::json: return "json";
  }
  return "dot";
}

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "gv") return OutputFormat::dot;
  for (const auto f : {OutputFormat::dot, OutputFormat::svg, OutputFormat::png, OutputFormat::pdf, OutputFormat::json})
    if (to_string(f) == lower) return f;
  return std::nullopt;
}

std::optional<OutputFormat> format_from_path(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  if (ext.empty()) return std::nullopt;
  return parse_output_format(std::string_view(ext).substr(1));
}

std::string render_dot(std::string_view dot, OutputFormat format) {
  if (format == OutputFormat::dot || format == OutputFormat::json)
    throw std::invalid_argument(fmt::format("render_dot: {} is not an image format", to_string(format)));
  const std::string text(dot);  // agmemread wants a NUL-terminated string

  std::lock_guard lock(graphviz_mutex);
  std::string messages;
  graphviz_messages = &messages;
  const agusererrf previous_handler = agseterrf(collect_message);
  const agerrlevel_t previous_level = agseterr(AGWARN);
  struct Restore {
    agusererrf handler;
    agerrlevel_t level;
    ~Restore() {
      agseterrf(handler);
      agseterr(level);
      graphviz_messages = nullptr;
    }
  } restore{previous_handler, previous_level};
  agreseterrors();

  GVC_t* gvc = context();
  if (gvc == nullptr) throw RenderError("Graphviz: cannot create a context (plugins missing?)");
  std::unique_ptr<Agraph_t, GraphCloser> graph(agmemread(text.c_str()));
  if (!graph || agerrors() > 0)
    throw RenderError("Graphviz could not parse the DOT text: " + trimmed(messages));
  if (gvLayout(gvc, graph.get(), "dot") != 0 || agerrors() > 0) {
    gvFreeLayout(gvc, graph.get());
    throw RenderError("Graphviz layout failed: " + trimmed(messages));
  }
  char* data = nullptr;
  unsigned int length = 0;
  const int rc = gvRenderData(gvc, graph.get(), std::string(to_string(format)).c_str(), &data, &length);
  std::string out;
  if (data != nullptr) {
    out.assign(data, length);
    gvFreeRenderData(data);
  }
  gvFreeLayout(gvc, graph.get());
  if (rc != 0 || agerrors() > 0 || out.empty())
    throw RenderError(fmt::format("Graphviz could not render {}: {}", to_string(format), trimmed(messages)));
  return out;
}

void render_to_file(const TimelineGraph& graph, const Placement& placement, const std::filesystem::path& path,
                    std::optional<OutputFormat> format, const RenderOptions& options) {
  if (!format) format = format_from_path(path);
  if (!format)
    throw std::invalid_argument(fmt::format("cannot tell the output format from '{}' (use .svg, .png, .pdf, .dot "
                                            "or .json)",
                                            path.string()));
  std::string bytes;
  switch (*format) {
    case OutputFormat::dot: bytes = to_dot(graph, placement, options); break;
    case OutputFormat::json: bytes = to_json(graph, placement); break;
    default: bytes = render_dot(to_dot(graph, placement, options), *format); break;
  }
  detail::write_file_atomically(path, bytes);  // complete or absent, never half a picture
}

}  // namespace tempora
