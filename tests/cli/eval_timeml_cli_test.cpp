// `tempora eval timeml --matres`: MATRES pairs scored from the closure of a
// TimeML file's TLINKs, and `annotate --start-point-links` writing what that
// reads.
#include <string>

#include "cli_support.hpp"

namespace tempora {
namespace {

using testing::CliTest;

class EvalTimemlCli : public CliTest {};

// A fictional wire story: the meeting and the signing are dated, the saying
// precedes the resumption; nothing relates the saying to the meeting.
constexpr std::string_view kStory = R"(<?xml version="1.0"?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-03-14" functionInDocument="CREATION_TIME">2025-03-14</TIMEX3></DCT>
<TEXT>The ministers <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2025-03-12">Wednesday</TIMEX3> and <EVENT eid="e2" class="OCCURRENCE">signed</EVENT> a pact <TIMEX3 tid="t2" type="DATE" value="2025-03-13">the next day</TIMEX3>. They <EVENT eid="e3" class="REPORTING">said</EVENT> talks would <EVENT eid="e4" class="OCCURRENCE">resume</EVENT>.</TEXT>
<MAKEINSTANCE eiid="ei1" eventID="e1"/>
<MAKEINSTANCE eiid="ei2" eventID="e2"/>
<MAKEINSTANCE eiid="ei3" eventID="e3"/>
<MAKEINSTANCE eiid="ei4" eventID="e4"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t2"/>
<TLINK lid="l3" relType="BEFORE" eventInstanceID="ei3" relatedToEventInstance="ei4"/>
</TimeML>
)";

TEST_F(EvalTimemlCli, MatresPairsAreReadFromTheClosureOfTheSystemsTlinks) {
  std::filesystem::create_directories(dir() / "gold");
  write("gold/story.tml", kStory);
  write("pairs.txt",
        "story\tmet\tsigned\t1\t2\tBEFORE\n"
        "story\tsaid\tresume\t3\t4\tBEFORE\n"
        "story\tmet\tsaid\t1\t3\tBEFORE\n"
        "story\tsigned\tsaid\t2\t3\tVAGUE\n"
        "elsewhere\ta\tb\t1\t2\tAFTER\n");
  const auto run = this->run("eval timeml --gold gold --system gold --matres pairs.txt");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("1 of 2 documents, 3 TLINKs"), std::string::npos) << run.out;
  // 2 right of 2 answered; 4 non-VAGUE gold pairs, one in a document not there (no system event).
  EXPECT_NE(run.out.find("precision 100.00  recall 50.00  F1 66.67"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("1 pair events without a system event"), std::string::npos) << run.out;
}

TEST_F(EvalTimemlCli, StartPointLinksAreWrittenOnlyWhenAskedFor) {
  write("story.txt", "Marek said on Thursday that Holm had resigned. The board met later.");
  ASSERT_EQ(run("annotate story.txt --dct 2025-03-14 -o plain").status, 0);
  ASSERT_EQ(run("annotate story.txt --dct 2025-03-14 -o points --start-point-links").status, 0);
  const std::string plain = testing::read_file(dir() / "plain" / "story.tml");
  const std::string points = testing::read_file(dir() / "points" / "story.tml");
  EXPECT_EQ(plain.find("STARTS_"), std::string::npos) << plain;
  EXPECT_NE(points.find("relType=\"STARTS_"), std::string::npos) << points;
  EXPECT_GT(points.size(), plain.size());
}

}  // namespace
}  // namespace tempora
