package dev.tollgate.translator.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.tollgate.translator.model.IntOrString;
import dev.tollgate.translator.model.envoygateway.BackendSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a binding error is, spelt as a well-formed path under the caller's prefix, and never Jackson's own sentence. */
class BinderPathsTest {

  record Labelled(Map<String, Integer> labels) {}

  record Ported(IntOrString port) {}

  private static JsonNode json(String text) throws Exception {
    return Mappers.json().readTree(text);
  }

  @Test
  void bind_absentTree_isTheDefaults() {
    Binder.Result<BackendSpec> bound = Binder.bind(null, BackendSpec.class);

    assertThat(bound.ok()).isTrue();
    assertThat(bound.value().endpoints()).isEmpty();
    assertThat(bound.value().appProtocols()).isEmpty();
  }

  @Test
  void bind_jsonNull_isTheDefaults() {
    Binder.Result<BackendSpec> bound = Binder.bind(NullNode.getInstance(), BackendSpec.class);

    assertThat(bound.ok()).isTrue();
    assertThat(bound.value()).isNotNull();
  }

  @Test
  void bind_wrongItemInList_pathIndexesTheList() throws Exception {
    Binder.Result<BackendSpec> bound = Binder.bind(json("{\"appProtocols\": [\"h2c\", {}]}"), BackendSpec.class);

    assertThat(bound.errorField()).isEqualTo("appProtocols[1]");
    assertThat(bound.errorUnder("spec")).isEqualTo("spec.appProtocols[1]: invalid value (an object): expected a string");
  }

  @Test
  void bind_wrongRoot_errorIsTheRootItself() throws Exception {
    Binder.Result<BackendSpec> bound = Binder.bind(json("[1, 2]"), BackendSpec.class);

    assertThat(bound.errorField()).isEmpty();
    assertThat(bound.errorUnder("spec")).isEqualTo("spec: invalid value (a list): expected an object");
    assertThat(bound.errorUnder("")).isEqualTo("invalid value (a list): expected an object");
  }

  @Test
  void bind_listRoot_indexFollowsThePrefixWithoutDot() throws Exception {
    Binder.Result<String[]> bound = Binder.bind(json("[\"a\", {}]"), String[].class);

    assertThat(bound.errorField()).isEqualTo("[1]");
    assertThat(bound.errorUnder("spec.hostnames")).startsWith("spec.hostnames[1]: ");
  }

  @Test
  void bind_mapKeyThatIsNotAName_isBracketed() throws Exception {
    Binder.Result<Labelled> bound = Binder.bind(json("{\"labels\": {\"app.kubernetes.io/name\": \"x\"}}"), Labelled.class);

    assertThat(bound.errorUnder("spec")).isEqualTo("spec.labels[app.kubernetes.io/name]: invalid value \"x\": expected an integer");
  }

  @Test
  void bind_modelsOwnCheckFails_itsMessageNotJacksons() throws Exception {
    Binder.Result<Ported> bound = Binder.bind(json("{\"port\": true}"), Ported.class);

    assertThat(bound.errorUnder("spec")).isEqualTo("spec.port: must be an integer or a string");
  }

  @Test
  void bind_unknownFields_placedUnderThePrefix() throws Exception {
    Binder.Result<BackendSpec> bound = Binder.bind(
        json("{\"endpoints\": [{\"ip\": {\"address\": \"10.0.0.1\", \"port\": 80, \"zone\": 1}}], \"a.b\": 1}"), BackendSpec.class);

    assertThat(bound.unknownFieldsUnder("spec")).containsExactly("spec.endpoints[0].ip.zone", "spec[a.b]");
  }

  @Test
  void bind_messagesNameNoJavaTypes() throws Exception {
    List<String> inputs = List.of("[1]", "\"text\"", "{\"endpoints\": 3}", "{\"endpoints\": [[1]]}", "{\"fallback\": \"yes\"}");
    for (String input : inputs) {
      Binder.Result<BackendSpec> bound = Binder.bind(json(input), BackendSpec.class);
      assertThat(bound.error()).as(input).doesNotContain("`", "java.", "dev.tollgate", "content");
    }
  }
}
