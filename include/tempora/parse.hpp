// Dependency parsing (the `parse` stage): who did what to whom.
//
// DependencyParser is a greedy transition-based parser (arc-hybrid system,
// trained with the dynamic oracle of Goldberg & Nivre 2013 on an averaged
// perceptron) that gives every token a head and a Universal Dependencies
// relation (nsubj, obj, obl, nmod, appos, conj, acl:relcl, compound, ...)
// following the UD English conventions. It reads the Segmentation and
// Morphology layers and adds a Dependencies layer:
//
//   Document doc{text};
//   segmenter.segment(doc);
//   tagger.tag(doc);
//   parser.parse(doc);
//   SyntaxView syntax(doc);
//   int met = ...;                         // a predicate's token index
//   syntax.subject(met);                   // "Zelensky"
//   syntax.oblique(met, "with");           // "Trump"
//
// The parser produces projective trees only: the rare non-projective arcs of
// English (about 1% of EWT arcs) are approximated by attaching the word to an
// ancestor of its true head (see src/parse/transition.hpp).
//
// The model (models/parser-en-ewt.bin) is trained by tempora's own code on UD
// English EWT (`tempora train parser`); see models/parser-en-ewt.md.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tempora/conllu.hpp"
#include "tempora/document.hpp"

namespace tempora {

namespace detail {
struct ParserModel;
}

// The parse stage's layer, parallel to Segmentation::tokens.
struct Dependencies {
  static constexpr std::string_view kStage = "parse (tempora::DependencyParser)";
  std::vector<int> head;             // document token index of the head (same sentence); -1 for a root
  std::vector<std::string> deprel;   // UD relation ("nsubj", "obl:tmod", "root", ...)
};

// One word's attachment in a parsed sentence: head is a 0-based word index
// within the sentence, -1 for the root.
struct Arc {
  int head = -1;
  std::string deprel;
  friend bool operator==(const Arc&, const Arc&) = default;
};

struct ParserTrainingOptions {
  int epochs = 15;
  // With dev data: from this (1-based) epoch on, the averaged model is scored
  // on dev after each epoch and the best one (UAS + LAS) is kept; 0: the
  // last epoch's model is kept.
  int select_from_epoch = 1;
  // Feature templates: 5 (the current set: format 4's and the tagger's
  // runner-up tags, TokenMorph::runner_up), or 4 or 3 (the sets of older
  // models, to rebuild them).
  int feature_format = 5;
  std::uint64_t seed = 20251017;      // sentence shuffling is deterministic for a given seed
  int explore_from_epoch = 1;         // from this (0-based) epoch on, training follows the model's own errors
  double explore_probability = 0.9;   // ... with this probability (dynamic oracle exploration)
  float prune_below = 0.0f;           // drop features whose averaged weights are all below this
  std::ostream* log = nullptr;        // progress lines (epoch, dev scores) when set
};

// Attachment scores over a set of words (punctuation included, as in the
// CoNLL 2018 shared task). las compares full relations ("obl:tmod");
// las_universal only the part before ':'.
struct AttachmentScores {
  std::size_t words = 0, heads_correct = 0, labels_correct = 0, universal_labels_correct = 0;
  double uas() const { return words == 0 ? 0.0 : 100.0 * static_cast<double>(heads_correct) / static_cast<double>(words); }
  double las() const { return words == 0 ? 0.0 : 100.0 * static_cast<double>(labels_correct) / static_cast<double>(words); }
  double las_universal() const {
    return words == 0 ? 0.0 : 100.0 * static_cast<double>(universal_labels_correct) / static_cast<double>(words);
  }
};

class DependencyParser {
 public:
  // Whether models/parser-en-ewt.bin exists under data_dir() (a checkout may
  // lack it; the stages that read a parse then go without).
  static bool available();
  // Loads models/parser-en-ewt.bin under data_dir().
  static DependencyParser load();
  static DependencyParser load(const std::filesystem::path& model_file);
  static DependencyParser load(std::istream& in);

  DependencyParser(DependencyParser&&) noexcept;
  DependencyParser& operator=(DependencyParser&&) noexcept;
  ~DependencyParser();

  // Trains a parser on CoNLL-U sentences; the POS columns (upos, xpos) are
  // the parser's input, so pass predicted tags there to train for predicted
  // tags. `dev`, when non-empty, is parsed after each epoch for the log only.
  static DependencyParser train(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>& dev,
                                const ParserTrainingOptions& options);
  void save(const std::filesystem::path& model_file) const;
  void save(std::ostream& out) const;

  // Adds the Dependencies layer (needs Segmentation and Morphology) and returns it.
  const Dependencies& parse(Document& doc) const;

  // Parses one sentence given its word forms and their tags (upos, xpos;
  // lemmas are not used). Returns one Arc per word. Exactly one word has
  // head -1 ("root"); an empty sentence gives an empty result.
  std::vector<Arc> parse_words(std::span<const std::string_view> words, std::span<const TokenMorph> tags) const;
  // The same over CoNLL-U words (form, upos, xpos), e.g. for evaluation.
  std::vector<Arc> parse_words(std::span<const ConlluWord> words) const;

