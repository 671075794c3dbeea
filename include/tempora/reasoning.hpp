// Temporal reasoning: closure over interval endpoints, with contradictions.
//
// TemporalGraph knows nothing about text. Its input is a set of nodes (events,
// time expressions, the document creation time; each an interval with a start
// and an end point) and typed links between them, each with its evidence and
// a confidence. Time nodes carry calendar values. close() computes what the
// links imply, using the point algebra (<, =, > and their disjunctions between
// start and end points), and answers:
//
//   TemporalGraph g;
//   auto meeting = g.add_node({.id = "e1"});
//   auto posted = g.add_node({.id = "e2"});
//   auto oct17 = g.add_node({.id = "t1", .interval = TimeBounds{day_start, day_end}});
//   g.add_link({meeting, oct17, RelType::is_included, 0.9, "on October 17"});
//   g.add_link({posted, meeting, RelType::after, 0.8, "signal 'after'"});
//   g.close();
//   g.start_order(posted, meeting);   // StartOrder::after
//   g.bounds(posted).earliest_start;  // 2025-10-17 00:00: "on or after 2025-10-17"
//
// Links are applied strongest first; a link that contradicts what the stronger
// ones already imply is dropped (the weakest link loses) and reported as a
// Conflict naming the chain of accepted links it contradicts. The same engine
// is reused when several articles are merged into one timeline.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tempora {

// A set of basic point relations: bit 1 '<', bit 2 '=', bit 4 '>'.
enum class PointRel : std::uint8_t { none = 0, lt = 1, eq = 2, le = 3, gt = 4, ne = 5, ge = 6, any = 7 };
constexpr PointRel operator&(PointRel a, PointRel b) {
  return static_cast<PointRel>(static_cast<std::uint8_t>(a) & static_cast<std::uint8_t>(b));
}
constexpr PointRel operator|(PointRel a, PointRel b) {
  return static_cast<PointRel>(static_cast<std::uint8_t>(a) | static_cast<std::uint8_t>(b));
}
// "a r b" as "b r' a".
PointRel inverse(PointRel r);
// a r1 b and b r2 c give a (compose(r1, r2)) c.
PointRel compose(PointRel r1, PointRel r2);
std::string_view to_string(PointRel r);  // "<", "<=", "=", "?", ...

// TimeML 1.2.1 TLINK relTypes, plus two start-point relations that TimeML
// cannot state but news text often does ("X, she said": the saying starts
// after X started) and MATRES asks about.
enum class RelType : std::uint8_t {
  before,
  after,
  includes,
  is_included,
  during,
  during_inv,
  simultaneous,
  identity,
  begins,
  begun_by,
  ends,
  ended_by,
  ibefore,
  iafter,
  starts_before,  // start(a) < start(b), nothing said of the ends
  starts_after,   // start(a) > start(b)
};
std::string_view to_string(RelType type);  // "BEFORE", "IS_INCLUDED", ..., "STARTS_BEFORE"
std::optional<RelType> parse_rel_type(std::string_view name);
RelType inverse(RelType type);

enum class Endpoint : std::uint8_t { start, end };

// One constraint between endpoints: `a_end(a) rel b_end(b)`.
struct PointConstraint {
  Endpoint a_end = Endpoint::start;
  PointRel rel = PointRel::any;
  Endpoint b_end = Endpoint::start;
};
// The endpoint constraints a relType states (start < end is implied for every node).
std::vector<PointConstraint> endpoint_constraints(RelType type);

// The calendar stretch of a time node, [start, end).
struct TimeBounds {
  std::chrono::sys_seconds start{};
  std::chrono::sys_seconds end{};
};

struct TemporalNode {
  std::string id;                       // "e1", "t3", "t0", "doc2:e5", ...
  std::optional<TimeBounds> interval;   // time nodes: the calendar interval they denote
};

struct TemporalLink {
  std::size_t a = 0, b = 0;        // node indices, read "a RELTYPE b"
  RelType type = RelType::before;
  double confidence = 0.5;         // in (0, 1]; stronger links win conflicts
  std::string evidence;            // the signal word, rule or model that produced the link
};

// A link that was dropped because it contradicted stronger ones.
struct Conflict {
  std::size_t dropped = 0;              // index of the link in links()
  std::vector<std::size_t> against;     // accepted links that, chained, imply the opposite
  std::string message;
};

// The start-point order MATRES asks about.
enum class StartOrder : std::uint8_t { before, after, equal, vague };
std::string_view to_string(StartOrder order);  // "BEFORE", "AFTER", "EQUAL", "VAGUE"

// What the closure says about where a node lies on the calendar; empty when
// no dated node bounds it on that side.
struct NodeBounds {
  std::optional<std::chrono::sys_seconds> earliest_start, latest_start, earliest_end, latest_end;
};

struct ReasoningOptions {
  // Work cap in 64-bit word operations of the closure; when reached, the
  // remaining (weaker) links are left out (the closure stays sound but
  // incomplete) and cap_reached() says so. The default is far above what a document of a few
  // hundred events needs.
  std::uint64_t max_work = 400'000'000;
  // Nodes above this are refused (add_node throws std::length_error).
  std::size_t max_nodes = 5'000;  // 10,000 points: about 40 MB of bit matrices
};

class TemporalGraph {
 public:
  TemporalGraph() : TemporalGraph(ReasoningOptions{}) {}
  explicit TemporalGraph(ReasoningOptions options);

  std::size_t add_node(TemporalNode node);
  // Returns the link's index; links to unknown nodes or self-links are ignored (returns npos).
  std::size_t add_link(TemporalLink link);
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  const std::vector<TemporalNode>& nodes() const { return nodes_; }
  const std::vector<TemporalLink>& links() const { return links_; }

  // Computes the closure (idempotent; adding nodes or links afterwards
  // requires another call).
  void close();

  // After close(): per link, whether it was kept.
  bool accepted(std::size_t link) const { return link < accepted_.size() && accepted_[link]; }
  const std::vector<Conflict>& conflicts() const { return conflicts_; }
  bool cap_reached() const { return cap_reached_; }
  std::uint64_t work() const { return work_; }

  // After close(): the relation between two endpoints.
  PointRel relation(std::size_t a, Endpoint a_end, std::size_t b, Endpoint b_end) const;
  // start(a) vs start(b).
  StartOrder start_order(std::size_t a, std::size_t b) const;
  // The most specific TimeML relType the closure entails, or nullopt (vague).
  std::optional<RelType> rel_type(std::size_t a, std::size_t b) const;
  NodeBounds bounds(std::size_t node) const;

 private:
  ReasoningOptions options_;
  std::vector<TemporalNode> nodes_;
  std::vector<TemporalLink> links_;
  std::vector<bool> accepted_;
  std::vector<Conflict> conflicts_;
  bool cap_reached_ = false;
  bool closed_ = false;
  std::uint64_t work_ = 0;
  std::vector<std::uint64_t> le_, lt_;  // row u: points u reaches (<=) and reaches strictly (<)
  std::size_t words_ = 0;                    // 64-bit words per row
};

}  // namespace tempora
