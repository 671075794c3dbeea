// Repairs of parse trees: twenty-three shapes greedy decoding leaves in news text.
//
// 1. The main verb caught in a relative clause.
//
// News sentences often open with a subject that a relative clause describes
// before the main verb comes:
//
//     Carnival, which has three ships on order, presented claims ...
//     Trump, who met Zelensky on Friday, later said the talks were productive.
//
// A greedy left-to-right parser has to decide whether the relative clause is
// finished when it reaches the second comma. Trained on web text (UD English
// EWT), where the construction is rare, it keeps the clause open and attaches
// the main verb inside it ("said" as an advcl or conj of "met"), leaving the
// subject noun as the root of the sentence and the main verb without a
// subject: later stages would then not know who said what.
//
// The repair recognizes the resulting shape, which is never a correct UD
// analysis of an English sentence: a nominal root with a relative clause whose
// head has, to its right, a finite verb (a present or past tense form, or a
// verb with an auxiliary) attached as advcl, conj or parataxis, with no
// subject, subordinator or coordinator of its own. That verb is made the root
// and the noun its subject; punctuation after the verb that hung on the noun
// moves to the verb. On UD English EWT the shape occurs once in 4,078 parsed
// dev and test sentences (scores unchanged to the second decimal); on the
// TimeBank and AQUAINT news text it occurs in about one sentence in 450, each
// of them a misparse of this kind. A past participle counts as the main verb
// too when it follows a comma, has no auxiliary and no finite verb follows
// ("The agency, which has capped output, declined to comment": the tagger
// read "declined" as a participle after "has").
//
// The same misparse has a second shape: the relative clause's verb is the
// root, its pronoun ("who", "which") the root's subject, and the noun before
// the pronoun's comma hangs on the root as a vocative or another subject
// ("Goldstein, who said it was possible, defended the use ..."). The later
// verb becomes the root, that noun its subject, and the old root a relative
// clause of the nominal right before the comma when it lies in the
// subject's phrase ("The new study written by Mark Potach, who edits ...,
// warns": the clause is Potach's), else of the subject. It changes 5 of the
// 4,047 TimeBank and AQUAINT sentences, all rightly ("Former prime minister
// Paul Keating, who put the republic issue in the spotlight ..., welcomed
// the result"), and no EWT dev or test sentence.
//
// 2. The subject taken for an apposition. After a fronted phrase and a comma
//
//     In composite trading on the New York Stock Exchange Friday, Crossland
//     closed at $5.25.
//
// the parser often makes the subject an apposition of the last noun before
// the comma ("Friday, Crossland") and leaves the verb without a subject. A
// nominal attached as appos to a word on its left, with no dependents to its
// right, directly before a finite verb (adverbs and auxiliaries aside) that
// has no subject, is made that verb's subject. On EWT dev and test it fires
// five times (UAS +0.004); on the TimeBank and AQUAINT text 13 times, all but
// one a misparse of this kind.
//
// The same holds for a conjunct without a coordinator of its own ("During
// the closed discussions at the White House, Trump responded", with "Trump"
// a conjunct of "House": a UD conjunct that is not the first of a list has
// its "and" or "or", or is followed by one that does) and for a name of
// several words, which hangs on its first word (UD flat: "..., President
// Glafcos Clerides condemned"). An auxiliary never takes the subject (it
// goes to the verb it helps), and a copula passes it on to its predicate
// ("how friendly and polite the staff is": "staff" the subject of
// "friendly"). With these, the repair changes 13 of the 4,027 TimeBank and
// AQUAINT sentences parsed by models/parser-en-ewt.bin, besides the day
// names of repair 4: 10 new subjects, 8 of them right (two wrong: a quote
// mark the tagger took for a noun, and "the aircraft carrier John F.
// Kennedy", the second half of a coordinated subject), and 3 subjects the
// old form had given to an auxiliary ("A.L. Williams Corp. was merged")
// taken back or passed to the main verb. On EWT it changes one test
// sentence (one head and label more right: UAS 85.08 -> 85.09) and four dev
// sentences (two labels more right).
//
// 3. A nominal with a preposition taken for a core argument. In
//
//     The meeting between the two presidents lasted two hours.
//
// the parser may attach "presidents" to "lasted" as a second subject, with
// "between" as its case marker or as a subordinator (mark) of the verb right
// before it. A subject or object with a preposition of its own (a case
// dependent that is not the possessive 's) is not a UD analysis: in the
// 12,544 sentences of EWT train it occurs twice. When the word before the
// phrase and its preposition belongs to another subject (or object) of the
// same verb, the phrase modifies that nominal: "presidents" becomes an nmod
// of "meeting", and "between" its case marker. (Relabelling the other such
// arguments as obliques was tried: it lowered EWT test LAS by 0.03.) It
// changes 12 of the 4,027 TimeBank and AQUAINT sentences.
//
// 4. A day name taken for the subject. News dates the event at the front
// of the sentence, set off by a comma:
//
//     Also Thursday, Saudi Arabia called for an emergency conference.
//     Yesterday, at this year's Apple Worldwide Developers Conference (WWDC),
//     company CEO Steve Jobs unveiled iPhone 4.
//
// and the parser, seeing a noun first, may make the day the subject, with
// the real subject a conjunct or apposition of something before it. A day
// name ("yesterday", "today", "tomorrow", "tonight" or a weekday: a closed
// class) followed by a comma and attached as the subject of a verb to its
// right is a temporal modifier (UD obl:unmarked, EWT's relation for bare
// temporal nouns) when the verb has another subject, or when the phrase right
// before the verb is a subject taken for an apposition or conjunct as in
// repair 2, which then becomes the subject (with the day's relation, nsubj
// or nsubj:pass). Otherwise the day stays the subject ("Wednesday, July 12
// will work for me", the one such subject in EWT's 16,622 sentences). It
// changes 8 of the 4,027 TimeBank and AQUAINT sentences ("Earlier Sunday,
// police and militant Protestants clashed"), all of them rightly, and no EWT
// dev or test sentence.
//
// 5. An adjective taken for a second subject. Names of nationality and
// office open news sentences ("Cuban President Fidel Castro has said",
// "Israeli Prime Minister Benjamin Netanyahu says"), and the parser may make
// the adjective a subject beside the name, or an adverbial of the verb
// ("Ukrainian President Volodymyr Zelensky spoke", "Ukrainian" an advmod of
// "spoke"). An adjective attached as subject or advmod of a verb that has a
// subject whose phrase takes in the first noun after the adjective (past
// other adjectives) is a modifier of that noun (amod; of the head of a
// compound the noun is part of). EWT train has one adjective subject beside
// another subject in 96 adjective subjects. The subject form changes one
// TimeBank and AQUAINT sentence ("Meridian National Corp. said"), the advmod
// form one other ("Hungarian Prime Minister ..."), neither an EWT dev or
// test sentence.
//
// 6. A that-clause taken for a clause of the verb's indirect object. In
//
//     Intel told analysts that the company will resume shipments.
//
// the parser may attach "resume" to "analysts" (acl) instead of "told"
// (ccomp), and the report loses its content. In UD an indirect object comes
// with a second complement, an object or a clause; a clause with a
// subordinator ("that", "whether") is a content clause, not a relative
// clause. So a clause with a subordinator attached as acl to an indirect
// object of a verb that has no object or clausal complement becomes that
// verb's ccomp. EWT train, dev and test have no acl with a subordinator on an
// indirect object; the repair changes 3 TimeBank and AQUAINT sentences
// ("told reporters that", "told U.S. Marines that"), all rightly, and no EWT
// dev or test sentence.
//
// 7. A clause after a subordinator taken for a prepositional phrase. In
//
//     Blinken met Wang on Monday, two days after talks in Munich ended.
//
// the tagger may take "after" for an adverb or preposition ("two days
// after"), and the parser then makes "talks" an oblique of "ended" with
// "after" its case marker, and "ended" a conjunct of "met" without a
// subject: "Blinken" would end something. A finite verb with no subject and
// no subordinator or coordinator, attached to a word on the left and right
// after a nominal phrase (no punctuation inside) that opens with a word that also opens clauses
// (after, before, since, until, till, once), the nominal being the verb's
// oblique or a modifier of a word further left ("to discuss the airline's
// sale, two weeks after the government said"), heads a clause the marker
// opens: the nominal becomes its subject, the marker its subordinator (mark),
// a conjunct verb an adverbial clause (advcl) of the verb it hung on, and a
// unit of time right before the marker ("two weeks") its bare modifier.
// It changes no EWT dev or test sentence and 8 of the 4,027 TimeBank and
// AQUAINT sentences, all in the nominal-modifier form ("barely a month after
// Qantas suspended a number of services", "after the upper house of the
// Dutch parliament voted"): 7 rightly, one with the subject's head wrong
// but its phrase right ("after Chancellor of the Exchequer Nigel Lawson's
// resignation slapped the market", where the parse had put "resignation"
// under "Chancellor"). The comma rule keeps "after massive selloffs, market
// makers say" as it was.
//
// 8. A measure of time taken for a second subject. In
//
//     Hours after the press conference, Marek sat down for an interview.
//
// the parser may make "Hours" a subject of "sat" beside "Marek". A verb with
// two subjects, the first a unit of time ("hours", "days", "a week") whose
// phrase ends in a comma before the second, is dated by the first: it
// becomes a bare temporal modifier (obl:unmarked), as repair 4 does for day
// names. It changes one of the 4,027 TimeBank and AQUAINT sentences ("The
// day before last Tuesday's federal court hearing, Manuel went"), rightly,
// and no EWT dev or test sentence.
//
// 9. A past tense taken for a passive participle. When the tagger reads
// "Holm posted on social media that ..." as a participle (VBN), the parser
// makes Holm the passive subject (nsubj:pass) of a verb with no auxiliary:
// Holm was posted. Headlines do drop the auxiliary ("Five killed in
// attack"), but a passive has no object or clausal complement of its own
// (a that-clause the parse made a parataxis counts as one); with one, and
// without an auxiliary or copula, the subject is active (nsubj). So is the
// "passive" subject of a participle whose auxiliaries are none of be or
// get: the parser spreads the passive of a first conjunct ("TAP was
// nationalised in 2020, and the state has since injected 3.2 billion
// euros", the state injected) or of a that-clause ("three airlines had
// already asked for access"). It changes one TimeBank and AQUAINT sentence
// ("The Dow Jones Industrial Average tumbled 39.55 points"), rightly, and
// no EWT dev or test sentence.
//
// 10. A main verb taken for a reduced relative clause. The same tagging
// error in a lede,
//
//     President Lidia Marek of Carvenia pressed Prime Minister Anders Holm
//     on Thursday to supply air-defense systems.
//
// makes "pressed" a participle modifying the subject (acl: "Marek, pressed
// by ..."), the subject the root of the sentence, and Holm an agent without
// "by". A nominal root whose participle modifier (acl, VBN, no auxiliary or
// subordinator) follows the subject's phrase and has an object, a clausal
// complement or an agent without "by" is the verb's subject: the verb
// becomes the root, an agent without "by" its object, and punctuation after
// the verb that hung on the noun moves to the verb, as in repair 1. It
// changes 7 of the 4,027 TimeBank and AQUAINT sentences ("Sales increased
// 36% to $683 million", "A federal judge removed Vacco"), all rightly, and
// no EWT dev or test sentence. The same holds for a participle hung on an
// apposition to the subject, right after the apposition's closing comma
// ("Lee Anderson, a British lawmaker, criticised the plan": British
// spelling, unknown to the tagger trained on American text). And when the
// parser made the sentence's opening adjective the root and the subject's
// name a bare conjunct of it ("Polish Prime Minister Donald Tusk hosted
// German Chancellor Friedrich Merz", "Polish" the root), the name is taken
// for the nominal root first, the adjective modifying the phrase's first
// noun; the tree is given back unchanged unless the participle is then
// freed. No EWT or TimeBank/AQUAINT sentence has that shape.
//
// 11. A day name after a verb taken for the subject of the next clause.
// News puts the day right after the saying:
//
//     Boeing said Wednesday it had agreed to buy Spirit AeroSystems.
//
// and the parser may make "Wednesday" a second subject of "agreed". A day
// name (as in repair 4) right after a verb, attached as the subject of a
// verb to its right that has another subject, modifies the verb before it
// (obl:unmarked, as EWT attaches "said Wednesday").
//
// 12. A fronted prepositional phrase taken for a subject. In
//
//     Before the talks, Lee laid a wreath at a memorial.
//
// the tagger may read "Before" as a subordinator and the parser then makes
// it a mark of the verb and "talks" a first subject. A nominal subject
// whose phrase opens with a subordinator of the verb ("after", "before",
// "since", "until", "following", "during") and is set off by a comma from
// another subject of the same verb is an oblique (obl), the subordinator
// its case marker.
//
// 13. A name that qualifies a noun taken for a subject of its own. In the
// headline
//
//     Apple executive leaves company
//
// the parser may make both "Apple" and "executive" subjects of "leaves".
// Two nominal subjects of one verb, the first's phrase ending right before
// the second, which is a common noun without dependents on its left, are
// one phrase: the first is a compound of the second, as EWT analyses "Apple
// executive" in a sentence.
//
// 14. A saying verb taken for an adverbial clause of what it says. In
//
//     Apple Inc. announced Monday it has settled its trademark dispute.
//
// the report has no "that", and the parser may make "announced" an
// adverbial clause (advcl) of "settled", the root: the company no longer
// announces anything, and the settling has no subject but "it". A finite
// verb whose subject opens the sentence, with no subordinator, attached as
// advcl to the root on its right, whose phrase ends right where the root's
// subject begins, is the main verb: it becomes the root, the old root its
// clausal complement (ccomp). ("When the French returned ... the Viet Minh
// were": the clause opens with "when", UD's advmod, and stays; so does a
// quote before "..., Castro said Sunday", which a comma ends.) It changes
// 4 of the 4,482 TimeBank, AQUAINT and MEANTIME sentences ("The firm said
// more than 4 billion songs had been downloaded", "The appellate ruling
// made it clear the court takes no joy"), and no EWT dev or test sentence.
//
// 15. A visiting dignitary. In
//
//     Xi Jinping told visiting German Chancellor Olaf Scholz that ...
//
// "visiting" describes the guest, but EWT has no such pre-nominal
// "visiting" (its 12 are verbs), so the parser makes it a clause of the verb
// before it with the guest as its object, and the verb loses the person it
// is said to. After a verb whose object is a person (told, met, welcomed,
// received, ...: a closed list of forms), "visiting" right after it with an
// object of capitalized words right after it ("German Chancellor Olaf
// Scholz") and no other dependents becomes an amod of that object, and the
// object the verb's, when the verb has none. No EWT, TimeBank, AQUAINT or
// MEANTIME sentence has the shape; "enjoyed visiting New York" keeps its
// clause.
//
// 16. An object taken for a compound of a time after it. In
//
//     Nadella met Kotick in New York last month to discuss the deal.
//
// the parser may make "Kotick" a compound of "month", carrying its own
// "in New York", and "met" loses whom it met. A compound with a
// prepositional modifier (nmod) of its own that lies before its head is no
// compound; when it comes right after a verb without an object and its head
// hangs on that verb, it is the verb's object.
//
// 17. A verb coordinated with its neighbour's object. In
//
//     Zelenskyy condemned the attack and called on allies to send ...
//
// the parser may make "called" a conjunct of "attack", and the call loses
// its subject. A finite verb without a subject of its own is no conjunct of
// a noun; when that noun is an object or oblique of a verb, the verb is the
// first conjunct.
//
// 18. A reported clause before its attribution. Headlines and ledes end by
// naming who says what they report:
//
//     Russian missile strike on Kyiv kills 12, officials say
//
// and the parser, reading left to right, makes "strike" the subject of
// "say" and hangs "kills" somewhere inside it. This repair is a re-parse:
// when a sentence ends with a comma, a short speaker (one to four
// determiners, adjectives and nouns), a verb of saying (say, tell, report,
// claim in any tense) and at most a day name and punctuation, the clause
// before the comma is parsed on its own (parser.cpp) and put under the
// saying verb as its ccomp, the speaker's head as the verb's subject and the
// verb as the root, unless the whole parse already had that shape.
//
// 19. A past tense read as a participle, parsed again. Repair 10 mends a
// lede whose main verb the tagger took for a participle when the parse is
// otherwise sound. Often it is not: in
//
//     The department and a group of states sued Google in January 2023.
//     A separate judge ruled in August that Google illegally monopolized ...
//
// "sued" (VBN) hangs on "states", deep in the subject, and "ruled" leaves
// its that-clause to "August": no arc to move gives the sentence. So this
// repair is a re-parse (parser.cpp): when a sentence ending with a full stop
// has a nominal root, and right after the phrase that noun heads (no comma
// between) a participle with no auxiliary or subject of its own modifies a
// word of that phrase, and the participle has no distinct past form of its
// own ("sued", "met", not "taken"), the sentence is parsed again with it
// read as a past tense (VBD). The new tree is kept when it makes the verb the
// root with a subject and an object or a clausal complement: a caption's
// participle stays one ("Protesters arrested in Moscow on Sunday."). In any
// parse, a clause opened by "that" as its object and hung on a verb as a
// relative clause (the tagger read "that" after "August" as a relative
// pronoun) is the verb's complement: a relative clause modifies a noun.
//
// 20. A relative clause taken for an adverbial one. In
//
//     Modi, who arrived in Brazil on Sunday ..., also held talks with ...
//
// the parser may hang "arrived" on "held" as an adverbial clause: a clause
// whose subject is "who" or "which" right after a noun and its comma is a
// relative clause of that noun (acl:relcl), which is how the relative
// pronoun finds its antecedent (SyntaxView::subject); a noun the parser
// made the clause's second subject ("Starpointe holders, who approved the
// plan, will receive ...") is the main verb's, when that verb has none.
//
// 21. A nationality taken for a conjunct that governs a name. In "talks with
// French President Emmanuel Macron and Italian Prime Minister Giorgia
// Meloni" the parser made "Italian" the conjunct of "Emmanuel" and the name
// its object. An adjective with a proper-noun object is no UD analysis:
// the name takes the adjective's place (its head, relation and "and"), and
// the adjective modifies the first noun after it.
//
// 22. A headline's verb taken for a compound. In
//
//     Macron and Scholz hold surprise meeting in Paris before EU summit
//
// the parser, seeing no article, read "hold surprise meeting" as one noun
// phrase ("hold" a compound of "meeting") and "meeting" and "summit" as
// more conjuncts of "Macron". A present or past tense is no compound: when
// it hangs so on a noun to its right, the root is a nominal on its left and
// the verb has no subject, the verb becomes the root, the old root its
// subject, the noun its object, and the root's other conjuncts after the
// verb its object (none marked) or obliques (marked by a preposition).
//
// 23. A preposition hung on a title before a name. In "spoke with Lebanese
// President Michel Aoun" the parser made "with" the case marker of
// "President" (the name's nmod:desc) and the name the verb's object. A
// preposition before a name's title (or other modifier before it) marks the
// whole phrase: it moves to the phrase's head, and an object or subject so
// marked becomes an oblique of its verb (an nmod of a noun).
//
// 24. An opening participle taken for the root. In "Born in Lima in 1950,
// Ana Ruiz studied economics" the parser made "Born" the root and the main
// clause a parataxis of it. A past participle opening the sentence, with no
// auxiliary or subject of its own, whose first finite verb after a comma
// (with a subject of its own) hangs on it, gives the root to that verb and
// becomes its adverbial clause, as UD annotates such a clause.
//
// 25. A predicate that names someone taken for a complement. In "met her
// German counterpart Annalena Baerbock" the parser made "counterpart" a
// nominal complement (xcomp), as of "became", and the verb had no object. A
// noun complement with a proper-noun apposition is no predicate ("became
// her counterpart Annalena Baerbock" is not said): when its verb has no
// object, it is the object.
//
// 26. A relative pronoun taken for the subject beside the real one. In "The
// deal, which Nordex's board approved on Sunday" the parser made both
// "which" and "board" subjects of "approved" (and the deal the approver).
// A relative pronoun that is the subject of a relative clause whose verb has
// a nominal subject after it is the clause's object.
//
// Repair 7 also reads "as" and "while" (unless the verb may be a participle
// right after the noun, before a preposition: "described him as a material
// witness wanted for questioning"), and a name the parse left loose (a list
// item) whose phrase opens with such a word, however attached (", as
// Japanese Foreign Minister Yoko Kamikawa met ...", "as" an adverb of
// "Japanese").
//
// The repairs look at each word a bounded number of times: linear in the
// sentence, however long.
#include "parse/tree_repair.hpp"
#include "tag/lemmatizer.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace tempora::detail {
namespace {

bool nominal(std::string_view upos) { return upos == "NOUN" || upos == "PROPN" || upos == "PRON"; }
bool finite_form(std::string_view xpos) { return xpos == "VBD" || xpos == "VBZ" || xpos == "VBP"; }
std::string_view universal(std::string_view relation) { return relation.substr(0, relation.find(':')); }

// What each word's dependents are, in one pass over the arcs.
struct Dependents {
  std::vector<std::uint8_t> flags;
  std::vector<int> rightmost;  // the rightmost dependent, or -1
  enum : std::uint8_t { kSubject = 1, kAuxiliary = 2, kSubordinator = 4 };

