#include "tempora/document.hpp"

#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace tempora {
namespace {

// A layer of a made-up stage, to exercise the layer store.
struct TestLayer {
  static constexpr std::string_view kStage = "test (TestLayer)";
  int value = 0;
};

TEST(Document, KeepsValidTextAndInfo) {
  DocumentInfo info;
  info.id = "doc1";
  info.title = "Talks";
  Document doc("Zelensky met Trump.", info);
  EXPECT_EQ(doc.text(), "Zelensky met Trump.");
  EXPECT_EQ(doc.text(Span{0, 8}), "Zelensky");
  EXPECT_EQ(doc.info().id, "doc1");
  EXPECT_TRUE(doc.diagnostics().empty());
}

TEST(Document, RepairsInvalidUtf8AndReportsIt) {
  Document doc("bad \xFF byte");
  EXPECT_EQ(doc.text(), "bad \uFFFD byte");
  ASSERT_EQ(doc.diagnostics().size(), 1u);
  EXPECT_EQ(doc.diagnostics()[0].stage, "text");
  EXPECT_EQ(doc.diagnostics()[0].severity, Diagnostic::Severity::warning);
  EXPECT_NE(doc.diagnostics()[0].message.find("1 byte"), std::string::npos);
}

TEST(Document, KeepsNulBytes) {
  Document doc(std::string("a\0b", 3));
  EXPECT_EQ(doc.text().size(), 3u);
  EXPECT_TRUE(doc.diagnostics().empty());
}

TEST(Document, AddsAndReadsLayers) {
  Document doc("text");
  EXPECT_FALSE(doc.has<TestLayer>());
  const TestLayer& added = doc.add(TestLayer{42});
  EXPECT_EQ(added.value, 42);
  EXPECT_TRUE(doc.has<TestLayer>());
  EXPECT_EQ(doc.get<TestLayer>().value, 42);
  EXPECT_FALSE(doc.has<Segmentation>());
}

TEST(Document, MissingLayerNamesTheStage) {
  Document doc("text");
  try {
    (void)doc.get<Segmentation>();
    FAIL() << "expected std::logic_error";
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find(Segmentation::kStage), std::string::npos);
  }
}

TEST(Document, AddingALayerTwiceThrows) {
  Document doc("text");
  doc.add(TestLayer{1});
  EXPECT_THROW(doc.add(TestLayer{2}), std::logic_error);
  EXPECT_EQ(doc.get<TestLayer>().value, 1);
}

TEST(Document, CollectsDiagnostics) {
  Document doc("text");
  doc.report({Diagnostic::Severity::note, "time", "no creation time", Span{0, 4}});
  ASSERT_EQ(doc.diagnostics().size(), 1u);
  EXPECT_EQ(doc.diagnostics()[0].stage, "time");
  ASSERT_TRUE(doc.diagnostics()[0].where.has_value());
  EXPECT_EQ(*doc.diagnostics()[0].where, (Span{0, 4}));
}

TEST(Span, Relations) {
  constexpr Span a{2, 8};
  EXPECT_EQ(a.size(), 6u);
  EXPECT_FALSE(a.empty());
  EXPECT_TRUE((Span{3, 3}).empty());
  EXPECT_TRUE(a.contains(Span{2, 8}));
  EXPECT_TRUE(a.contains(Span{3, 5}));
  EXPECT_FALSE(a.contains(Span{1, 5}));
  EXPECT_TRUE(a.overlaps(Span{7, 10}));
  EXPECT_FALSE(a.overlaps(Span{8, 10}));
}

TEST(Upos, NamesRoundTrip) {
  for (int i = 0; i <= static_cast<int>(Upos::X); ++i) {
    const auto upos = static_cast<Upos>(i);
    EXPECT_EQ(parse_upos(to_string(upos)), upos);
  }
  EXPECT_FALSE(parse_upos("NOPE").has_value());
}

}  // namespace
}  // namespace tempora
