package dev.tollgate.infra.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7386's Appendix A, every example, through {@link ObjectPatches} as a JSONMerge patch. */
class JsonMergePatchTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"a":"b"}         | {"a":"c"}                 | {"a":"c"}
          {"a":"b"}         | {"b":"c"}                 | {"a":"b","b":"c"}
          {"a":"b"}         | {"a":null}                | {}
          {"a":"b","b":"c"} | {"a":null}                | {"b":"c"}
          {"a":["b"]}       | {"a":"c"}                 | {"a":"c"}
          {"a":"c"}         | {"a":["b"]}               | {"a":["b"]}
          {"a":{"b":"c"}}   | {"a":{"b":"d","c":null}}  | {"a":{"b":"d"}}
          {"a":[{"b":"c"}]} | {"a":[1]}                 | {"a":[1]}
          ["a","b"]         | ["c","d"]                 | ["c","d"]
          {"a":"b"}         | ["c"]                     | ["c"]
          {"a":"foo"}       | null                      | null
          {"a":"foo"}       | "bar"                     | "bar"
          {"e":null}        | {"a":1}                   | {"e":null,"a":1}
          [1,2]             | {"a":"b","c":null}        | {"a":"b"}
          {}                | {"a":{"bb":{"ccc":null}}} | {"a":{"bb":{}}}
          """)
  void rfc7386AppendixA_example_givesItsResult_leavingInputsUnchanged(String original, String patch, String expected) throws Exception {
    JsonNode target = JSON.readTree(original);
    JsonNode value = JSON.readTree(patch);
    JsonNode targetBefore = target.deepCopy();
    JsonNode valueBefore = value.deepCopy();

    JsonNode result = ObjectPatches.apply("JSONMerge", target, value);

    assertThat(result).isEqualTo(JSON.readTree(expected));
    assertThat(target).isEqualTo(targetBefore);
    assertThat(value).isEqualTo(valueBefore);
  }
}