  explicit Dependents(std::span<const Arc> arcs) : flags(arcs.size(), 0), rightmost(arcs.size(), -1) {
    for (std::size_t k = 0; k < arcs.size(); ++k) {
      const int h = arcs[k].head;
      if (h < 0 || static_cast<std::size_t>(h) >= arcs.size()) continue;
      const std::string_view r = universal(arcs[k].deprel);
      auto& f = flags[static_cast<std::size_t>(h)];
      if (r == "nsubj" || r == "csubj" || r == "expl") f |= kSubject;
      if (r == "aux") f |= kAuxiliary;
      if (r == "mark" || r == "cc") f |= kSubordinator;
      rightmost[static_cast<std::size_t>(h)] = std::max(rightmost[static_cast<std::size_t>(h)], static_cast<int>(k));
    }
  }
  bool has(std::size_t i, std::uint8_t flag) const { return (flags[i] & flag) != 0; }
};

// Whether word a is word b or one of its ancestors (the walk is bounded, and a
// tree's heads form no cycle).
bool dominates(std::span<const Arc> arcs, int a, int b) {
  for (int step = 0; step < 256 && b >= 0; ++step, b = arcs[static_cast<std::size_t>(b)].head)
    if (b == a) return true;
  return false;
}

bool finite(std::span<const RepairTags> tags, const Dependents& d, std::size_t v) {
  return finite_form(tags[v].xpos) || d.has(v, Dependents::kAuxiliary);
}

// The root of a single-rooted tree, else -1.
int single_root(std::span<const Arc> arcs) {
  int root = -1;
  for (std::size_t i = 0; i < arcs.size(); ++i)
    if (arcs[i].head < 0) {
      if (root >= 0) return -1;  // not a single tree
      root = static_cast<int>(i);
    }
  return root;
}

// The root of a single-rooted tree when it is a nominal, else -1.
int nominal_root(std::span<const Arc> arcs, std::span<const RepairTags> tags) {
  const int root = single_root(arcs);
  return root >= 0 && nominal(tags[static_cast<std::size_t>(root)].upos) ? root : -1;
}

// The verb becomes the root and the old nominal root its subject;
// punctuation after the verb that hung on the noun moves to the verb.
void make_verb_the_root(std::span<Arc> arcs, std::size_t verb, int root) {
  arcs[verb] = Arc{-1, "root"};
  arcs[static_cast<std::size_t>(root)] = Arc{static_cast<int>(verb), "nsubj"};
  for (std::size_t k = verb + 1; k < arcs.size(); ++k)
    if (arcs[k].head == root && arcs[k].deprel == "punct") arcs[k].head = static_cast<int>(verb);
}

// Whether the verb after a relative clause can be the sentence's main verb:
// finite, or a past participle the tagger chose after the clause's "has"
// ("which has capped production, declined to comment") when it follows a
// comma, has no auxiliary and no finite verb comes after it.
bool main_verb_after_clause(std::span<const RepairTags> tags, const Dependents& d, std::size_t verb) {
  if (finite(tags, d, verb)) return true;
  if (tags[verb].xpos != "VBN" || verb == 0 || tags[verb - 1].form != "," || d.has(verb, Dependents::kAuxiliary))
    return false;
  for (std::size_t k = verb + 1; k < tags.size(); ++k)
    if (finite_form(tags[k].xpos)) return false;
  return true;
}

bool relative_pronoun(std::string_view form) {
  const std::string lower = ascii_lower(form);
  return lower == "which" || lower == "who";
}

// The verbal-root shape of repair 1: the relative clause's verb is the root,
// its pronoun the subject, and the noun before the pronoun's comma hangs on
// it (vocative, dep, ...): "Airbus , which will take over plants , said ...".
void free_main_verb_from_relative_root(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  const int root = single_root(arcs);
  if (root < 3 || tags[static_cast<std::size_t>(root)].upos != "VERB") return;
  const Dependents d(arcs);
  int pronoun = -1, noun = -1;
  for (int k = 0; k < root; ++k)
    if (arcs[static_cast<std::size_t>(k)].head == root) {
      if (universal(arcs[static_cast<std::size_t>(k)].deprel) == "nsubj" && relative_pronoun(tags[static_cast<std::size_t>(k)].form)) pronoun = k;
      else if (pronoun < 0 && nominal(tags[static_cast<std::size_t>(k)].upos) && universal(arcs[static_cast<std::size_t>(k)].deprel) != "obl") noun = k;
    }
  if (pronoun < 2 || noun < 0 || noun >= pronoun || tags[static_cast<std::size_t>(pronoun - 1)].form != ",") return;
  for (std::size_t verb = static_cast<std::size_t>(root) + 1; verb < n; ++verb) {
    if (arcs[verb].head != root || tags[verb].upos != "VERB") continue;
    const std::string_view relation = arcs[verb].deprel;
    if (relation != "advcl" && relation != "conj" && relation != "parataxis") continue;
    if (d.has(verb, Dependents::kSubject | Dependents::kSubordinator) || !main_verb_after_clause(tags, d, verb)) continue;
    // The clause describes the nominal right before its comma ("The study
    // written by Mark Potach , who edits ...": Potach), inside the subject's
    // phrase; a name hangs on its first word.
    int antecedent = pronoun - 2;
    if (universal(arcs[static_cast<std::size_t>(antecedent)].deprel) == "flat" &&
        arcs[static_cast<std::size_t>(antecedent)].head >= 0 && arcs[static_cast<std::size_t>(antecedent)].head < antecedent)
      antecedent = arcs[static_cast<std::size_t>(antecedent)].head;
    if (!nominal(tags[static_cast<std::size_t>(antecedent)].upos) || !dominates(arcs, noun, antecedent)) antecedent = noun;
    arcs[verb] = Arc{-1, "root"};
    arcs[static_cast<std::size_t>(noun)] = Arc{static_cast<int>(verb), "nsubj"};
    arcs[static_cast<std::size_t>(root)] = Arc{antecedent, "acl:relcl"};
    for (std::size_t k = verb + 1; k < n; ++k)
      if (arcs[k].head == root) arcs[k].head = static_cast<int>(verb);
    return;
  }
}

void free_main_verb_from_relative_clause(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  const int root = nominal_root(arcs, tags);
  if (root < 0) return free_main_verb_from_relative_root(arcs, tags);
  const Dependents d(arcs);
  for (std::size_t verb = 0; verb < n; ++verb) {
    const int clause = arcs[verb].head;
    if (clause <= root || static_cast<int>(verb) <= clause) continue;
    const Arc& c = arcs[static_cast<std::size_t>(clause)];
    if (c.head != root || c.deprel != "acl:relcl" || tags[verb].upos != "VERB") continue;
    const std::string_view relation = arcs[verb].deprel;
    if (relation != "advcl" && relation != "conj" && relation != "parataxis") continue;
    if (d.has(verb, Dependents::kSubject | Dependents::kSubordinator) || !main_verb_after_clause(tags, d, verb)) continue;
    make_verb_the_root(arcs, verb, root);
    return;
  }
}

// The subject a finite verb lost to the phrase on its left: the name that
// ends right before the verb group (adverbs and auxiliaries aside), attached
// to a word on its left as an apposition or as a conjunct without a
// coordinator, with no dependents beyond its own last word, and not above the
// clause head that is to take it. Its index, or -1.
int stray_subject_before(std::span<const Arc> arcs, std::span<const RepairTags> tags, const Dependents& d,
                         std::size_t verb, int clause) {
  std::size_t m = verb - 1;  // the word before the verb group
  while (m > 0 && arcs[m].head == static_cast<int>(verb) &&
         (arcs[m].deprel == "advmod" || universal(arcs[m].deprel) == "aux"))
    --m;
  // A multi-word name hangs on its first word (UD flat).
  std::size_t name = m;
  if (universal(arcs[m].deprel) == "flat" && arcs[m].head >= 0 && arcs[m].head < static_cast<int>(m))
    name = static_cast<std::size_t>(arcs[m].head);
  const Arc& a = arcs[name];
  if (!nominal(tags[name].upos) || a.head < 0 || a.head >= static_cast<int>(name)) return -1;
  const bool apposition = a.deprel == "appos";
  const bool bare_conjunct = universal(a.deprel) == "conj" && !d.has(name, Dependents::kSubordinator);
  if (!apposition && !bare_conjunct) return -1;
  if (d.rightmost[name] > static_cast<int>(m) || dominates(arcs, static_cast<int>(name), clause)) return -1;
  return static_cast<int>(name);
}

// The word that takes the subject of the clause a finite verb (or copula)
// heads, when that clause has none: the verb, or the copula's predicate. -1
// for auxiliaries, non-finite verbs, clauses with a subject and clauses whose
// subject is shared or outside them (conjuncts, modifiers, open complements).
int subjectless_finite_clause(std::span<const Arc> arcs, std::span<const RepairTags> tags, const Dependents& d,
                              std::size_t verb) {
  if (tags[verb].upos != "VERB" && tags[verb].upos != "AUX") return -1;
  if (!finite(tags, d, verb)) return -1;
  std::string_view own = universal(arcs[verb].deprel);
  if (own == "aux") return -1;
  int clause = static_cast<int>(verb);
  if (own == "cop") {
    clause = arcs[verb].head;
    if (clause < 0) return -1;
    own = universal(arcs[static_cast<std::size_t>(clause)].deprel);
  }
  if (d.has(static_cast<std::size_t>(clause), Dependents::kSubject)) return -1;
  if (own == "conj" || own == "acl" || own == "xcomp" || own == "amod") return -1;
  return clause;
}

void give_subject_back_from_apposition(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const Dependents d(arcs);
  for (std::size_t verb = 1; verb < arcs.size(); ++verb) {
    const int clause = subjectless_finite_clause(arcs, tags, d, verb);
    if (clause < 0) continue;
    const int subject = stray_subject_before(arcs, tags, d, verb, clause);
    if (subject < 0) continue;
    arcs[static_cast<std::size_t>(subject)] = Arc{clause, "nsubj"};
    return;  // one repair per sentence: the dependents above are now stale
  }
}

void free_subject_from_day_name(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  for (std::size_t day = 0; day + 2 < n; ++day) {
    const int verb = arcs[day].head;
    if (verb <= static_cast<int>(day) + 1 || universal(arcs[day].deprel) != "nsubj" || !day_name(tags[day].form) ||
        tags[day + 1].form != ",")
      continue;
    const auto v = static_cast<std::size_t>(verb);
    const Arc subject_arc = arcs[day];
    arcs[day] = Arc{verb, "obl:unmarked"};
    const Dependents d(arcs);
    if (d.has(v, Dependents::kSubject)) return;  // the verb's other subject was there
    const int clause = subjectless_finite_clause(arcs, tags, d, v);
    const int subject = clause == verb ? stray_subject_before(arcs, tags, d, v, clause) : -1;
    if (subject < 0) {
      arcs[day] = subject_arc;  // no other subject: the day is what the clause is about
      return;
    }
    arcs[static_cast<std::size_t>(subject)] = subject_arc;  // "nsubj", or "nsubj:pass" for a passive
    return;
  }
}

void give_day_name_to_verb_before(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  for (std::size_t day = 1; day + 1 < n; ++day) {
    const int verb = arcs[day].head;
    if (verb <= static_cast<int>(day) || universal(arcs[day].deprel) != "nsubj" || !day_name(tags[day].form) ||
        (tags[day - 1].upos != "VERB" && tags[day - 1].upos != "AUX"))
      continue;
    bool other_subject = false;
    for (std::size_t k = day + 1; k < static_cast<std::size_t>(verb) && !other_subject; ++k)
      other_subject = arcs[k].head == verb && universal(arcs[k].deprel) == "nsubj";
    if (other_subject) arcs[day] = Arc{static_cast<int>(day) - 1, "obl:unmarked"};
  }
}

// An adjective taken for a subject or an adverbial of a verb whose subject
// comes right after it ("Cuban President Fidel Castro said", with "Cuban" a
// second subject): it modifies the first noun or name of that subject's phrase.
void give_adjective_to_next_subject(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  for (std::size_t adjective = 0; adjective + 2 < n; ++adjective) {
    const int verb = arcs[adjective].head;
    if (verb <= static_cast<int>(adjective) + 1 || tags[adjective].upos != "ADJ" ||
        (universal(arcs[adjective].deprel) != "nsubj" && arcs[adjective].deprel != "advmod"))
      continue;
    // The first noun or name after the adjective, past other adjectives
    // ("Israeli Prime Minister"), must belong to another subject of the
    // verb; inside a compound, the adjective modifies the compound's head.
    std::size_t noun = adjective + 1;
    while (noun < static_cast<std::size_t>(verb) && tags[noun].upos == "ADJ") ++noun;
    if (noun >= static_cast<std::size_t>(verb) || (tags[noun].upos != "NOUN" && tags[noun].upos != "PROPN")) continue;
    while (universal(arcs[noun].deprel) == "compound" && arcs[noun].head > static_cast<int>(noun) &&
           arcs[noun].head < verb)
      noun = static_cast<std::size_t>(arcs[noun].head);
    int w = static_cast<int>(noun);
    for (int step = 0; step < 64 && w >= 0 && arcs[static_cast<std::size_t>(w)].head != verb; ++step)
      w = arcs[static_cast<std::size_t>(w)].head;
    if (w < 0 || w == static_cast<int>(adjective) || arcs[static_cast<std::size_t>(w)].head != verb ||
        universal(arcs[static_cast<std::size_t>(w)].deprel) != "nsubj")
      continue;
    arcs[adjective] = Arc{static_cast<int>(noun), "amod"};
  }
}

// A clause with a subordinator ("that", "whether") hanging on the indirect
// object of a verb that has no other complement: the verb's complement.
void give_complement_clause_back_to_verb(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  std::vector<std::uint8_t> complements(n, 0), subordinated(n, 0);
  for (std::size_t k = 0; k < n; ++k) {
    const int h = arcs[k].head;
    if (h < 0 || static_cast<std::size_t>(h) >= n) continue;
    const std::string_view r = universal(arcs[k].deprel);
    if (r == "obj" || r == "ccomp" || r == "xcomp") complements[static_cast<std::size_t>(h)] = 1;
    if (r == "mark" && tags[k].upos == "SCONJ" && static_cast<int>(k) < h) subordinated[static_cast<std::size_t>(h)] = 1;
  }
  for (std::size_t clause = 0; clause < n; ++clause) {
    const int object = arcs[clause].head;
    if (object < 0 || object >= static_cast<int>(clause) || universal(arcs[clause].deprel) != "acl" ||
        !subordinated[clause])
      continue;
    const Arc& o = arcs[static_cast<std::size_t>(object)];
    if (o.deprel != "iobj" || o.head < 0 || complements[static_cast<std::size_t>(o.head)]) continue;
    complements[static_cast<std::size_t>(o.head)] = 1;
    arcs[clause] = Arc{o.head, "ccomp"};
  }
}

bool core_argument(std::string_view relation) {
  const std::string_view r = universal(relation);
  return r == "nsubj" || r == "obj" || r == "iobj";
}

void demote_core_argument_with_preposition(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  // The first preposition of each word (its case dependent on the left) and
  // its leftmost dependent, in one pass.
  std::vector<int> preposition(n, -1), leftmost(n, -1);
  for (std::size_t k = 0; k < n; ++k) {
    const int h = arcs[k].head;
    if (h < 0 || static_cast<std::size_t>(h) >= n) continue;
    auto& first = leftmost[static_cast<std::size_t>(h)];
    if (first < 0) first = static_cast<int>(k);
    if (arcs[k].deprel == "case" && tags[k].upos == "ADP" && tags[k].xpos != "POS" && static_cast<int>(k) < h &&
        preposition[static_cast<std::size_t>(h)] < 0)
      preposition[static_cast<std::size_t>(h)] = static_cast<int>(k);
  }
  for (std::size_t b = 0; b < n; ++b) {
    const int v = arcs[b].head;
    if (v < 0 || !nominal(tags[b].upos) || !core_argument(arcs[b].deprel)) continue;
    // The word before the phrase: left of its leftmost descendant.
    int start = static_cast<int>(b);
    for (int step = 0; step < 64 && leftmost[static_cast<std::size_t>(start)] >= 0 &&
                       leftmost[static_cast<std::size_t>(start)] < start;
         ++step)
      start = leftmost[static_cast<std::size_t>(start)];
    // The preposition is the phrase's own, or hangs on the verb as a
    // subordinator or case marker right before the phrase ("between" as
    // mark of "took", "on" as case of "kills" in "strike on Kyiv kills 12").
    int stray = -1;
    if (preposition[b] < 0) {
      const int m = start - 1;
      if (m < 0 || arcs[static_cast<std::size_t>(m)].head != v ||
          (arcs[static_cast<std::size_t>(m)].deprel != "mark" && arcs[static_cast<std::size_t>(m)].deprel != "case") ||
          tags[static_cast<std::size_t>(m)].xpos != "IN")
        continue;
      stray = m;
      start = m;
    }
    // Up from the word before: is it inside another argument of the same
    // kind of the same verb, on the left?
    int owner = -1;
    for (int w = start - 1, step = 0; w >= 0 && step < 64 && owner < 0; w = arcs[static_cast<std::size_t>(w)].head, ++step) {
      const auto a = static_cast<std::size_t>(w);
      if (arcs[a].head == v && a < b && nominal(tags[a].upos) && universal(arcs[a].deprel) == universal(arcs[b].deprel))
        owner = w;
    }
    if (owner < 0) continue;
    arcs[b] = Arc{owner, "nmod"};
    if (stray >= 0) arcs[static_cast<std::size_t>(stray)] = Arc{static_cast<int>(b), "case"};
  }
}

// The words that are prepositions before a nominal and subordinators before a clause.
bool clause_opening_preposition(std::string_view form) {
  static constexpr std::array<std::string_view, 8> kWords = {"after", "before", "since", "until",
                                                             "till",  "once",   "as",    "while"};
  return std::find(kWords.begin(), kWords.end(), ascii_lower(form)) != kWords.end();
}

bool time_unit(std::string_view form) {
  static constexpr std::array<std::string_view, 16> kUnits = {
      "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
      "year",   "years",   "decade", "decades", "moments", "weekend"};
  return std::find(kUnits.begin(), kUnits.end(), ascii_lower(form)) != kUnits.end();
}

// Phrases longer than this are left alone: it keeps the walks below bounded
// per word (the repairs stay linear in the sentence).
constexpr std::size_t kMaxPhrase = 16;

void open_clause_taken_for_prepositional_phrase(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  const Dependents d(arcs);
  std::vector<int> leftmost(n, -1);  // each word's first dependent
  for (std::size_t k = n; k-- > 0;)
    if (arcs[k].head >= 0 && static_cast<std::size_t>(arcs[k].head) < n) leftmost[static_cast<std::size_t>(arcs[k].head)] = static_cast<int>(k);
  for (std::size_t noun = 1; noun + 1 < n; ++noun) {
    const std::string_view relation = universal(arcs[noun].deprel);
    // (or a name the parse left as a list item or loose dependent: ", as
    // Japanese Foreign Minister Yoko Kamikawa met ...", "as" an adverb of
    // "Japanese")
    // (or the verb's subject already, the marker stranded inside its phrase:
    // ", as Japanese Foreign Minister Yoko Kamikawa met", "met" a conjunct)
    const bool own_subject = relation == "nsubj";
    const bool loose = relation == "list" || relation == "dep" || own_subject;
    if ((relation != "obl" && relation != "nmod" && !loose) || !nominal(tags[noun].upos)) continue;
    // The marker: the nominal's first dependent, where its phrase starts.
    if (leftmost[noun] < 0 || leftmost[noun] > static_cast<int>(noun) ||
        noun - static_cast<std::size_t>(leftmost[noun]) > kMaxPhrase)
      continue;
    auto start = static_cast<std::size_t>(leftmost[noun]);
    if (loose) {  // the first word of its phrase, a dependent's dependent as well, after a comma it took
      while (start > 0 && noun - (start - 1) <= kMaxPhrase && dominates(arcs, static_cast<int>(noun), static_cast<int>(start - 1)))
        --start;
      while (start < noun && tags[start].upos == "PUNCT") ++start;
    }
    const std::string_view marker_relation = universal(arcs[start].deprel);
    if (!(marker_relation == "case" || (loose && marker_relation == "advmod")) ||
        !clause_opening_preposition(tags[start].form))
      continue;
    bool whole = true;  // every word from the marker to the nominal is part of its phrase
    for (std::size_t k = start + 1; k < noun && whole; ++k) whole = dominates(arcs, static_cast<int>(noun), static_cast<int>(k));
    if (!whole) continue;
    // The verb right after the phrase, attached to a word before it (the
    // nominal is its oblique, or a noun's modifier: "the airline's sale, two
    // weeks after the government said").
    std::size_t v = noun + 1;
    while (v < n && v <= noun + kMaxPhrase && dominates(arcs, static_cast<int>(noun), static_cast<int>(v)) &&
           tags[v].upos != "PUNCT")
      ++v;
    if (v >= n || (arcs[noun].head != static_cast<int>(v) && arcs[noun].head >= static_cast<int>(start))) continue;
    if (own_subject && arcs[noun].head != static_cast<int>(v)) continue;
    if (tags[v].upos != "VERB" || !finite_form(tags[v].xpos) || arcs[v].head < 0 ||
        arcs[v].head >= static_cast<int>(start) ||
        d.has(v, (own_subject ? 0 : Dependents::kSubject) | Dependents::kSubordinator | Dependents::kAuxiliary))
      continue;
    const std::string_view own = universal(arcs[v].deprel);
    if (own != "conj" && own != "advcl" && own != "parataxis") continue;
    // "as" and "while" are prepositions more often than the others: a verb
    // that may be a participle right after the noun, a preposition after it,
    // is the noun's reduced relative ("described him as a material witness
    // wanted for questioning"), not the clause's verb.
    const std::string marker = ascii_lower(tags[start].form);
    if ((marker == "as" || marker == "while") && v == noun + 1 && !distinct_participle(tags[v].form) && v + 1 < n &&
        tags[v + 1].xpos == "IN")
      continue;
    const int verb = static_cast<int>(v);
    arcs[start] = Arc{verb, "mark"};
    arcs[noun] = Arc{verb, "nsubj"};
    if (own == "conj") arcs[v].deprel = "advcl";
    // "two weeks after ...": the measure right before the marker measures the clause.
    if (start > 0 && time_unit(tags[start - 1].form) && !dominates(arcs, verb, static_cast<int>(start - 1)) &&
        arcs[start - 1].head < static_cast<int>(start - 1))
      arcs[start - 1] = Arc{verb, "obl:unmarked"};
    return;  // one repair per sentence: the dependents above are now stale
  }
}

void free_subject_from_time_measure(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  for (std::size_t measure = 0; measure + 2 < n; ++measure) {
    const int verb = arcs[measure].head;
    if (verb <= static_cast<int>(measure) || arcs[measure].deprel != "nsubj" || !time_unit(tags[measure].form)) continue;
    // The end of the measure's phrase, then a comma, then the verb's other subject.
    std::size_t end = measure;
    while (end + 1 < static_cast<std::size_t>(verb) && end < measure + kMaxPhrase &&
           dominates(arcs, static_cast<int>(measure), static_cast<int>(end + 1)))
      ++end;
    const std::size_t comma = end + 1;
    if (comma >= static_cast<std::size_t>(verb) || tags[comma].form != ",") continue;
    bool other_subject = false;
    for (std::size_t k = comma + 1; k < static_cast<std::size_t>(verb) && !other_subject; ++k)
      other_subject = arcs[k].head == verb && universal(arcs[k].deprel) == "nsubj" && nominal(tags[k].upos);
    if (!other_subject) return;  // one candidate per sentence keeps the scans to the verb linear
    arcs[measure].deprel = "obl:unmarked";
    return;
  }
}

// The forms of "be" and "get", the passive auxiliaries ("'s" may be "is").
bool passive_auxiliary(std::string_view form) {
  static constexpr std::array<std::string_view, 15> kForms = {
      "be", "been", "being", "is", "are", "was", "were", "am", "'s", "'re", "get", "gets", "got", "gotten", "getting"};
  return std::find(kForms.begin(), kForms.end(), ascii_lower(form)) != kForms.end();
}

void make_passive_subject_of_active_verb_active(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  // Clauses opened by "that": a that-clause the parse calls parataxis is a complement too.
  std::vector<std::uint8_t> that_clause(n, 0);
  for (std::size_t k = 0; k < n; ++k)
    if (arcs[k].head > static_cast<int>(k) && arcs[k].deprel == "mark" && ascii_lower(tags[k].form) == "that")
      that_clause[static_cast<std::size_t>(arcs[k].head)] = 1;
  enum : std::uint8_t { kAuxiliary = 1, kComplement = 2, kPassiveAuxiliary = 4, kCopula = 8 };
  std::vector<std::uint8_t> has(n, 0);
  for (std::size_t k = 0; k < n; ++k) {
    const int h = arcs[k].head;
    if (h < 0 || static_cast<std::size_t>(h) >= n) continue;
    auto& f = has[static_cast<std::size_t>(h)];
    const std::string_view r = universal(arcs[k].deprel);
    if (r == "aux") f |= passive_auxiliary(tags[k].form) || arcs[k].deprel == "aux:pass" ? kPassiveAuxiliary : kAuxiliary;
    if (r == "cop") f |= kCopula;
    if (r == "obj" || r == "ccomp" || (r == "parataxis" && that_clause[k])) f |= kComplement;
  }
  for (std::size_t k = 0; k < n; ++k) {
    const int v = arcs[k].head;
    if (v < 0 || arcs[k].deprel != "nsubj:pass" || static_cast<int>(k) > v) continue;
    const auto vi = static_cast<std::size_t>(v);
    if (tags[vi].xpos != "VBN" || (has[vi] & (kPassiveAuxiliary | kCopula))) continue;
    // No auxiliary but a complement, or an auxiliary that makes no passive.
    if (has[vi] == kComplement || (has[vi] & kAuxiliary)) arcs[k].deprel = "nsubj";
  }
}

// "Polish Prime Minister Donald Tusk hosted ..." parsed with the opening
// adjective as the root and the name a bare conjunct of it: the name is the
// nominal root the adjective modifies. Returns the new root, or -1.
int nominal_root_under_opening_adjective(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  if (n < 3 || single_root(arcs) != 0 || tags[0].upos != "ADJ") return -1;
  const Dependents d(arcs);
  int name = -1;
  for (std::size_t k = 1; k < n && name < 0; ++k)
    if (arcs[k].head == 0 && arcs[k].deprel == "conj" && nominal(tags[k].upos) && !d.has(k, Dependents::kSubordinator))
      name = static_cast<int>(k);
  if (name < 0) return -1;
  // The adjective modifies the first noun or name after it, inside the new root's phrase.
  std::size_t modified = 1;
  while (modified < static_cast<std::size_t>(name) && !nominal(tags[modified].upos)) ++modified;
  if (!dominates(arcs, name, static_cast<int>(modified))) modified = static_cast<std::size_t>(name);
  for (std::size_t k = 1; k < n; ++k)
    if (arcs[k].head == 0) arcs[k].head = name;
  arcs[static_cast<std::size_t>(name)] = Arc{-1, "root"};
  arcs[0] = Arc{static_cast<int>(modified), "amod"};
  return name;
}

void free_main_verb_from_reduced_relative(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  int root = nominal_root(arcs, tags);
  // Only for the reduced relative below: the arcs are given back unless it fires.
  std::vector<Arc> before;
  if (root < 0) {
    before.assign(arcs.begin(), arcs.end());
    root = nominal_root_under_opening_adjective(arcs, tags);
  }
  const auto give_back = [&] {
    if (!before.empty()) std::copy(before.begin(), before.end(), arcs.begin());
  };
  if (root < 0) return give_back();
  // The first participle modifier on the root's right: of the root, or of
  // an apposition to it that a comma closes right before the participle
  // ("Lee Anderson, a British lawmaker, criticised ...").
  std::size_t verb = n;
  bool after_apposition = false;
  for (std::size_t k = static_cast<std::size_t>(root) + 1; k < n && verb == n; ++k) {
    if (arcs[k].deprel != "acl" || tags[k].xpos != "VBN" || arcs[k].head < 0) continue;
    const Arc& h = arcs[static_cast<std::size_t>(arcs[k].head)];
    if (arcs[k].head == root) verb = k;
    else if (h.deprel == "appos" && h.head == root && arcs[k].head < static_cast<int>(k) && tags[k - 1].form == ",")
      verb = k, after_apposition = true;
  }
  if (verb == n) return give_back();
  for (std::size_t k = static_cast<std::size_t>(root) + 1; k < verb; ++k)
    if (!dominates(arcs, root, static_cast<int>(k)) || (tags[k].form == "," && !after_apposition))
      return give_back();  // a modifier set off by commas is one
  const Dependents d(arcs);
  if (d.has(verb, Dependents::kAuxiliary | Dependents::kSubordinator | Dependents::kSubject)) return give_back();
  // Its agent without "by", and whether it has an object or a clausal complement.
  std::vector<std::uint8_t> with_by(n, 0);
  for (std::size_t c = 0; c < n; ++c)
    if (arcs[c].head > static_cast<int>(c) && ascii_lower(tags[c].form) == "by") with_by[static_cast<std::size_t>(arcs[c].head)] = 1;
  int bare_agent = -1;
  bool complement = false;
  for (std::size_t k = 0; k < n; ++k) {
    if (arcs[k].head != static_cast<int>(verb)) continue;
    const std::string_view r = universal(arcs[k].deprel);
    if (r == "obj" || r == "ccomp") complement = true;
    if (arcs[k].deprel == "obl:agent" && !with_by[k]) bare_agent = static_cast<int>(k);
  }
  if (!complement && bare_agent < 0) return give_back();
  make_verb_the_root(arcs, verb, root);
  if (bare_agent >= 0) arcs[static_cast<std::size_t>(bare_agent)].deprel = "obj";
}

bool temporal_preposition(std::string_view form) {
  static constexpr std::array<std::string_view, 6> kWords = {"after", "before", "since", "until", "following", "during"};
  return std::find(kWords.begin(), kWords.end(), ascii_lower(form)) != kWords.end();
}

void free_subject_from_fronted_phrase(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  for (std::size_t m = 0; m + 3 < n; ++m) {
    const int v = arcs[m].head;
    if (v <= static_cast<int>(m) || arcs[m].deprel != "mark" || !temporal_preposition(tags[m].form)) continue;
    // The phrase: the words after the marker up to a comma, one of them a
    // subject of the verb; another subject of the verb follows the comma.
    int phrase_subject = -1;
    std::size_t comma = m + 1;
    for (; comma < static_cast<std::size_t>(v) && tags[comma].form != ","; ++comma)
      if (arcs[comma].head == v && universal(arcs[comma].deprel) == "nsubj" && nominal(tags[comma].upos))
        phrase_subject = static_cast<int>(comma);
    if (phrase_subject < 0 || comma >= static_cast<std::size_t>(v)) continue;
    bool other_subject = false;
    for (std::size_t k = comma + 1; k < static_cast<std::size_t>(v) && !other_subject; ++k)
      other_subject = arcs[k].head == v && universal(arcs[k].deprel) == "nsubj";
    if (!other_subject) continue;
    arcs[static_cast<std::size_t>(phrase_subject)] = Arc{v, "obl"};
    arcs[m] = Arc{phrase_subject, "case"};
    return;
  }
}

}  // namespace

