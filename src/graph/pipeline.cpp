// The pipeline: every stage, loaded once, run in order on a document.
//
// Nothing here decides anything about language; it only fixes the order of
// the stages (see tempora/pipeline.hpp) and which ones run, so that the
// `timeline` command, the tests and library users all get the same layers
// from the same text and DCT. Optional stages are those whose trained model
// may be missing from a checkout (the parser, the event tagger): without them
// the pipeline still yields time expressions, and the timeline is empty
// rather than an error.
//
// read_document() is the one place that turns a file into a Document with its
// DCT: plain text (the time stage later takes a dated dateline as the DCT),
// TimeML (<DCT>) or JSON ("dct").
#include "tempora/pipeline.hpp"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "tempora/actor.hpp"
#include "tempora/event.hpp"
#include "tempora/parse.hpp"
#include "tempora/pos.hpp"
#include "tempora/relation.hpp"
#include "tempora/segment.hpp"
#include "tempora/timeml.hpp"
#include "tempora/timex.hpp"

namespace tempora {

struct Pipeline::Stages {
  Segmenter segmenter = Segmenter::load();
  TimeTagger time = TimeTagger::load();
  PosTagger pos = PosTagger::load();
  std::optional<DependencyParser> parser;
  std::optional<EntityRecognizer> entities;
  std::optional<ActorResolver> actors;
  std::optional<EventTagger> events;
  std::optional<RelationExtractor> relation;
  std::optional<ParticipantFinder> participants;
};

Pipeline::Pipeline(std::unique_ptr<const Stages> stages) : stages_(std::move(stages)) {}
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

Pipeline Pipeline::load() {
  auto stages = std::make_unique<Stages>();
  if (DependencyParser::available()) stages->parser.emplace(DependencyParser::load());
  if (EntityRecognizer::available()) {
    stages->entities.emplace(EntityRecognizer::load());
    stages->actors.emplace(ActorResolver::load());
  }
  if (EventTagger::available()) {
    stages->events.emplace(EventTagger::load());
    stages->relation.emplace(RelationExtractor::load());
    if (stages->parser && stages->actors) stages->participants.emplace(ParticipantFinder::load());
  }
  return Pipeline(std::move(stages));
}

bool Pipeline::has_parser() const { return stages_->parser.has_value(); }
bool Pipeline::has_events() const { return stages_->events.has_value(); }
bool Pipeline::has_actors() const { return stages_->actors.has_value(); }

// The stages in their fixed order. Each runs only when the document lacks
// its layer and has the layers it needs.
struct Pipeline::StageList {
  using Stage = void (*)(const Stages&, Document&);
  static void segment(const Stages& s, Document& doc) {
    if (!doc.has<Segmentation>()) s.segmenter.segment(doc);
  }
  static void time(const Stages& s, Document& doc) {
    if (!doc.has<TimeExpressions>()) s.time.tag(doc);
  }
  static void pos(const Stages& s, Document& doc) {
    if (!doc.has<Morphology>()) s.pos.tag(doc);
  }
  static void parse(const Stages& s, Document& doc) {
    if (s.parser && !doc.has<Dependencies>()) s.parser->parse(doc);
  }
  static void entities(const Stages& s, Document& doc) {
    if (s.entities && !doc.has<Entities>()) s.entities->tag(doc);
  }
  static void actors(const Stages& s, Document& doc) {
    if (s.actors && doc.has<Entities>() && !doc.has<Actors>()) s.actors->resolve(doc);
  }
  static void events(const Stages& s, Document& doc) {
    if (s.events && !doc.has<Events>()) s.events->tag(doc);
  }
  static void relations(const Stages& s, Document& doc) {
    if (!s.relation || !doc.has<Events>() || doc.has<TemporalLinks>()) return;
    // The closure is quadratic in the events of one document; a document far
    // longer than an article (a whole book pasted as one text) is refused by
    // the reasoner's node cap. It keeps its events, times and actors, without
    // temporal links, and says so, rather than failing.
    try {
      s.relation->link(doc);
    } catch (const std::length_error& e) {
      doc.report({.severity = Diagnostic::Severity::warning,
                  .stage = "relation",
                  .message = fmt::format("{} events: too many for the temporal closure ({}); no temporal links "
                                         "(split the text into articles)",
                                         doc.get<Events>().events.size(), e.what()),
                  .where = std::nullopt});
    }
  }
  static void participants(const Stages& s, Document& doc) {
    if (s.participants && doc.has<Events>() && doc.has<Dependencies>() && doc.has<Actors>() &&
        !doc.has<Participants>())
      s.participants->find(doc);
  }
  static constexpr Stage all[] = {segment, pos, parse, time, entities, actors, events, relations, participants};
};

void Pipeline::analyze(Document& doc) const {
  for (const StageList::Stage stage : StageList::all) stage(*stages_, doc);
}

std::vector<std::exception_ptr> Pipeline::analyze(std::span<Document> docs) const {
  // Stage by stage rather than document by document: each stage's model
  // (a few MB of weights) then stays in the caches for the whole batch
  // instead of being evicted by the next stage's at every document.
  std::vector<std::exception_ptr> failures(docs.size());
  for (const StageList::Stage stage : StageList::all)
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (failures[i]) continue;
      try {
        stage(*stages_, docs[i]);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  return failures;
}

namespace {

std::string read_bytes(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw std::runtime_error(fmt::format("{}: is a directory", path.string()));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot open {}", path.string()));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw std::runtime_error(fmt::format("cannot read {}", path.string()));
  return buffer.str();
}

bool looks_like_timeml(const std::filesystem::path& path, std::string_view content) {
  const auto ext = path.extension().string();
  if (ext == ".tml" || ext == ".TE3input" || ext == ".xml") return true;
  const auto start = content.find_first_not_of(" \t\r\n");
  return start != std::string_view::npos && content.substr(start, 5) == "<?xml" &&
         content.find("<TEXT>") != std::string_view::npos;
}

}  // namespace

Document read_document(const std::filesystem::path& path, const std::optional<CreationTime>& dct) {
  // Read as text, a JSON Lines corpus would be one article of raw JSON.
  if (path.extension() == ".jsonl")
    throw std::runtime_error(fmt::format(
        "{}: JSON Lines holds one article per line; read it with `tempora extract` or `tempora index`, "
        "or give each article as a .json file",
        path.string()));
  const std::string content = read_bytes(path);
  DocumentInfo info;
  info.id = path.stem().string();
  info.source = path.string();
  std::string text;
  if (path.extension() == ".json") {
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(content);
    } catch (const nlohmann::json::exception& e) {
      // A syntax error ("at line L, column C") or a number too large for a
      // double ("1e999": out_of_range), which is no syntax error.
      throw std::runtime_error(fmt::format("{}: not valid JSON: {}", path.string(), e.what()));
    }
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string())
      throw std::runtime_error(fmt::format("{}: expected a JSON object with a \"text\" string", path.string()));
    text = j["text"].get<std::string>();
    if (j.contains("id") && j["id"].is_string()) info.id = j["id"].get<std::string>();
    if (j.contains("title") && j["title"].is_string()) info.title = j["title"].get<std::string>();
    for (const char* key : {"dct", "creation_time", "date"})
      if (j.contains(key) && j[key].is_string()) {
        info.creation_time = parse_dct(j[key].get<std::string>(), "json");
        if (!info.creation_time && !dct)
          throw std::runtime_error(
              fmt::format("{}: \"{}\" is not a date (use YYYY-MM-DD)", path.string(), key));
        break;
      }
  } else if (looks_like_timeml(path, content)) {
    timeml::TimemlDocument tml = timeml::parse_timeml(content, path.string());
    text = std::move(tml.text);
    info.creation_time = tml.creation_time;
    if (!tml.docid.empty()) info.id = tml.docid;
  } else {
    text = content;
  }
  if (dct) info.creation_time = dct;
  return Document(std::move(text), std::move(info));
}

}  // namespace tempora
