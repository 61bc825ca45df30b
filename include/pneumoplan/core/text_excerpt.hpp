// Values quoted in messages. A message is one line a planner reads: a value pasted into it is cut to a short
// excerpt (a 5 MB field is not echoed whole) and its control characters are shown as escapes (a newline in a
// value cannot break the message into two lines).
#pragma once

#include <cstddef>
#include <string>

namespace pneumo {

// 'text' as it would be quoted in a message: whole when it is short, else its start, an ellipsis and its
// length ("'AAAA…' (5242880 bytes)"). Never cuts a UTF-8 character; control bytes appear as \n, \t, \xHH.
std::string quote_value(const std::string& text, std::size_t max_chars = 60);

// The same without the quotes and the length: the first `max_chars` characters, escaped.
std::string excerpt(const std::string& text, std::size_t max_chars = 60);

}  // namespace pneumo