  // Scores the parser on gold sentences, using the upos/xpos columns as given.
  AttachmentScores evaluate(const std::vector<ConlluSentence>& gold) const;

  // The relations this model can predict.
  const std::vector<std::string>& relations() const;

 private:
  explicit DependencyParser(std::unique_ptr<const detail::ParserModel> model);
  std::unique_ptr<const detail::ParserModel> model_;
};

// Scores predicted arcs against gold words, adding to `scores`.
void score_attachments(std::span<const ConlluWord> gold, std::span<const Arc> predicted, AttachmentScores& scores);

// Writes one parsed sentence as CoNLL-U (ID FORM LEMMA UPOS XPOS FEATS HEAD
// DEPREL DEPS MISC), followed by the blank line that ends a sentence.
void write_conllu(std::ostream& out, std::span<const std::string_view> words, std::span<const TokenMorph> tags,
                  std::span<const Arc> arcs, std::string_view sent_id = {}, std::string_view text = {});

// ---- reading a parse ---------------------------------------------------------
//
// SyntaxView answers the questions later stages ask of a parse. Token indices
// are those of the view's source: document token indices for a Document, word
// indices for a sentence. Relation names match exactly or by their universal
// part: "obl" matches "obl", "obl:tmod" and "obl:npmod"; "obl:tmod" matches
// only itself. Functions that find one token return -1 when there is none.
class SyntaxView {
 public:
  // Over a parsed document (needs Segmentation, Morphology and Dependencies).
  explicit SyntaxView(const Document& doc);
  // Over one parsed sentence; the spans must outlive the view.
  SyntaxView(std::span<const std::string_view> words, std::span<const TokenMorph> tags, std::span<const Arc> arcs);

  std::size_t size() const { return head_.size(); }
  std::string_view word(int i) const { return words_[static_cast<std::size_t>(i)]; }
  Upos upos(int i) const { return upos_[static_cast<std::size_t>(i)]; }
  int head(int i) const { return head_[static_cast<std::size_t>(i)]; }
  std::string_view deprel(int i) const { return deprel_[static_cast<std::size_t>(i)]; }
  // True when i's relation is `relation` (by the matching rule above).
  bool is(int i, std::string_view relation) const;

  // Dependents of i in text order, all of them or those with the relation.
  std::vector<int> dependents(int i, std::string_view relation = {}) const;
  // The first dependent of i with the relation, or -1.
  int dependent(int i, std::string_view relation) const;

  // The subject of a predicate: its nsubj / nsubj:pass / csubj dependent,
  // or, for a copular or auxiliary token, that of its head. A relative
  // pronoun subject ("who", "which", "that") is resolved to the noun the
  // relative clause modifies; an xcomp predicate without a subject takes the
  // object (or failing that the subject) of the verb it completes ("asked
  // him to leave": him), and a conjoined predicate without a subject takes
  // the subject of its first conjunct ("met and talked").
  int subject(int predicate) const;
  // The direct object (obj) of a predicate, relative pronouns resolved like
  // subjects ("the deal that Trump signed": deal).
  int object(int predicate) const;
  // The oblique of a predicate introduced by a preposition, e.g.
  // oblique(met, "with") in "Zelensky met with Trump" is Trump. Looks at obl
  // dependents (and nmod ones of nominal predicates) whose case marker is the
  // preposition, compared case-insensitively; multiword prepositions
  // ("because of") match their words joined by a space.
  int oblique(int predicate, std::string_view preposition) const;
  // The passive of headlines: a participle with a "by" agent or a subject,
  // and neither auxiliary, object nor particle ("Apple swamped by iPhone 4
  // pre-orders", "Bankman-Fried sentenced to 25 years", whose participle the
  // tagger may read as a past tense: headlines tell an active past in the
  // present). Body text says "was swamped"; there "traveled by train" is
  // active, so callers ask only of a headline.
  bool bare_passive(int predicate) const;
  // The preposition (case marker) of a nominal, "" when it has none.
  std::string preposition(int nominal) const;

  // The head of the phrase covering tokens [first, last): the token whose
  // head lies outside the range (the first such), or -1 for an empty range.
  int phrase_head(int first, int last) const;
  // The nominal a token belongs to: climbs from function words and nominal
  // modifiers (det, case, amod, compound, flat, nummod, fixed) to the
  // noun they modify, e.g. "White" in "the White House" gives "House".
  int nominal_head(int i) const;
  // The tokens of i's subtree as a range [first, last) (projective parses
  // make it contiguous).
  std::pair<int, int> subtree_range(int i) const;

  // i and the tokens in apposition to it ("Zelensky, Ukraine's president").
  std::vector<int> appositions(int i) const;
  // i and its conjuncts ("Zelensky and Trump"), in text order, whichever of
  // them i is.
  std::vector<int> conjuncts(int i) const;
  // Conjuncts, each with its appositions: the entities a nominal stands for.
  std::vector<int> expand(int i) const;

 private:
  std::vector<std::string_view> words_;
  std::vector<Upos> upos_;
  std::vector<int> head_;
  std::vector<std::string_view> deprel_;
  std::vector<std::vector<int>> children_;
  void index_children();
  int nearest_named_subject(int predicate, int first) const;
};

}  // namespace tempora
