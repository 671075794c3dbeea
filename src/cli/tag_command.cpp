// tempora tag: sentences, tokens, parts of speech and lemmas.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/text_input.hpp"
#include "tempora/pos.hpp"
#include "tempora/segment.hpp"

namespace tempora::cli {
namespace {

struct TagOptions {
  std::vector<std::string> inputs;
  std::string format = "table";
};

std::string table(const Document& doc, std::size_t base) {
  const auto& seg = doc.get<Segmentation>();
  const auto& morph = doc.get<Morphology>();
  std::string out;
  for (std::size_t s = 0; s < seg.sentences.size(); ++s) {
    const Sentence& sentence = seg.sentences[s];
    std::string text(doc.text(sentence.span));
    for (char& c : text)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    fmt::format_to(std::back_inserter(out), "# sentence [{}, {}): {}\n", base + sentence.span.begin,
                   base + sentence.span.end, text);
    for (std::uint32_t i = 0; i < sentence.token_count; ++i) {
      const std::size_t t = sentence.first_token + i;
      const Token& token = seg.tokens[t];
      const TokenMorph& m = morph.tokens[t];
      fmt::format_to(std::back_inserter(out), "{}\t{}\t{}\t{}\t{}\t{}-{}\n", i + 1, token.norm, to_string(m.upos),
                     m.xpos, m.lemma, base + token.span.begin, base + token.span.end);
    }
    out.push_back('\n');
  }
  return out;
}

nlohmann::json to_json(const Document& doc, std::size_t base) {
  const auto& seg = doc.get<Segmentation>();
  const auto& morph = doc.get<Morphology>();
  nlohmann::json sentences = nlohmann::json::array();
  for (const Sentence& sentence : seg.sentences) {
    nlohmann::json tokens = nlohmann::json::array();
    for (std::uint32_t i = 0; i < sentence.token_count; ++i) {
      const std::size_t t = sentence.first_token + i;
      const Token& token = seg.tokens[t];
      const TokenMorph& m = morph.tokens[t];
      tokens.push_back({{"text", doc.text(token.span)},
                        {"norm", token.norm},
                        {"start", base + token.span.begin},
                        {"end", base + token.span.end},
                        {"upos", to_string(m.upos)},
                        {"xpos", m.xpos},
                        {"lemma", m.lemma}});
    }
    sentences.push_back({{"start", base + sentence.span.begin},
                         {"end", base + sentence.span.end},
                         {"text", doc.text(sentence.span)},
                         {"tokens", std::move(tokens)}});
  }
  return sentences;
}

// Chunks are read in order, analyzed in parallel on all cores (oneTBB) and
// written in input order; at most a few chunks are in memory at a time.
void run_tag(const TagOptions& options) {
  const Segmenter segmenter = Segmenter::load();
  const PosTagger tagger = PosTagger::load();
  const bool json = options.format == "json";
  struct Piece {
    TextChunk chunk;
    std::string output;  // table text, or the chunk's sentences as JSON objects separated by ",\n"
    std::vector<std::string> messages;
  };
  ChunkReader reader(options.inputs, 1 << 20);
  bool open_object = false;  // JSON: an input's object is open
  bool first_sentence = true;
  std::fputs(json ? "[\n" : "", stdout);
  const auto live = static_cast<std::size_t>(2 * tbb::this_task_arena::max_concurrency());
  tbb::parallel_pipeline(
      live,
      tbb::make_filter<void, std::shared_ptr<Piece>>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& control) -> std::shared_ptr<Piece> {
            auto chunk = reader.next();
            if (!chunk) {
              control.stop();
              return nullptr;
            }
            return std::make_shared<Piece>(Piece{std::move(*chunk), {}, {}});
          }) &
          tbb::make_filter<std::shared_ptr<Piece>, std::shared_ptr<Piece>>(
              tbb::filter_mode::parallel,
              [&](std::shared_ptr<Piece> piece) {
                DocumentInfo info;
                info.id = piece->chunk.name;
                Document doc(piece->chunk.text, std::move(info));
                segmenter.segment(doc);
                tagger.tag(doc);
                for (const Diagnostic& d : doc.diagnostics()) piece->messages.push_back(d.message);
                if (!json) {
                  piece->output = table(doc, piece->chunk.base);
                  return piece;
                }
                for (const auto& sentence : to_json(doc, piece->chunk.base)) {
                  if (!piece->output.empty()) piece->output += ",\n";
                  piece->output += sentence.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                }
                return piece;
              }) &
          tbb::make_filter<std::shared_ptr<Piece>, void>(
              tbb::filter_mode::serial_in_order, [&](std::shared_ptr<Piece> piece) {
                for (const std::string& m : piece->messages) fmt::print(stderr, "tempora: {}: {}\n", piece->chunk.name, m);
                if (json && piece->chunk.base == 0) {
                  // One object per input, its sentences streamed in.
                  if (open_object) std::fputs("]},\n", stdout);
                  fmt::print("{{\"input\": {}, \"sentences\": [\n",
                             nlohmann::json(piece->chunk.name).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
                  open_object = true;
                  first_sentence = true;
                }
                if (json && !piece->output.empty()) {
                  if (!first_sentence) std::fputs(",\n", stdout);
                  first_sentence = false;
                }
                std::fwrite(piece->output.data(), 1, piece->output.size(), stdout);
              }));
  if (json) std::fputs(open_object ? "]}\n]\n" : "]\n", stdout);
}

}  // namespace

void add_tag_command(CLI::App& app) {
  auto options = std::make_shared<TagOptions>();
  CLI::App* cmd = app.add_subcommand(
      "tag", "Split text into sentences and tokens and tag each token with its part of speech and lemma.\n"
             "Table columns: index, token, UPOS, XPOS (Penn), lemma, byte offsets in the input.");
  cmd->add_option("inputs", options->inputs, "Text files to read ('-' or none: standard input)");
  cmd->add_option("--format", options->format, "Output format")->check(CLI::IsMember({"table", "json"}));
  cmd->callback([options] { run_tag(*options); });
}

}  // namespace tempora::cli
