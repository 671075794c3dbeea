// tempora::Document: the one model every pipeline stage reads and extends.
//
// The original text is kept as UTF-8 bytes and never modified after
// construction. Everything a stage finds is a stand-off *layer* addressed by
// byte offsets (Span) into that text. A stage reads the layers of the stages
// before it and adds exactly one layer of its own:
//
//   Document doc{text, info};
//   segment(doc);                     // adds Segmentation (sentences, tokens)
//   tagger.tag(doc);                  // adds Morphology (UPOS, XPOS, lemma)
//   ...                               // later: time expressions, events, ...
//
// Layers are stored by type, so a new stage defines its layer struct in its
// own header and needs no change here. Adding a layer twice is a logic error;
// reading a missing layer names the stage that should have run.
#pragma once

#include <any>
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <typeindex>
#include <utility>
#include <vector>

namespace tempora {

// A byte range [begin, end) of Document::text().
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  constexpr std::uint32_t size() const { return end - begin; }
  constexpr bool empty() const { return begin == end; }
  constexpr bool contains(Span other) const { return begin <= other.begin && other.end <= end; }
  constexpr bool overlaps(Span other) const { return begin < other.end && other.begin < end; }
  friend constexpr bool operator==(Span, Span) = default;
};

// The document creation time (DCT), the anchor of "yesterday" and "last week".
// tempora never reads the system clock: when no DCT is given, this is empty and
// relative expressions stay underspecified.
struct CreationTime {
  std::chrono::sys_days day{};
  std::optional<std::chrono::minutes> time_of_day;  // when the source states a time
  std::string origin;                               // "cli", "timeml", "json", "dateline", ...
};

struct DocumentInfo {
  std::string id;
  std::string title;
  std::string source;  // publisher or file path
  std::string url;
  std::optional<CreationTime> creation_time;
};

// Something a stage wants the user to know about this document (a repaired
// byte sequence, an unknown DCT, a dropped contradictory link, ...).
struct Diagnostic {
  enum class Severity { note, warning, error };
  Severity severity = Severity::warning;
  std::string stage;    // "text", "time", ...
  std::string message;
  std::optional<Span> where;
};

class Document {
 public:
  // Takes the text as bytes. Invalid UTF-8 is repaired (each bad byte becomes
  // U+FFFD) and reported as a diagnostic; the repaired text is then the
  // document's text, fixed for the document's lifetime.
  explicit Document(std::string text, DocumentInfo info = {});

  std::string_view text() const { return text_; }
  std::string_view text(Span span) const { return std::string_view(text_).substr(span.begin, span.size()); }

  const DocumentInfo& info() const { return info_; }
  DocumentInfo& info() { return info_; }

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  void report(Diagnostic diagnostic) { diagnostics_.push_back(std::move(diagnostic)); }

  // ---- layers --------------------------------------------------------------
  template <class Layer>
  bool has() const {
    return find(typeid(Layer)) != nullptr;
  }

  // The layer of type Layer; throws std::logic_error naming Layer::stage when
  // the stage that produces it has not run.
  template <class Layer>
  const Layer& get() const {
    const std::any* slot = find(typeid(Layer));
    if (slot == nullptr) missing_layer(Layer::kStage);
    return *std::any_cast<Layer>(slot);
  }

  // Adds a layer; throws std::logic_error when one of this type exists.
  template <class Layer>
  const Layer& add(Layer layer) {
    if (has<Layer>()) duplicate_layer(Layer::kStage);
    layers_.emplace_back(typeid(Layer), std::make_any<Layer>(std::move(layer)));
    return *std::any_cast<Layer>(&layers_.back().second);
  }

 private:
  const std::any* find(std::type_index type) const {
    for (const auto& [key, value] : layers_)
      if (key == type) return &value;
    return nullptr;
  }
  [[noreturn]] static void missing_layer(std::string_view stage);
  [[noreturn]] static void duplicate_layer(std::string_view stage);

  std::string text_;
  DocumentInfo info_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<std::pair<std::type_index, std::any>> layers_;
};

// ---- the text stage's layer: sentences and tokens ---------------------------

struct Token {
  Span span;              // the token's bytes in the original text
  std::string norm;       // normalized form: curly quotes and apostrophes folded ("’s" -> "'s")
  bool space_after = true;  // whitespace follows in the text
};

struct Sentence {
  Span span;
  std::uint32_t first_token = 0;  // index into Segmentation::tokens
  std::uint32_t token_count = 0;
};

struct Segmentation {
  static constexpr std::string_view kStage = "text (tempora::segment)";
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::optional<Span> dateline;  // "KYIV, Oct. 20 (Reuters) -" when the text opens with one
  // The first sentence is a headline: a line of its own without final
  // punctuation, text after it. Later stages read its register: present
  // tense for past news, "Apple swamped by orders" for a passive.
  bool headline = false;

  std::span<const Token> tokens_of(const Sentence& s) const {
    return std::span<const Token>(tokens).subspan(s.first_token, s.token_count);
  }
};

// ---- the tag stage's layer: parts of speech and lemmas ---------------------

// Universal Dependencies parts of speech.
enum class Upos : std::uint8_t {
  ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X
};
std::string_view to_string(Upos upos);
std::optional<Upos> parse_upos(std::string_view name);

struct TokenMorph {
  Upos upos = Upos::X;
  std::string xpos;   // Penn Treebank tag as in UD English (NN, VBD, HYPH, ...)
  std::string lemma;
  // The part of speech the tagger nearly chose instead (a small score
  // margin); empty when it was sure. The parser weighs it against `upos`.
  std::optional<Upos> runner_up;
};

struct Morphology {
  static constexpr std::string_view kStage = "tag (tempora::PosTagger)";
  std::vector<TokenMorph> tokens;  // parallel to Segmentation::tokens
};

}  // namespace tempora
