// Actor resolver speed.
//
//   build/bench/actor_resolver_bench            (needs models/pos-en-ewt.bin)
//
// BM_ResolveActors resolves the three sample articles, repeated 16 times into
// one document (about 100 KB), and reports bytes per second of text on one
// core. The document is segmented, tagged and given an Entities layer once,
// outside the timing: by the EntityRecognizer when models/ner-en.bin is
// installed, else by a stand-in that marks every run of proper nouns. Each
// iteration copies the prepared document (timing paused) and resolves it.
// BM_ResolveManyActors grows a synthetic text with ever more distinct actors
// (250 to 4000 sentences) to show time per byte stays flat.
// BM_ActorKey times ActorKeys::key on a mix of ASCII and accented names.
#include <cctype>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench_support.hpp"
#include "tempora/actor.hpp"
#include "tempora/parse.hpp"
#include "tempora/pos.hpp"
#include "tempora/segment.hpp"

namespace {

const std::filesystem::path kSource = TEMPORA_BENCH_SOURCE_DIR;

// Runs of PROPN tokens as PERSON mentions, single capitalized NORP-like
// adjectives ("Ukrainian") as NORP: enough structure to exercise every rule.
tempora::Entities stand_in_entities(const tempora::Document& doc) {
  const auto& seg = doc.get<tempora::Segmentation>();
  const auto& morph = doc.get<tempora::Morphology>();
  tempora::Entities entities;
  for (std::uint32_t s = 0; s < seg.sentences.size(); ++s) {
    const auto& sentence = seg.sentences[s];
    const std::uint32_t end = sentence.first_token + sentence.token_count;
    for (std::uint32_t i = sentence.first_token; i < end;) {
      const auto upos = morph.tokens[i].upos;
      if (upos != tempora::Upos::PROPN && !(upos == tempora::Upos::ADJ && std::isupper(static_cast<unsigned char>(doc.text(seg.tokens[i].span)[0])))) {
        ++i;
        continue;
      }
      std::uint32_t j = i + 1;
      if (upos == tempora::Upos::PROPN)
        while (j < end && morph.tokens[j].upos == tempora::Upos::PROPN) ++j;
      tempora::EntityMention m;
      m.first_token = i;
      m.token_count = j - i;
      m.sentence = s;
      m.span = {seg.tokens[i].span.begin, seg.tokens[j - 1].span.end};
      m.type = upos == tempora::Upos::ADJ ? tempora::EntityType::NORP
               : j - i >= 2               ? tempora::EntityType::PERSON
                                          : tempora::EntityType::ORGANIZATION;
      entities.mentions.push_back(m);
      i = j;
    }
  }
  return entities;
}

const tempora::Document& prepared() {
  static const tempora::Document doc = [] {
    std::string text;
    const std::string articles = tempora::bench::sample_articles();
    for (int i = 0; i < 16; ++i) text += articles;
    tempora::Document d{text};
    tempora::Segmenter::load(kSource / "resources/text").segment(d);
    tempora::PosTagger::load(kSource / "models/pos-en-ewt.bin").tag(d);
    if (tempora::EntityRecognizer::available()) {
      tempora::DependencyParser::load(kSource / "models/parser-en-ewt.bin").parse(d);  // as the pipeline does
      tempora::EntityRecognizer::load().tag(d);
    } else {
      d.add(stand_in_entities(d));
    }
    return d;
  }();
  return doc;
}

void BM_ResolveActors(benchmark::State& state) {
  const tempora::ActorResolver resolver = tempora::ActorResolver::load(kSource / "resources/actor");
  const tempora::Document& base = prepared();
  std::size_t actors = 0, mentions = 0;
  for (auto _ : state) {
    state.PauseTiming();
    tempora::Document doc = base;
    state.ResumeTiming();
    const tempora::Actors& result = resolver.resolve(doc);
    actors = result.actors.size();
    mentions = 0;
    for (const auto& a : result.actors) mentions += a.mentions.size();
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * base.text().size()));
  state.counters["actors"] = static_cast<double>(actors);
  state.counters["mentions"] = static_cast<double>(mentions);
  state.counters["entities"] = static_cast<double>(base.get<tempora::Entities>().mentions.size());
  state.counters["ner_model"] = tempora::EntityRecognizer::available() ? 1 : 0;
}
BENCHMARK(BM_ResolveActors)->Unit(benchmark::kMillisecond);

// A synthetic article with `sentences` sentences and about as many distinct
// people, places and titles: resolution time per byte should stay flat as it
// grows (the name, role and place indexes keep matching linear).
std::string many_actors_text(int sentences) {
  auto word = [](int i, char first) {
    std::string w(1, first);
    for (int k = 0; k < 4; ++k, i /= 26) w.push_back(static_cast<char>('a' + i % 26));
    return w;
  };
  std::string text;
  for (int i = 0; i < sentences; ++i) {
    text += "President " + word(i, 'K') + " " + word(i, 'M') + " met Governor " + word(i + 7, 'P') + " in " +
            word(i, 'T') + ". " + word(i, 'M') + " said the president and the governor agreed. He left " +
            word(i, 'T') + " later.\n";
  }
  return text;
}

void BM_ResolveManyActors(benchmark::State& state) {
  const tempora::ActorResolver resolver = tempora::ActorResolver::load(kSource / "resources/actor");
  tempora::Document base{many_actors_text(static_cast<int>(state.range(0)))};
  tempora::Segmenter::load(kSource / "resources/text").segment(base);
  tempora::PosTagger::load(kSource / "models/pos-en-ewt.bin").tag(base);
  base.add(stand_in_entities(base));
  std::size_t actors = 0;
  for (auto _ : state) {
    state.PauseTiming();
    tempora::Document doc = base;
    state.ResumeTiming();
    actors = resolver.resolve(doc).actors.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * base.text().size()));
  state.counters["actors"] = static_cast<double>(actors);
  state.counters["KB"] = static_cast<double>(base.text().size()) / 1024.0;
}
BENCHMARK(BM_ResolveManyActors)->Arg(250)->Arg(1000)->Arg(4000)->Unit(benchmark::kMillisecond);

void BM_ActorKey(benchmark::State& state) {
  const tempora::ActorKeys keys = tempora::ActorKeys::load(kSource / "resources/actor");
  const std::vector<std::string> names = {"Ukrainian President Volodymyr Zelenskyy", "Trump", "Recep Tayyip Erdoğan",
                                          "the White House", "Dr. Ilse Brandt", "U.S."};
  std::size_t n = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(keys.key(names[n % names.size()]));
    ++n;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ActorKey);

}  // namespace

BENCHMARK_MAIN();