bool day_name(std::string_view form) {
  static constexpr std::array<std::string_view, 11> kDays = {
      "yesterday", "today", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday",  "sunday"};
  return std::find(kDays.begin(), kDays.end(), ascii_lower(form)) != kDays.end();
}

void join_subject_to_the_noun_it_qualifies(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  // the leftmost and rightmost word of each word's phrase
  std::vector<int> left(n), right(n);
  for (std::size_t i = 0; i < n; ++i) left[i] = right[i] = static_cast<int>(i);
  for (std::size_t i = 0; i < n; ++i)
    for (int h = arcs[i].head, step = 0; h >= 0 && step < 256; h = arcs[static_cast<std::size_t>(h)].head, ++step) {
      left[static_cast<std::size_t>(h)] = std::min(left[static_cast<std::size_t>(h)], static_cast<int>(i));
      right[static_cast<std::size_t>(h)] = std::max(right[static_cast<std::size_t>(h)], static_cast<int>(i));
    }
  for (std::size_t first = 0; first + 1 < n; ++first) {
    if (arcs[first].deprel != "nsubj" || (tags[first].upos != "PROPN" && tags[first].upos != "NOUN")) continue;
    const auto second = static_cast<std::size_t>(right[first] + 1);
    if (second >= n || arcs[second].deprel != "nsubj" || arcs[second].head != arcs[first].head ||
        tags[second].upos != "NOUN" || left[second] != static_cast<int>(second))
      continue;
    arcs[first].head = static_cast<int>(second);
    arcs[first].deprel = "compound";
  }
}

void give_reported_clause_to_saying_verb(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const int root = single_root(arcs);
  if (root <= 0) return;
  const auto r = static_cast<std::size_t>(root);
  int subject = -1;
  for (std::size_t k = 0; k < r && subject < 0; ++k)
    if (arcs[k].head == root && arcs[k].deprel == "nsubj") subject = static_cast<int>(k);
  if (subject < 0) return;
  // where the subject's phrase begins
  int begins = subject;
  while (begins > 0 && dominates(arcs, subject, begins - 1)) --begins;
  const Dependents d(arcs);
  for (std::size_t v = 0; v < static_cast<std::size_t>(begins); ++v) {
    if (arcs[v].head != root || arcs[v].deprel != "advcl" || !finite_form(tags[v].xpos) ||
        !d.has(v, Dependents::kSubject) || d.has(v, Dependents::kSubordinator))
      continue;
    int ends = static_cast<int>(v);
    for (int step = 0; step < 256 && d.rightmost[static_cast<std::size_t>(ends)] > ends; ++step)
      ends = d.rightmost[static_cast<std::size_t>(ends)];
    if (ends + 1 != begins) continue;
    // (a comma there ends a quote the root reports: "..., Castro said Sunday")
    bool comma = false;
    for (int k = subject - 1; k > static_cast<int>(v); --k) {
      const RepairTags& t = tags[static_cast<std::size_t>(k)];
      if (k < begins && t.upos != "PUNCT") break;
      comma = comma || t.form == ",";
    }
    if (comma) continue;
    // the sentence opens with the clause's subject (punctuation aside): not
    // "When the French returned", "If you are"
    int own_subject = -1;
    for (std::size_t k = 0; k < v && own_subject < 0; ++k)
      if (arcs[k].head == static_cast<int>(v) && arcs[k].deprel == "nsubj") own_subject = static_cast<int>(k);
    std::size_t first = 0;
    while (first < v && tags[first].upos == "PUNCT") ++first;
    if (own_subject < 0 || !dominates(arcs, own_subject, static_cast<int>(first)) || tags[first].upos == "SCONJ" ||
        tags[first].xpos == "IN" || tags[first].xpos == "WRB")
      continue;
    arcs[v] = Arc{-1, "root"};
    arcs[r] = Arc{static_cast<int>(v), "ccomp"};
    if (arcs.back().head == root && arcs.back().deprel == "punct") arcs.back().head = static_cast<int>(v);
    return;
  }
}

// Forms of verbs whose object is a person ("told visiting ..."), for repair 15.
bool takes_a_person(std::string_view form) {
  static constexpr std::array<std::string_view, 36> kForms = {
      "tell",     "tells",     "told",    "meet",     "meets",    "met",      "welcome",  "welcomes",  "welcomed",
      "receive",  "receives",  "received", "greet",   "greets",   "greeted",  "host",     "hosts",     "hosted",
      "thank",    "thanks",    "thanked",  "urge",    "urges",    "urged",    "brief",    "briefs",    "briefed",
      "assure",   "assures",   "assured",  "invite",  "invites",  "invited",  "ask",      "asks",      "asked"};
  const std::string lower = ascii_lower(form);
  return std::find(kForms.begin(), kForms.end(), lower) != kForms.end();
}

void give_visiting_guest_to_verb(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  for (std::size_t p = 1; p + 2 < arcs.size(); ++p) {
    if (ascii_lower(tags[p].form) != "visiting" || arcs[p].head != static_cast<int>(p) - 1) continue;
    const std::size_t verb = p - 1;
    if (!takes_a_person(tags[verb].form) || tags[verb].upos != "VERB") continue;
    // the participle's object, whose phrase starts right after it; its other
    // dependents follow that phrase and are the verb's ("on Tuesday", "that ...")
    int object = -1;
    for (std::size_t k = p + 1; k < arcs.size() && object < 0; ++k)
      if (arcs[k].head == static_cast<int>(p) && arcs[k].deprel == "obj") object = static_cast<int>(k);
    if (object < 0 || !dominates(arcs, object, static_cast<int>(p) + 1)) continue;
    bool before_object = false;
    for (std::size_t k = 0; k < static_cast<std::size_t>(object); ++k)
      before_object = before_object || arcs[k].head == static_cast<int>(p);
    if (before_object) continue;
    bool capitals = true;
    for (std::size_t k = p + 1; k <= static_cast<std::size_t>(object); ++k)
      capitals = capitals && !tags[k].form.empty() && tags[k].form[0] >= 'A' && tags[k].form[0] <= 'Z';
    if (!capitals) continue;
    bool verb_has_object = false;
    for (std::size_t k = 0; k < arcs.size(); ++k)
      verb_has_object = verb_has_object || (arcs[k].head == static_cast<int>(verb) && arcs[k].deprel == "obj");
    if (verb_has_object) continue;
    for (std::size_t k = static_cast<std::size_t>(object) + 1; k < arcs.size(); ++k)
      if (arcs[k].head == static_cast<int>(p)) arcs[k].head = static_cast<int>(verb);
    arcs[static_cast<std::size_t>(object)] = Arc{static_cast<int>(verb), "obj"};
    arcs[p] = Arc{object, "amod"};
  }
}

void give_object_back_from_time_compound(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  for (std::size_t c = 1; c < arcs.size(); ++c) {
    const int head = arcs[c].head;
    const int verb = static_cast<int>(c) - 1;
    if (arcs[c].deprel != "compound" || head <= static_cast<int>(c) + 1 || arcs[static_cast<std::size_t>(head)].head != verb ||
        tags[static_cast<std::size_t>(verb)].upos != "VERB" || !nominal(tags[c].upos))
      continue;
    bool own_modifier = false, verb_object = false;
    for (std::size_t k = 0; k < arcs.size(); ++k) {
      own_modifier = own_modifier || (arcs[k].head == static_cast<int>(c) && arcs[k].deprel == "nmod" &&
                                      static_cast<int>(k) < head);
      verb_object = verb_object || (arcs[k].head == verb && (arcs[k].deprel == "obj" || arcs[k].deprel == "ccomp"));
    }
    if (!own_modifier || verb_object) continue;
    arcs[c] = Arc{verb, "obj"};
  }
}

void coordinate_verb_with_verb(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const Dependents d(arcs);
  for (std::size_t c = 0; c < arcs.size(); ++c) {
    const int noun = arcs[c].head;
    if (arcs[c].deprel != "conj" || noun < 0 || !finite_form(tags[c].xpos) || d.has(c, Dependents::kSubject)) continue;
    const auto n = static_cast<std::size_t>(noun);
    if (tags[n].upos != "NOUN" && tags[n].upos != "PROPN") continue;
    const int verb = arcs[n].head;
    const std::string_view rel = universal(arcs[n].deprel);
    if (verb < 0 || tags[static_cast<std::size_t>(verb)].upos != "VERB" || (rel != "obj" && rel != "obl")) continue;
    arcs[c].head = verb;
  }
}

// A relative clause of a verb whose first word is "that", its object, with a
// subject of its own, is the verb's that-clause (repair 19).
void complement_clause_from_relative_clause(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  std::vector<int> leftmost(n, -1);  // each word's leftmost dependent
  for (std::size_t k = n; k-- > 0;)
    if (const int h = arcs[k].head; h > static_cast<int>(k) && static_cast<std::size_t>(h) < n)
      leftmost[static_cast<std::size_t>(h)] = static_cast<int>(k);
  const Dependents d(arcs);
  for (std::size_t c = 0; c < n; ++c) {
    const int v = arcs[c].head;
    const int first = leftmost[c];
    if (arcs[c].deprel != "acl:relcl" || v < 0 || tags[static_cast<std::size_t>(v)].upos != "VERB" || first < 0)
      continue;
    const auto f = static_cast<std::size_t>(first);
    if (ascii_lower(tags[f].form) != "that" || arcs[f].deprel != "obj" || leftmost[f] >= 0 ||
        !d.has(c, Dependents::kSubject))
      continue;
    arcs[c].deprel = "ccomp";
    arcs[f].deprel = "mark";
  }
}

// Repair 20: "N , who V ..." with V an advcl: V is a relative clause of N.
void relative_clause_from_adverbial(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  Dependents d(arcs);
  for (std::size_t w = 2; w < n; ++w) {
    const int v = arcs[w].head;
    if (v <= static_cast<int>(w) || universal(arcs[w].deprel) != "nsubj" || !relative_pronoun(tags[w].form) ||
        tags[w - 1].form != "," || arcs[static_cast<std::size_t>(v)].deprel != "advcl")
      continue;
    std::size_t noun = w - 2;
    if (universal(arcs[noun].deprel) == "flat" && arcs[noun].head >= 0 && arcs[noun].head < static_cast<int>(noun))
      noun = static_cast<std::size_t>(arcs[noun].head);
    if (!nominal(tags[noun].upos) || tags[noun].upos == "PRON") continue;
    // The noun made a second subject of the clause ("Starpointe holders, who
    // approved the plan, will receive ..."): it is the main verb's subject.
    if (arcs[noun].head == v) {
      const int main = arcs[static_cast<std::size_t>(v)].head;
      if (main < 0 || tags[static_cast<std::size_t>(main)].upos != "VERB" ||
          d.has(static_cast<std::size_t>(main), Dependents::kSubject))
        continue;
      arcs[noun] = Arc{main, "nsubj"};
      d.flags[static_cast<std::size_t>(main)] |= Dependents::kSubject;
    } else if (dominates(arcs, v, static_cast<int>(noun))) {
      continue;
    }
    arcs[static_cast<std::size_t>(v)] = Arc{static_cast<int>(noun), "acl:relcl"};
  }
}

// Repair 21: an adjective conjunct with a proper-noun object.
void name_from_adjective_conjunct(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  for (std::size_t name = 1; name < n; ++name) {
    const int adj = arcs[name].head;
    if (adj < 0 || adj >= static_cast<int>(name) || tags[name].upos != "PROPN" || universal(arcs[name].deprel) != "obj")
      continue;
    const auto a = static_cast<std::size_t>(adj);
    if (tags[a].upos != "ADJ" || universal(arcs[a].deprel) != "conj" || arcs[a].head < 0 || arcs[a].head >= adj)
      continue;
    std::size_t modified = a + 1;  // the first noun after the adjective, inside the name's phrase
    while (modified < name && tags[modified].upos != "NOUN" && tags[modified].upos != "PROPN") ++modified;
    for (std::size_t k = 0; k < n; ++k)
      if (arcs[k].head == adj && k != name) arcs[k].head = static_cast<int>(name);
    arcs[name] = arcs[a];
    arcs[a] = Arc{static_cast<int>(modified), "amod"};
  }
}

// Repair 22: a finite verb hung as a compound on the noun after it.
void verb_from_compound(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const int root = nominal_root(arcs, tags);
  if (root < 0) return;
  const std::size_t n = arcs.size();
  for (std::size_t v = static_cast<std::size_t>(root) + 1; v + 1 < n; ++v) {
    const int object = arcs[v].head;
    if (arcs[v].deprel != "compound" || tags[v].upos != "VERB" || !finite_form(tags[v].xpos) ||
        object <= static_cast<int>(v) || !nominal(tags[static_cast<std::size_t>(object)].upos))
      continue;
    const Dependents d(arcs);
    if (d.has(v, Dependents::kSubject)) return;
    std::vector<std::uint8_t> marked(n, 0);
    for (std::size_t k = 0; k < n; ++k)
      if (arcs[k].head >= 0 && universal(arcs[k].deprel) == "case") marked[static_cast<std::size_t>(arcs[k].head)] = 1;
    make_verb_the_root(arcs, v, root);
    for (std::size_t k = v + 1; k < n; ++k) {
      if (arcs[k].head != root || universal(arcs[k].deprel) != "conj") continue;
      arcs[k] = Arc{static_cast<int>(v), marked[k] ? "obl" : "obj"};
    }
    arcs[static_cast<std::size_t>(object)] = Arc{static_cast<int>(v), "obj"};
    return;
  }
}

// Repair 23: "with" on the title of "with Lebanese President Michel Aoun".
void case_from_title_to_name(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  std::vector<std::uint8_t> has_case(n, 0);
  for (std::size_t k = 0; k < n; ++k)
    if (arcs[k].head >= 0 && universal(arcs[k].deprel) == "case") has_case[static_cast<std::size_t>(arcs[k].head)] = 1;
  for (std::size_t c = 0; c + 2 < n; ++c) {
    const int t = arcs[c].head;
    if (t <= static_cast<int>(c) || universal(arcs[c].deprel) != "case" || tags[c].upos != "ADP") continue;
    const auto ti = static_cast<std::size_t>(t);
    const std::string_view rel = arcs[ti].deprel;
    const int name = arcs[ti].head;
    if ((rel != "nmod:desc" && rel != "compound") || name <= t || tags[static_cast<std::size_t>(name)].upos != "PROPN")
      continue;
    const auto ni = static_cast<std::size_t>(name);
    if (has_case[ni]) continue;
    arcs[c].head = name;
    has_case[ni] = 1;
    const std::string_view role = universal(arcs[ni].deprel);
    const int governor = arcs[ni].head;
    if ((role == "obj" || role == "nsubj") && governor >= 0)
      arcs[ni].deprel = tags[static_cast<std::size_t>(governor)].upos == "VERB" ? "obl" : "nmod";
  }
}

void main_clause_from_opening_participle(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  if (n < 5 || arcs[0].head >= 0 || tags[0].xpos != "VBN") return;
  const Dependents d(arcs);
  if (d.has(0, Dependents::kAuxiliary) || d.has(0, Dependents::kSubject) || d.has(0, Dependents::kSubordinator)) return;
  std::size_t comma = 0;
  for (std::size_t k = 1; k < n && comma == 0; ++k)
    if (tags[k].form == ",") comma = k;
  if (comma == 0) return;
  for (std::size_t v = comma + 1; v < n; ++v) {
    if (arcs[v].head != 0) continue;
    if (!finite_form(tags[v].xpos) || !d.has(v, Dependents::kSubject)) return;
    arcs[v] = Arc{-1, "root"};
    arcs[0] = Arc{static_cast<int>(v), "advcl"};
    for (std::size_t k = 1; k < n; ++k)  // the comma and the full stop go with the main verb
      if (arcs[k].head == 0 && tags[k].upos == "PUNCT" && (k == comma || k > v)) arcs[k].head = static_cast<int>(v);
    return;
  }
}

void object_from_named_predicate(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  std::vector<std::uint8_t> has_object(n, 0), has_name(n, 0);
  for (std::size_t k = 0; k < n; ++k) {
    const int h = arcs[k].head;
    if (h < 0) continue;
    if (arcs[k].deprel == "obj") has_object[static_cast<std::size_t>(h)] = 1;
    if (arcs[k].deprel == "appos" && tags[k].upos == "PROPN") has_name[static_cast<std::size_t>(h)] = 1;
  }
  for (std::size_t k = 0; k < n; ++k) {
    const int h = arcs[k].head;
    if (h < 0 || arcs[k].deprel != "xcomp" || tags[k].upos != "NOUN" || !has_name[k]) continue;
    const auto hi = static_cast<std::size_t>(h);
    if (tags[hi].upos != "VERB" || has_object[hi]) continue;
    arcs[k].deprel = "obj";
    has_object[hi] = 1;
  }
}

void object_relative_pronoun(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  for (std::size_t r = 0; r + 2 < n; ++r) {
    // ("who" stays: it is seldom an object, and "who yesterday trimmed" has
    // a day taken for a second subject)
    if (universal(arcs[r].deprel) != "nsubj" || ascii_lower(tags[r].form) != "which" || arcs[r].head <= static_cast<int>(r))
      continue;
    const auto v = static_cast<std::size_t>(arcs[r].head);
    if (arcs[v].deprel != "acl:relcl" || tags[v].upos != "VERB") continue;
    bool other_subject = false;  // a nominal subject of the same verb between the pronoun and it
    for (std::size_t k = r + 1; k < v && !other_subject; ++k)
      other_subject = arcs[k].head == static_cast<int>(v) && universal(arcs[k].deprel) == "nsubj" && nominal(tags[k].upos) &&
                      !day_name(tags[k].form);
    if (other_subject) arcs[r].deprel = "obj";
  }
}

// The forms of the saying verbs an attribution ends with (repair 18).
bool attribution_verb(std::string_view form) {
  static constexpr std::array<std::string_view, 12> kForms = {"say",    "says",    "said",  "tell",   "tells",  "told",
                                                              "report", "reports", "reported", "claim", "claims", "claimed"};
  const std::string lower = ascii_lower(form);
  return std::find(kForms.begin(), kForms.end(), lower) != kForms.end();
}

bool is_tree(std::span<const Arc> arcs) {
  const std::size_t n = arcs.size();
  if (single_root(arcs) < 0) return n == 0;
  // 0 unseen, 1 on the current walk, 2 known to reach the root
  std::vector<std::uint8_t> state(n, 0);
  std::vector<std::size_t> walk;
  for (std::size_t start = 0; start < n; ++start) {
    walk.clear();
    std::size_t k = start;
    while (true) {
      if (state[k] == 2) break;
      if (state[k] == 1) return false;  // back on this walk: a cycle
      state[k] = 1;
      walk.push_back(k);
      const int h = arcs[k].head;
      if (h < 0) break;
      if (static_cast<std::size_t>(h) >= n) return false;
      k = static_cast<std::size_t>(h);
    }
    for (const std::size_t w : walk) state[w] = 2;
  }
  return true;
}

void repair_tree(std::span<Arc> arcs, std::span<const RepairTags> tags) {
  free_main_verb_from_relative_clause(arcs, tags);
  free_main_verb_from_reduced_relative(arcs, tags);
  free_subject_from_day_name(arcs, tags);
  give_day_name_to_verb_before(arcs, tags);
  free_subject_from_fronted_phrase(arcs, tags);
  give_subject_back_from_apposition(arcs, tags);
  give_adjective_to_next_subject(arcs, tags);
  give_complement_clause_back_to_verb(arcs, tags);
  demote_core_argument_with_preposition(arcs, tags);
  open_clause_taken_for_prepositional_phrase(arcs, tags);
  free_subject_from_time_measure(arcs, tags);
  make_passive_subject_of_active_verb_active(arcs, tags);
  join_subject_to_the_noun_it_qualifies(arcs, tags);
  give_reported_clause_to_saying_verb(arcs, tags);
  give_visiting_guest_to_verb(arcs, tags);
  give_object_back_from_time_compound(arcs, tags);
  coordinate_verb_with_verb(arcs, tags);
  complement_clause_from_relative_clause(arcs, tags);
  relative_clause_from_adverbial(arcs, tags);
  name_from_adjective_conjunct(arcs, tags);
  verb_from_compound(arcs, tags);
  case_from_title_to_name(arcs, tags);
  main_clause_from_opening_participle(arcs, tags);
  object_from_named_predicate(arcs, tags);
  object_relative_pronoun(arcs, tags);
}

std::size_t attributed_clause_length(std::span<const RepairTags> tags) {
  std::size_t end = tags.size();
  while (end > 0 && tags[end - 1].upos == "PUNCT") --end;
  if (end > 0 && day_name(tags[end - 1].form)) {
    --end;
    if (end > 0 && ascii_lower(tags[end - 1].form) == "on") --end;  // "..., officials said on Tuesday."
  }
  if (end < 3 || tags[end - 1].upos != "VERB" || !attribution_verb(tags[end - 1].form)) return 0;
  std::size_t k = end - 1;
  bool noun = false;
  while (k > 0 && end - 1 - k < 4) {
    const std::string_view u = tags[k - 1].upos;
    if (u != "DET" && u != "ADJ" && u != "NOUN" && u != "PROPN") break;
    noun = noun || u == "NOUN" || u == "PROPN";
    --k;
  }
  if (!noun || k == 0 || tags[k - 1].form != ",") return 0;
  const std::size_t clause = k - 1;
  // a clause of three words or more with a verb of its own
  if (clause < 3) return 0;
  for (std::size_t i = 0; i < clause; ++i)
    if (tags[i].upos == "VERB") return clause;
  return 0;
}

namespace {
// The saying verb of an attribution tail: the last word before the final
// punctuation and day name.
std::size_t attribution_verb_index(std::span<const RepairTags> tags) {
  std::size_t verb = tags.size();
  while (verb > 0 && (tags[verb - 1].upos == "PUNCT" || day_name(tags[verb - 1].form))) --verb;
  if (verb > 1 && verb < tags.size() && day_name(tags[verb].form) && ascii_lower(tags[verb - 1].form) == "on") --verb;
  return verb == 0 ? 0 : verb - 1;
}
}  // namespace

bool attributed_clause_attached(std::span<const Arc> arcs, std::size_t c, std::span<const RepairTags> tags) {
  const std::size_t verb = attribution_verb_index(tags);
  if (arcs[verb].head >= 0) return false;
  // the verb is the root and one word of the clause, heading all the
  // others, hangs on it as a clause
  int top = -1;
  for (std::size_t i = 0; i < c; ++i) {
    const int h = arcs[i].head;
    if (h == static_cast<int>(verb)) {
      if (top >= 0) return false;
      top = static_cast<int>(i);
    } else if (h < 0 || static_cast<std::size_t>(h) >= c) {
      return false;
    }
  }
  return top >= 0 &&
         (arcs[static_cast<std::size_t>(top)].deprel == "ccomp" || arcs[static_cast<std::size_t>(top)].deprel == "parataxis");
}

void attach_attributed_clause(std::span<Arc> arcs, std::span<const Arc> clause, std::span<const RepairTags> tags) {
  const std::size_t c = clause.size();
  if (c == 0 || c + 2 >= arcs.size()) return;
  // The clause's own parse must be a clause: a verb at its root, or a
  // predicate with its copula ("is not for sale"); a nominal root is a
  // misparse of its own.
  int clause_root = -1;
  bool copula = false;
  for (std::size_t i = 0; i < c; ++i) {
    if (clause[i].head < 0) clause_root = static_cast<int>(i);
    if (clause[i].deprel == "cop") copula = true;
  }
  if (clause_root < 0 || (tags[static_cast<std::size_t>(clause_root)].upos != "VERB" && !copula)) return;
  const std::size_t verb = attribution_verb_index(tags);
  for (std::size_t i = 0; i < c; ++i)
    arcs[i] = clause[i].head < 0 ? Arc{static_cast<int>(verb), "ccomp"} : clause[i];
  arcs[c] = Arc{static_cast<int>(verb), "punct"};  // the comma
  // the speaker: its last noun is the subject, and its other words that hang
  // outside it modify that noun
  std::size_t speaker = verb - 1;
  while (speaker > c + 1 && tags[speaker].upos != "NOUN" && tags[speaker].upos != "PROPN") --speaker;
  for (std::size_t i = c + 1; i < verb; ++i) {
    const int h = arcs[i].head;
    if (i == speaker || (h > static_cast<int>(c) && h < static_cast<int>(verb))) continue;
    const std::string_view u = tags[i].upos;
    arcs[i] = Arc{static_cast<int>(speaker), u == "DET" ? "det" : u == "ADJ" ? "amod" : "compound"};
  }
  arcs[speaker] = Arc{static_cast<int>(verb), "nsubj"};
  arcs[verb] = Arc{-1, "root"};
  for (std::size_t i = verb + 1; i < arcs.size(); ++i)
    arcs[i] = Arc{static_cast<int>(verb), tags[i].upos == "PUNCT" ? "punct" : "obl:unmarked"};
  if (verb + 2 < arcs.size() && ascii_lower(tags[verb + 1].form) == "on" && day_name(tags[verb + 2].form)) {
    arcs[verb + 1] = Arc{static_cast<int>(verb + 2), "case"};  // "said on Tuesday"
    arcs[verb + 2] = Arc{static_cast<int>(verb), "obl"};
  }
}

int participle_read_as_past_tense(std::span<const Arc> arcs, std::span<const RepairTags> tags) {
  const std::size_t n = arcs.size();
  if (n < 4 || tags[n - 1].form != ".") return -1;
  const int root = nominal_root(arcs, tags);
  if (root < 0) return -1;
  for (std::size_t k = static_cast<std::size_t>(root) + 1; k < n; ++k) {
    if (tags[k].form == ",") return -1;
    if (arcs[k].deprel != "acl" || tags[k].xpos != "VBN" || tags[k].upos != "VERB") continue;
    if (distinct_participle(tags[k].form)) return -1;
    for (std::size_t j = 0; j < k; ++j)
      if (!dominates(arcs, root, static_cast<int>(j))) return -1;
    const Dependents d(arcs);
    if (d.has(k, Dependents::kAuxiliary | Dependents::kSubordinator | Dependents::kSubject)) return -1;
    return static_cast<int>(k);
  }
  return -1;
}

bool past_tense_reading_holds(std::span<const Arc> arcs, int verb) {
  if (verb < 0 || static_cast<std::size_t>(verb) >= arcs.size() || arcs[static_cast<std::size_t>(verb)].head >= 0)
    return false;
  bool subject = false, complement = false;
  for (const Arc& a : arcs) {
    if (a.head != verb) continue;
    const std::string_view r = universal(a.deprel);
    subject = subject || r == "nsubj";
    complement = complement || r == "obj" || r == "ccomp";
  }
  return subject && complement;
}

}  // namespace tempora::detail
