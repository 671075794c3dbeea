// Each subcommand of the `tempora` program registers itself here; main.cpp
// only builds the top-level app and calls these.
#pragma once

#include <CLI/CLI.hpp>

namespace tempora::cli {

// tempora tag
void add_tag_command(CLI::App& app);
// tempora train pos
void add_train_pos_command(CLI::App& train);
// tempora eval pos
void add_eval_pos_command(CLI::App& eval);

// tempora parse, tempora train parser, tempora eval deps
void add_parse_command(CLI::App& app);
void add_train_parser_command(CLI::App& train);
void add_eval_deps_command(CLI::App& eval);

// tempora annotate, tempora eval timeml: time expressions and TimeML
void add_annotate_command(CLI::App& app);
void add_eval_timeml_command(CLI::App& eval);

// tempora train events: the event-trigger tagger
void add_train_events_command(CLI::App& train);

// tempora train ner, tempora eval ner: the entity recognizer
void add_train_ner_command(CLI::App& train);
void add_eval_ner_command(CLI::App& eval);

// tempora eval matres: event start-point order against MATRES
void add_eval_matres_command(CLI::App& eval);

// tempora eval participants: event participants against MEANTIME
void add_eval_participants_command(CLI::App& eval);
void add_eval_factuality_command(CLI::App& eval);

// tempora timeline: the whole pipeline, drawn or summarised
void add_timeline_command(CLI::App& app);

// tempora extract: the whole analysis as JSON (Lines) or tables
void add_extract_command(CLI::App& app);

// tempora index, tempora query: the corpus store
void add_index_command(CLI::App& app);
void add_query_command(CLI::App& app);

// tempora compare: how several articles tell the same story
void add_compare_command(CLI::App& app);

// tempora eval timeline, tempora semeval-timeline: SemEval-2015 Task 4 timelines
void add_eval_timeline_command(CLI::App& eval);
void add_semeval_timeline_command(CLI::App& app);

}  // namespace tempora::cli
