// tempora annotate: time expressions as TimeML or JSON.
//
// Reads plain text, .tml or .TE3input TimeML, or .json ({"text", "dct", "id"}).
// The DCT comes from --dct, else the TimeML <DCT> or the JSON "dct" field,
// else a dated dateline; without one, values stay underspecified and the
// output says the DCT is unknown.
// Each document goes through the whole pipeline (tempora::Pipeline): events,
// MAKEINSTANCEs and TLINKs are written when the event model is installed.
// The output keeps the input's file name (with .tml or .json) in -o DIR, and
// TimeML output has exactly the input's TEXT characters with tags added.
#include <fmt/format.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "event/event_timeml.hpp"
#include "relation/relation_timeml.hpp"
#include "tempora/event.hpp"
#include "tempora/relation.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/segment.hpp"
#include "tempora/timeml.hpp"
#include "tempora/timex.hpp"
#include "text/atomic_file.hpp"

namespace tempora::cli {
namespace {

struct AnnotateOptions {
  std::vector<std::string> inputs;
  std::string dct;
  std::string format = "timeml";
  std::string output_dir;
  bool time_only = false;
  bool start_point_links = false;  // TimeML: STARTS_BEFORE/AFTER links too (tempora's extension)
};

nlohmann::json fields_json(std::uint16_t bits) {
  static constexpr std::pair<TimexField, const char*> kNames[] = {
      {kFieldCentury, "century"}, {kFieldDecade, "decade"},         {kFieldYear, "year"}, {kFieldQuarter, "quarter"},
      {kFieldSeason, "season"},   {kFieldMonth, "month"},           {kFieldWeek, "week"}, {kFieldWeekday, "weekday"},
      {kFieldDay, "day"},         {kFieldPartOfDay, "part_of_day"}, {kFieldHour, "hour"}, {kFieldMinute, "minute"}};
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [bit, name] : kNames)
    if (bits & bit) out.push_back(name);
  return out;
}

std::string iso(std::chrono::sys_seconds t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const auto secs = (t - day).count();
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), secs / 3600, secs / 60 % 60,
                     secs % 60);
}

nlohmann::json to_json(const Document& doc, const TimeExpressions& layer) {
  nlohmann::json timexes = nlohmann::json::array();
  for (const Timex& t : layer.timexes) {
    nlohmann::json j = {{"tid", t.tid},
                        {"type", to_string(t.type)},
                        {"value", t.value},
                        {"text", doc.text(t.span)},
                        {"start", t.span.begin},
                        {"end", t.span.end},
                        {"temporalFunction", t.temporal_function},
                        {"stated", fields_json(t.stated)},
                        {"inferred", fields_json(t.inferred)},
                        {"rule", t.rule}};
    if (!t.mod.empty()) j["mod"] = t.mod;
    if (!t.quant.empty()) j["quant"] = t.quant;
    if (!t.anchor_tid.empty()) j["anchorTimeID"] = t.anchor_tid;
    if (t.interval)
      j["interval"] = {{"start", iso(t.interval->start)},
                       {"end", iso(t.interval->end)},
                       {"granularity", to_string(t.interval->granularity)}};
    timexes.push_back(std::move(j));
  }
  nlohmann::json diagnostics = nlohmann::json::array();
  for (const Diagnostic& d : doc.diagnostics()) diagnostics.push_back({{"stage", d.stage}, {"message", d.message}});
  nlohmann::json out = {
      {"id", doc.info().id}, {"timexes", std::move(timexes)}, {"diagnostics", std::move(diagnostics)}};
  if (doc.info().creation_time) {
    out["dct"] = dct_value(*doc.info().creation_time);
    out["dct_origin"] = doc.info().creation_time->origin;
  } else {
    out["dct"] = nullptr;
  }
  return out;
}

