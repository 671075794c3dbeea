// UTF-8 validation and repair. Text from the outside world may hold any
// bytes; every stage after Document construction may assume valid UTF-8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tempora::utf8 {

// Length of the valid UTF-8 sequence starting at text[pos], or 0 when the
// bytes there are not one (overlong, surrogate, truncated, > U+10FFFF).
std::size_t valid_sequence_length(std::string_view text, std::size_t pos);

// Decodes the valid sequence at text[pos] (call valid_sequence_length first).
char32_t decode(std::string_view text, std::size_t pos, std::size_t length);

void append(std::string& out, char32_t code_point);

// Replaces each invalid byte with U+FFFD; returns how many were replaced.
std::size_t repair(std::string& text);

bool is_valid(std::string_view text);

}  // namespace tempora::utf8
