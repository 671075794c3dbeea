// A program outside the project: segments a sentence with the installed library.
#include <iostream>

#include <tempora/document.hpp>
#include <tempora/segment.hpp>

int main() {
  tempora::Document doc("Zelensky met Trump on Oct. 17. They talked.");
  const auto& seg = tempora::Segmenter::load().segment(doc);
  std::cout << "sentences=" << seg.sentences.size() << " tokens=" << seg.tokens.size() << "\n";
  return seg.sentences.size() == 2 ? 0 : 1;
}