void run_annotate(const AnnotateOptions& options) {
  std::optional<CreationTime> cli_dct;
  if (!options.dct.empty()) {
    cli_dct = parse_dct(options.dct, "cli");
    if (!cli_dct) throw std::runtime_error(fmt::format("--dct {}: not a date (use YYYY-MM-DD)", options.dct));
  }
  // --time-only: the segmenter and the time tagger alone (no POS, parse, events).
  std::optional<Pipeline> pipeline;
  std::optional<Segmenter> segmenter;
  std::optional<TimeTagger> time_tagger;
  if (options.time_only) {
    segmenter.emplace(Segmenter::load());
    time_tagger.emplace(TimeTagger::load());
  } else {
    pipeline.emplace(Pipeline::load());
  }
  std::filesystem::create_directories(options.output_dir);
  for (const std::string& input : options.inputs) {
    const std::filesystem::path path(input);
    Document doc = read_document(path, cli_dct);
    if (pipeline) {
      pipeline->analyze(doc);
    } else {
      segmenter->segment(doc);
      time_tagger->tag(doc);
    }
    const TimeExpressions& layer = doc.get<TimeExpressions>();
    const Events* events = doc.has<Events>() ? &doc.get<Events>() : nullptr;
    for (const Diagnostic& d : doc.diagnostics()) fmt::print(stderr, "tempora: {}: {}\n", input, d.message);
    std::string stem = path.filename().string();
    for (const char* ext : {".tml", ".TE3input", ".txt", ".xml", ".json"})
      if (stem.size() > std::strlen(ext) && stem.ends_with(ext)) stem.resize(stem.size() - std::strlen(ext));
    std::string out;
    std::filesystem::path target;
    if (options.format == "json") {
      nlohmann::json j = to_json(doc, layer);
      if (events != nullptr) j["events"] = timeml::events_json(doc, *events);
      if (events != nullptr) j["relations"] = timeml::relations_json(doc, doc.get<TemporalLinks>(), *events);
      out = j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
      target = std::filesystem::path(options.output_dir) / (stem + ".json");
    } else {
      timeml::WriteOptions w;
      w.docid = doc.info().id;
      w.creation_time = doc.info().creation_time;
      std::vector<timeml::Annotation> annotations = timeml::timex_annotations(layer.timexes);
      if (events != nullptr) {
        for (timeml::Annotation& a : timeml::event_annotations(*events)) annotations.push_back(std::move(a));
        w.links = timeml::event_instances(*events);
        for (timeml::Element& l : timeml::tlink_elements(doc.get<TemporalLinks>(), *events, options.start_point_links)) w.links.push_back(std::move(l));
      }
      out = timeml::write_timeml(doc.text(), std::move(annotations), w);
      target = std::filesystem::path(options.output_dir) / (stem + ".tml");
    }
    detail::write_file_atomically(target, out);  // complete or absent
  }
}

}  // namespace

void add_annotate_command(CLI::App& app) {
  auto options = std::make_shared<AnnotateOptions>();
  CLI::App* cmd =
      app.add_subcommand("annotate",
                         "Find and normalize time expressions (TIMEX3); write TimeML or JSON, one file per input.\n"
                         "Inputs: plain text, .tml or .TE3input TimeML (text from <TEXT>, DCT from <DCT>),\n"
                         "or .json {\"text\": ..., \"dct\": \"YYYY-MM-DD\"}. The system clock is never used.");
  cmd->add_option("inputs", options->inputs, "Files to annotate")->required();
  cmd->add_option("--dct", options->dct, "Document creation time YYYY-MM-DD (overrides a TimeML <DCT>)");
  cmd->add_option("--format", options->format, "Output format")->check(CLI::IsMember({"timeml", "json"}));
  cmd->add_option("-o,--output", options->output_dir, "Output folder")->required();
  cmd->add_flag("--time-only", options->time_only, "Only segment and find time expressions (no events or links)");
  cmd->add_flag("--start-point-links", options->start_point_links,
                "TimeML: also write the links that only order start points, as relType STARTS_BEFORE/STARTS_AFTER "
                "(not TimeML 1.2.1; `tempora eval timeml --matres` reads them)");
  cmd->callback([options] { run_annotate(*options); });
}

}  // namespace tempora::cli
