// tempora tag: sentences, tokens, parts of speech and lemmas.
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>
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

void print_table(const Document& doc, std::size_t base) {
  const auto& seg = doc.get<Segmentation>();
  const auto& morph = doc.get<Morphology>();
  std::string out;
  for (std::size_t s = 0; s < seg.sentences.size(); ++s) {
    const Sentence& sentence = seg.sentences[s];
    std::string text(doc.text(sentence.span));
    for (char& c : text)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    fmt::format_to(std::back_inserter(out), "# sentence {} [{}, {}): {}\n", s + 1, base + sentence.span.begin,
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
  std::fwrite(out.data(), 1, out.size(), stdout);
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

void run_tag(const TagOptions& options) {
  const Segmenter segmenter = Segmenter::load();
  const PosTagger tagger = PosTagger::load();
  // One JSON object per input chunk would split a file's sentences; JSON
  // output therefore collects each input's sentences into one document.
  nlohmann::json json_docs = nlohmann::json::array();
  std::string current_name;
  for_each_chunk(options.inputs, 1 << 20, [&](const TextChunk& chunk) {
    Document doc(chunk.text, DocumentInfo{.id = chunk.name});
    segmenter.segment(doc);
    tagger.tag(doc);
    for (const Diagnostic& d : doc.diagnostics()) fmt::print(stderr, "tempora: {}: {}\n", chunk.name, d.message);
    if (options.format == "json") {
      if (json_docs.empty() || chunk.name != current_name || chunk.base == 0) {
        json_docs.push_back({{"input", chunk.name}, {"sentences", nlohmann::json::array()}});
        current_name = chunk.name;
      }
      for (auto& s : to_json(doc, chunk.base)) json_docs.back()["sentences"].push_back(std::move(s));
    } else {
      print_table(doc, chunk.base);
    }
  });
  if (options.format == "json") fmt::print("{}\n", json_docs.dump(1, ' ', false, nlohmann::json::error_handler_t::replace));
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
