// The tempora command line: one subcommand per job, each in its own file.
#include <cstdio>
#include <exception>
#include <optional>

#include <oneapi/tbb/global_control.h>

#include <fmt/format.h>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "tempora: finds what happened in news text, who took part and when, and orders it into a timeline.\n"
      "Run `tempora COMMAND --help` for the options of a command."};
  app.name("tempora");
  app.require_subcommand(1);
  app.set_version_flag("--version", "tempora 0.1.0");
  // Caps oneTBB's threads for the whole run; the option's callback runs before
  // the subcommand's. Output never depends on it (tests/cli/determinism_test).
  std::optional<tbb::global_control> threads;
  app.add_option_function<int>(
         "--threads", [&threads](int n) { threads.emplace(tbb::global_control::max_allowed_parallelism, n); },
         "Worker threads at most (default: all cores)")
      ->check(CLI::PositiveNumber);

  CLI::App* train = app.add_subcommand("train", "Train a model from annotated data (reproducible, deterministic)");
  train->require_subcommand(1);
  CLI::App* eval = app.add_subcommand("eval", "Score tempora against annotated data");
  eval->require_subcommand(1);

  tempora::cli::add_tag_command(app);
  tempora::cli::add_train_pos_command(*train);
  tempora::cli::add_eval_pos_command(*eval);
  tempora::cli::add_parse_command(app);
  tempora::cli::add_train_parser_command(*train);
  tempora::cli::add_eval_deps_command(*eval);
  tempora::cli::add_annotate_command(app);
  tempora::cli::add_eval_timeml_command(*eval);
  tempora::cli::add_eval_matres_command(*eval);
  tempora::cli::add_eval_participants_command(*eval);
  tempora::cli::add_eval_factuality_command(*eval);
  tempora::cli::add_train_events_command(*train);
  tempora::cli::add_train_ner_command(*train);
  tempora::cli::add_eval_ner_command(*eval);
  tempora::cli::add_timeline_command(app);
  tempora::cli::add_index_command(app);
  tempora::cli::add_query_command(app);
  tempora::cli::add_extract_command(app);

  tempora::cli::add_compare_command(app);
  tempora::cli::add_eval_timeline_command(*eval);
  tempora::cli::add_semeval_timeline_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::fflush(stdout);
    fmt::print(stderr, "tempora: error: {}\n", e.what());
    return 1;
  }
  return 0;
}
