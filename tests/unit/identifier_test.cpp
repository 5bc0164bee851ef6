// What an id is and what free text may hold (SPEC §3): an id is 1 to 32 characters of ASCII
// letters, digits, '_', '-' and '.', starting with a letter or digit; names and titles hold no
// control characters. Each problem is said as the phrase a message ends with.
#include "model/identifier.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace poolkit;

TEST_CASE("identifier: the ids SPEC section 3 allows") {
    CHECK(!id_problem("ICB"));
    CHECK(!id_problem("BNSSG-CYP-2025"));
    CHECK(!id_problem("S01"));
    CHECK(!id_problem("0a_b-c.d"));
    CHECK(!id_problem("x"));
    CHECK(!id_problem(std::string(32, 'A'))); // 32 characters: the most
}

TEST_CASE("identifier: everything else, with the reason") {
    CHECK(*id_problem("") == "it is empty");
    CHECK(*id_problem(std::string(33, 'A')) == "it is 33 characters long");
    CHECK(*id_problem("-S01") == "it starts with '-'");
    CHECK(*id_problem("_S01") == "it starts with '_'");
    CHECK(*id_problem(".S01") == "it starts with '.'");
    CHECK(*id_problem("I\nCB") == "it holds \\n (character 2)");
    CHECK(*id_problem("ICB\r") == "it holds \\r (character 4)");
    CHECK(*id_problem("I\tCB") == "it holds \\t (character 2)");
    CHECK(*id_problem("S\x1b[2J") == "it holds \\x1b (character 2)");
    CHECK(*id_problem("S 01") == "it holds a space (character 2)");
    CHECK(*id_problem("S/01") == "it holds '/' (character 2)");
    CHECK(*id_problem("caf\xC3\xA9") == "it holds '\xC3\xA9' (character 4)"); // é
    CHECK(*id_problem("S\xC2\x9B") == "it holds \\u009b (character 2)");      // C1 CSI
    CHECK(*id_problem("S\xFF") == "it holds \\xff (character 2)");            // not UTF-8
    // A bad character is said before the length: it is what to fix.
    CHECK(*id_problem(std::string(40, 'A') + " ") == "it holds a space (character 41)");
}

TEST_CASE("identifier: free text may hold anything but control characters") {
    CHECK(!free_text_problem("Bristol City Council"));
    CHECK(!free_text_problem("Cyngor Dinas Bryste \xE2\x80\x94 \xC2\xA3 \xC5\xB5"));
    CHECK(!free_text_problem("children's \"residential\" care \\ (s75)"));
    CHECK(*free_text_problem("a\nb") == "it holds the control character \\n (character 2)");
    CHECK(*free_text_problem("\tx") == "it holds the control character \\t (character 1)");
    CHECK(*free_text_problem("x\x7f") == "it holds the control character \\x7f (character 2)");
    CHECK(*free_text_problem("\xC3\xA9\xC2\x85") ==
          "it holds the control character \\u0085 (character 2)"); // é then NEL
}
