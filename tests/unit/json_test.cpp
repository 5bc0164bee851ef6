#include "readers/json_reader.hpp"
#include "support/error.hpp"
#include "writers/json.hpp"

#include <doctest/doctest.h>

using namespace poolkit;

TEST_CASE("json: the writer's output reads back, path by path") {
    JsonWriter w;
    w.begin_object();
    w.field("schema", "poolkit.test/1");
    w.field("amount", Money::from_pence(-123456));
    w.key("rows").begin_array();
    w.begin_object().field("id", "S\"1\"\n").field("ok", true).end_object();
    w.begin_object().field("lines", std::uint64_t{42}).key("none").null().end_object();
    w.end_array();
    w.key("empty").begin_array().end_array();
    w.end_object();
    std::string text = w.str();
    CHECK(text.substr(0, 30) == "{\n  \"schema\": \"poolkit.test/1\"");
    auto flat = flatten_json(parse_json(text, "t.json"));
    std::vector<std::pair<std::string, std::string>> want{
        {"schema", "poolkit.test/1"}, {"amount", "-1234.56"},  {"rows[0].id", "S\"1\"\n"},
        {"rows[0].ok", "true"},       {"rows[1].lines", "42"}, {"rows[1].none", "null"}};
    CHECK(flat == want);
}

TEST_CASE("json: one_line writes a JSON Lines record: no newline but the last") {
    JsonWriter w(JsonWriter::Layout::one_line);
    w.begin_object();
    w.field("partner", "ICB").field("lines", std::uint64_t{2});
    w.field("amount", Money::from_pence(-50)); // -0.50: the sign kept below a pound
    w.key("fields").begin_array().value("a\nb").value("").end_array();
    w.key("none").begin_object().end_object();
    w.end_object();
    CHECK(w.str() ==
          "{\"partner\":\"ICB\",\"lines\":2,\"amount\":\"-0.50\",\"fields\":[\"a\\nb\",\"\"],"
          "\"none\":{}}\n");
}

TEST_CASE("json: malformed documents are located") {
    try {
        parse_json("{\n  \"a\": [1,\n  }", "bad.json");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.formatted() == "bad.json:3:3: error: malformed JSON: unexpected character '}'");
    }
    CHECK_THROWS_AS(parse_json("", "e.json"), Error);
    CHECK_THROWS_AS(parse_json("\"abc", "e.json"), Error);
    CHECK_THROWS_AS(parse_json("{} x", "e.json"), Error);
    CHECK_THROWS_AS(parse_json(std::string(1000, '['), "deep.json"), Error);
    CHECK(parse_json("\"\\u00a3\"", "u.json").text == "\xC2\xA3"); // £
}

TEST_CASE("json reader: a value copied, or copied over another, is a deep copy") {
    const JsonValue doc = parse_json(R"({"a": [1, "two"], "b": {"c": null}})", "x.json");
    JsonValue copy(doc);
    JsonValue other = parse_json("[true]", "y.json");
    other = copy;
    copy.members[0].second.items[1].text = "changed";
    // The copies are the document's, and changing one leaves the others as they were.
    CHECK(doc.find("a")->items[1].text == "two");
    CHECK(other.find("a")->items[1].text == "two");
    CHECK(other.find("a")->items[0].scalar() == "1");
    CHECK(other.find("b")->find("c")->scalar() == "null");
    CHECK(copy.find("a")->items[1].text == "changed");
}
