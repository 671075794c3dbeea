// MATRES pairs and scores (see matres.hpp).
#include "cli/matres.hpp"

#include <fmt/format.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace tempora::cli {
namespace {

std::optional<StartOrder> parse_label(std::string_view s) {
  if (s == "BEFORE") return StartOrder::before;
  if (s == "AFTER") return StartOrder::after;
  if (s == "EQUAL") return StartOrder::equal;
  if (s == "VAGUE") return StartOrder::vague;
  return std::nullopt;
}

}  // namespace

std::map<std::string, std::vector<MatresPair>> read_matres(const std::vector<std::string>& files) {
  std::map<std::string, std::vector<MatresPair>> by_doc;
  for (const std::string& file : files) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file);
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      std::string doc, label;
      MatresPair p;
      if (!(fields >> doc >> p.verb1 >> p.verb2 >> p.eiid1 >> p.eiid2 >> label)) continue;
      const auto gold = parse_label(label);
      if (!gold) continue;
      p.gold = *gold;
      if (!p.eiid1.starts_with("ei")) p.eiid1 = "ei" + p.eiid1;
      if (!p.eiid2.starts_with("ei")) p.eiid2 = "ei" + p.eiid2;
      by_doc[doc].push_back(std::move(p));
    }
  }
  return by_doc;
}

void MatresScore::print() const {
  std::size_t correct = 0, answered = 0, gold_total = 0;
  constexpr int kVague = static_cast<int>(StartOrder::vague);
  for (int g = 0; g < 4; ++g)
    for (int s = 0; s < 4; ++s) {
      if (s != kVague) answered += confusion[g][s];
      if (g != kVague) gold_total += confusion[g][s];
      if (g == s && g != kVague) correct += confusion[g][s];
    }
  const double p = answered ? 100.0 * double(correct) / double(answered) : 0.0;
  const double r = gold_total ? 100.0 * double(correct) / double(gold_total) : 0.0;
  const double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  fmt::print("  precision {:.2f}  recall {:.2f}  F1 {:.2f}   ({} correct, {} answered, {} gold non-VAGUE)\n", p, r, f,
             correct, answered, gold_total);
  if (unmapped) fmt::print("  {} pair events without a system event\n", unmapped);
  fmt::print("  confusion (rows gold, columns system): BEFORE AFTER EQUAL VAGUE\n");
  for (int g = 0; g < 4; ++g)
    fmt::print("  {:<7} {:>6} {:>6} {:>6} {:>6}\n", to_string(static_cast<StartOrder>(g)), confusion[g][0],
               confusion[g][1], confusion[g][2], confusion[g][3]);
}

}  // namespace tempora::cli
