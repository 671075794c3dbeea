// Fuzzes the actor resolver and the actor keys: arbitrary bytes as the text,
// and an Entities layer whose spans, types and sentence numbers come from the
// input too (in range or not, overlapping or not), as a buggy recognizer or a
// hand-made layer might give them. Neither may crash, hang or leave
// actor_of_token out of step with the tokens.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "tempora/actor.hpp"
#include "tempora/pos.hpp"
#include "tempora/segment.hpp"

namespace {

struct Stages {
  tempora::Segmenter segmenter = tempora::Segmenter::load();
  tempora::PosTagger tagger = tempora::PosTagger::load();
  tempora::ActorResolver resolver = tempora::ActorResolver::load();
  tempora::ActorKeys keys = tempora::ActorKeys::load();
};

const Stages& stages() {
  static const Stages s;
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Stages& s = stages();
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  const std::size_t half = size / 2;
  (void)s.keys.key(input);
  (void)s.keys.may_refer_to(input.substr(0, half), input.substr(half));

  tempora::Document doc{std::string(input)};
  s.segmenter.segment(doc);
  s.tagger.tag(doc);
  const auto token_count = static_cast<std::uint32_t>(doc.get<tempora::Segmentation>().tokens.size());
  tempora::Entities entities;
  for (std::size_t i = 0; i + 3 <= size && entities.mentions.size() < 64; i += 3) {
    tempora::EntityMention m;
    m.first_token = token_count == 0 ? data[i] : (data[i] * 7u + data[i + 1]) % (token_count + 2);
    m.token_count = data[i + 1] % 5;
    m.type = static_cast<tempora::EntityType>(data[i + 2] % 6);
    m.sentence = data[i + 2];
    entities.mentions.push_back(m);
  }
  doc.add(std::move(entities));
  const tempora::Actors& actors = s.resolver.resolve(doc);
  if (actors.actor_of_token.size() != token_count) std::abort();
  for (const std::int32_t a : actors.actor_of_token)
    if (a >= static_cast<std::int32_t>(actors.actors.size())) std::abort();
  return 0;
}
