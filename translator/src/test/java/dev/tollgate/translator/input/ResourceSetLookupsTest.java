package dev.tollgate.translator.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testing.Golden;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.TranslationResult;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Secrets and ConfigMaps a translation looks up, found or not: what a provider reading only referenced ones reads. */
class ResourceSetLookupsTest {

  private static final String UNUSED = """
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: unused, namespace: default}
      type: Opaque
      data: {k: dg==}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: unused-map, namespace: default}
      data: {k: v}
      """;

  private static TranslationResult translate(String yaml) throws Exception {
    ManifestReader reader = new ManifestReader().readString("in.yaml", yaml);
    assertThat(reader.problems()).isEmpty();
    return new Pipeline(TranslatorConfig.offline()).run(reader.resources(), reader.problems());
  }

  @Test
  void aRecordingView_notesHitsAndMisses_sorted_andThePlainSetNotesNothing() throws Exception {
    ResourceSet set = new ManifestReader().readString("in.yaml", UNUSED).resources();
    ResourceSet recording = set.recordingLookups();
    assertThat(recording.secret("default", "unused")).isPresent();
    assertThat(recording.secret("other", "missing")).isEmpty();
    assertThat(recording.configMap("default", "unused-map")).isPresent();
    assertThat(recording.service("default", "unused")).isEmpty();
    assertThat(recording.lookups()).containsExactly(new ObjectKey("ConfigMap", "default", "unused-map"),
        new ObjectKey("Secret", "default", "unused"), new ObjectKey("Secret", "other", "missing"));

    set.secret("default", "unused");
    assertThat(set.lookups()).as("the set itself records nothing").isEmpty();
    assertThat(set.recordingLookups().lookups()).as("each view records its own").isEmpty();
    assertThat(recording.size()).isEqualTo(set.size());
  }

  @Test
  void aTranslation_reportsTheListenersSecrets_presentAndMissing_butNotSecretsNothingReferences() throws Exception {
    String https = Files.readString(Golden.testdata().resolve("https/terminate.in.yaml"));
    // Without the api-cert Secret: its listener's reference is still a lookup.
    int apiCert = https.indexOf("apiVersion: v1\nkind: Secret\nmetadata: {name: api-cert");
    String withoutApiCert = https.substring(0, apiCert) + https.substring(https.indexOf("---", apiCert) + 4);
    TranslationResult result = translate(withoutApiCert + UNUSED);
    assertThat(result.lookups()).containsExactly(new ObjectKey("Secret", "default", "api-cert"),
        new ObjectKey("Secret", "default", "example-cert"));
    assertThat(result.gateways().get("default/eg")).isNotNull();
  }

  @Test
  void aTranslation_reportsAJwtProvidersConfigMap() throws Exception {
    TranslationResult result = translate(Files.readString(Golden.testdata().resolve("security/jwt-providers.in.yaml")) + UNUSED);
    assertThat(result.lookups()).contains(new ObjectKey("ConfigMap", "default", "partner-keys"))
        .doesNotContain(new ObjectKey("ConfigMap", "default", "unused-map"), new ObjectKey("Secret", "default", "unused"));
  }

  @Test
  void theSameInputs_reportTheSameLookups() throws Exception {
    String https = Files.readString(Golden.testdata().resolve("https/terminate.in.yaml"));
    List<ObjectKey> first = List.copyOf(translate(https).lookups());
    assertThat(List.copyOf(translate(https).lookups())).isEqualTo(first).isNotEmpty();
  }
}
