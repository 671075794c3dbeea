// Reading a parse: the questions later stages ask (who is the subject of
// "met", what is its "with" oblique, which words form the nominal "the White
// House"), answered by walking the tree with the UD English conventions:
//
//  - subjects are nsubj / nsubj:pass / csubj dependents of the predicate; in a
//    copular clause ("the talks were productive") the predicate is the
//    non-verbal word and the copula is its cop dependent, so asking from the
//    copula or an auxiliary first climbs to the predicate;
//  - relative clauses attach to the noun they modify as acl:relcl, and the
//    relative pronoun fills the role inside the clause ("Trump, who met
//    Zelensky": who is nsubj of met), so a relative pronoun is replaced by
//    the modified noun;
//  - prepositions are case dependents of their nominal, and that nominal is
//    obl of a verb or nmod of a noun ("met with Trump": Trump is obl of met,
//    with is case of Trump); multiword prepositions hang their other words on
//    the first as fixed ("because of");
//  - all conjuncts attach to the first as conj, and appositions to the noun
//    they rename as appos.
#include <algorithm>
#include <cctype>
#include <ostream>

#include <fmt/format.h>

#include "tempora/parse.hpp"
#include "parse/tree_repair.hpp"

namespace tempora {
namespace {

bool relation_matches(std::string_view deprel, std::string_view relation) {
  if (deprel == relation) return true;
  if (relation.find(':') != std::string_view::npos) return false;
  return deprel.substr(0, deprel.find(':')) == relation;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool is_relative_pronoun(std::string_view word) {
  for (std::string_view r : {"who", "whom", "which", "that"})
    if (equal_ignoring_case(word, r)) return true;
  return false;
}

}  // namespace

SyntaxView::SyntaxView(const Document& doc) {
  const auto& seg = doc.get<Segmentation>();
  const auto& morph = doc.get<Morphology>();
  const auto& deps = doc.get<Dependencies>();
  const std::size_t n = seg.tokens.size();
  words_.reserve(n);
  for (const Token& t : seg.tokens) words_.push_back(t.norm.empty() ? doc.text(t.span) : std::string_view(t.norm));
  upos_.assign(n, Upos::X);
  for (std::size_t i = 0; i < n && i < morph.tokens.size(); ++i) upos_[i] = morph.tokens[i].upos;
  head_.assign(n, -1);
  deprel_.assign(n, {});
  for (std::size_t i = 0; i < n && i < deps.head.size(); ++i) {
    head_[i] = deps.head[i];
    deprel_[i] = deps.deprel[i];
  }
  index_children();
}

SyntaxView::SyntaxView(std::span<const std::string_view> words, std::span<const TokenMorph> tags,
                       std::span<const Arc> arcs) {
  const std::size_t n = arcs.size();
  words_.assign(n, {});
  upos_.assign(n, Upos::X);
  head_.assign(n, -1);
  deprel_.assign(n, {});
  for (std::size_t i = 0; i < n; ++i) {
    if (i < words.size()) words_[i] = words[i];
    if (i < tags.size()) upos_[i] = tags[i].upos;
    head_[i] = arcs[i].head;
    deprel_[i] = arcs[i].deprel;
  }
  index_children();
}

void SyntaxView::index_children() {
  children_.assign(head_.size(), {});
  for (std::size_t i = 0; i < head_.size(); ++i) {
    const int h = head_[i];
    if (h >= 0 && static_cast<std::size_t>(h) < head_.size() && h != static_cast<int>(i))
      children_[static_cast<std::size_t>(h)].push_back(static_cast<int>(i));
    else
      head_[i] = -1;  // out-of-range heads read as roots: the view never indexes outside itself
  }
}

bool SyntaxView::is(int i, std::string_view relation) const {
  return i >= 0 && static_cast<std::size_t>(i) < size() && relation_matches(deprel(i), relation);
}

std::vector<int> SyntaxView::dependents(int i, std::string_view relation) const {
  if (i < 0 || static_cast<std::size_t>(i) >= size()) return {};
  std::vector<int> out;
  for (const int c : children_[static_cast<std::size_t>(i)])
    if (relation.empty() || relation_matches(deprel(c), relation)) out.push_back(c);
  return out;
}

int SyntaxView::dependent(int i, std::string_view relation) const {
  if (i < 0 || static_cast<std::size_t>(i) >= size()) return -1;
  for (const int c : children_[static_cast<std::size_t>(i)])
    if (relation_matches(deprel(c), relation)) return c;
  return -1;
}

namespace {
// Bounds the climbs below: a tree is never deeper than its size, and a
// malformed one (a cycle) must not hang.
constexpr int kMaxClimb = 64;
}  // namespace

// Two subjects are a parse error. When a name follows the first with
// nothing between ("Norvik Motors | co-founder Ada Lind dies", "founder |
// Elon Musk buys"), the first is the name's modifier cut off and the name is
// the subject; after a comma the second is an apposition ("Steve Jobs, the
// chief executive ...") and a day name is a time ("Apple today has ..."),
// and the first stays.
int SyntaxView::nearest_named_subject(int predicate, int first) const {
  int s = first;
  for (const int d : dependents(predicate, "nsubj")) {
    if (d <= s || d > predicate || d - s > 16 || detail::day_name(word(d))) continue;  // a name is near
    bool named = upos(d) == Upos::PROPN;
    for (const int c : dependents(d))
      named = named || ((is(c, "flat") || is(c, "compound") || is(c, "appos")) && upos(c) == Upos::PROPN);
    bool punctuated = false;
    for (int k = s + 1; k < d && !punctuated; ++k) punctuated = upos(k) == Upos::PUNCT;
    if (named && !punctuated) s = d;
  }
  return s;
}

int SyntaxView::subject(int predicate) const {
  int p = predicate;
  for (int step = 0; step < kMaxClimb && p >= 0; ++step) {
    if (is(p, "cop") || is(p, "aux")) {
      p = head(p);
      continue;
    }
    int s = dependent(p, "nsubj");
    if (s >= 0) s = nearest_named_subject(p, s);
    if (s < 0) s = dependent(p, "csubj");
    if (s >= 0) {
      if (is(p, "acl:relcl") && is_relative_pronoun(word(s))) return head(p);
      return s;
    }
    if (is(p, "xcomp")) {
      // "asked him to leave": the controller is the object, else the subject.
      const int h = head(p);
      if (const int o = dependent(h, "obj"); o >= 0) return o;
      if (const int o = dependent(h, "iobj"); o >= 0) return o;
      p = h;
      continue;
    }
    if (is(p, "conj")) {  // "met and talked": the first conjunct's subject
      p = head(p);
      continue;
    }
    // "Born in Lima in 1950, Ruiz studied", "Speaking to reporters, Varga
    // said": an unmarked participle clause before the main verb, opening
    // the sentence or set off by punctuation, is about the main clause's
    // subject ("Under the agreement reached on Tuesday, a new board ...",
    // parsed with "reached" on the main verb, is not).
    if (is(p, "advcl") && p < head(p) && dependent(p, "mark") < 0 && upos(p) == Upos::VERB) {
      // (the clause's first word: the words before p that hang under it,
      // looked at a bounded number of times, so that the question stays
      // cheap in a long document)
      const auto under_p = [&](int t) {
        for (int step = 0; step < kMaxClimb && t >= 0; ++step, t = head(t))
          if (t == p) return true;
        return false;
      };
      int first = p;
      while (first > 0 && p - first < 40 && under_p(first - 1)) --first;
      if (first > 0 && upos(first - 1) != Upos::PUNCT) return -1;
      for (int t = first; t < p; ++t)  // the participle opens its clause (an adverb may come first)
        if (upos(t) != Upos::ADV) return -1;
      p = head(p);
      continue;
    }
    return -1;
  }
  return -1;
}

int SyntaxView::object(int predicate) const {
  int p = predicate;
  if (is(p, "cop") || is(p, "aux")) p = head(p);
  const int o = dependent(p, "obj");
  if (o < 0) return -1;
  if (is(p, "acl:relcl") && is_relative_pronoun(word(o))) return head(p);
  return o;
}

std::string SyntaxView::preposition(int nominal) const {
  std::string out;
  for (const int c : dependents(nominal, "case")) {
    if (c > nominal) continue;  // a postposition-like "'s" is not a preposition
    if (!out.empty()) out += ' ';
    out += lower(word(c));
    for (const int f : dependents(c, "fixed")) {
      out += ' ';
      out += lower(word(f));
    }
  }
  return out;
}

int SyntaxView::oblique(int predicate, std::string_view preposition_words) const {
  int p = predicate;
  if (is(p, "cop") || is(p, "aux")) p = head(p);
  if (p < 0 || static_cast<std::size_t>(p) >= size()) return -1;
  const std::string wanted = lower(preposition_words);
  for (const int c : children_[static_cast<std::size_t>(p)])
    if ((is(c, "obl") || is(c, "nmod")) && preposition(c) == wanted) return c;
  return -1;
}

bool SyntaxView::bare_passive(int predicate) const {
  if (predicate < 0 || static_cast<std::size_t>(predicate) >= size() || upos(predicate) != Upos::VERB) return false;
  const std::string w = lower(word(predicate));
  if (!w.ends_with("ed") && !w.ends_with("en") && !w.ends_with("wn")) return false;
  bool subject = false;
  for (const int c : children_[static_cast<std::size_t>(predicate)]) {
    if (is(c, "aux") || is(c, "cop") || is(c, "obj") || is(c, "aux:pass") || is(c, "compound:prt")) return false;
    subject = subject || is(c, "nsubj");
  }
  return oblique(predicate, "by") >= 0 || subject;
}

int SyntaxView::phrase_head(int first, int last) const {
  first = std::max(first, 0);
  last = std::min(last, static_cast<int>(size()));
  for (int i = first; i < last; ++i)
    if (head(i) < first || head(i) >= last) return i;
  return -1;
}

int SyntaxView::nominal_head(int i) const {
  static constexpr std::string_view kModifiers[] = {"det", "det:predet", "case", "amod", "compound", "flat",
                                                    "flat:foreign", "nummod", "fixed", "goeswith"};
  for (int step = 0; step < kMaxClimb && i >= 0 && static_cast<std::size_t>(i) < size(); ++step) {
    const bool modifier = std::find(std::begin(kModifiers), std::end(kModifiers), deprel(i)) != std::end(kModifiers);
    if (!modifier || head(i) < 0) return i;
    i = head(i);
  }
  return i;
}

std::pair<int, int> SyntaxView::subtree_range(int i) const {
  if (i < 0 || static_cast<std::size_t>(i) >= size()) return {0, 0};
  int lo = i, hi = i;
  std::vector<int> todo{i};
  std::vector<bool> seen(size(), false);
  seen[static_cast<std::size_t>(i)] = true;
  while (!todo.empty()) {
    const int k = todo.back();
    todo.pop_back();
    lo = std::min(lo, k);
    hi = std::max(hi, k);
    for (const int c : children_[static_cast<std::size_t>(k)])
      if (!seen[static_cast<std::size_t>(c)]) {
        seen[static_cast<std::size_t>(c)] = true;
        todo.push_back(c);
      }
  }
  return {lo, hi + 1};
}

namespace {
// The top of a chain of `relation` arcs, then everything hanging from it by
// that relation (transitively), sorted.
std::vector<int> chain(const SyntaxView& view, int i, std::string_view relation) {
  if (i < 0 || static_cast<std::size_t>(i) >= view.size()) return {};
  for (int step = 0; step < kMaxClimb && view.is(i, relation) && view.head(i) >= 0; ++step) i = view.head(i);
  std::vector<int> out{i};
  for (std::size_t k = 0; k < out.size() && out.size() < view.size(); ++k)
    for (const int c : view.dependents(out[k], relation))
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

std::vector<int> SyntaxView::appositions(int i) const { return chain(*this, i, "appos"); }
std::vector<int> SyntaxView::conjuncts(int i) const { return chain(*this, i, "conj"); }

std::vector<int> SyntaxView::expand(int i) const {
  std::vector<int> out;
  for (const int c : conjuncts(i))
    for (const int a : appositions(c))
      if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
  std::sort(out.begin(), out.end());
  return out;
}

// ---- CoNLL-U output --------------------------------------------------------

void write_conllu(std::ostream& out, std::span<const std::string_view> words, std::span<const TokenMorph> tags,
                  std::span<const Arc> arcs, std::string_view sent_id, std::string_view text) {
  const auto field = [](std::string_view s) -> std::string {
    if (s.empty()) return "_";
    std::string f(s);
    for (char& c : f)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';  // keep the ten columns intact
    return f;
  };
  if (!sent_id.empty()) out << "# sent_id = " << field(sent_id) << '\n';
  if (!text.empty()) out << "# text = " << field(text) << '\n';
  for (std::size_t i = 0; i < words.size(); ++i) {
    const TokenMorph* t = i < tags.size() ? &tags[i] : nullptr;
    const Arc* a = i < arcs.size() ? &arcs[i] : nullptr;
    out << fmt::format("{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_\n", i + 1, field(words[i]),
                       t != nullptr ? field(t->lemma) : "_", t != nullptr ? std::string(to_string(t->upos)) : "_",
                       t != nullptr ? field(t->xpos) : "_", a != nullptr ? a->head + 1 : 0,
                       a != nullptr ? field(a->deprel) : "_");
  }
  out << '\n';
}

}  // namespace tempora
