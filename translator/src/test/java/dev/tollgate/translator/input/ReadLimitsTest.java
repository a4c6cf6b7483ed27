package dev.tollgate.translator.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.translator.extension.ExtensionKinds;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadLimitsTest {

  private static final ReadLimits SMALL = new ReadLimits(64 * 1024, 16 * 1024, 20);

  private static ManifestReader reader(ReadLimits limits) {
    return new ManifestReader(ExtensionKinds.NONE, limits);
  }

  private static String configMap(String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + "}\ndata:\n  k: \"" + value + "\"\n";
  }

  @Test
  void read_fileLargerThanTheLimit_isRefusedWithoutReadingIt(@TempDir Path dir) throws Exception {
    Path big = Files.writeString(dir.resolve("big.yaml"), configMap("x", "a".repeat(70 * 1024)));
    assertThatThrownBy(() -> reader(SMALL).read(big.toString()))
        .isInstanceOf(UnreadableInputException.class)
        .hasMessage(big + ": is " + Files.size(big) + " bytes, larger than the limit of 64 KiB (--max-file-size); it was not read");
  }

  @Test
  void read_standardInputLargerThanTheLimit_isRefused() {
    var in = new ByteArrayInputStream(configMap("x", "a".repeat(70 * 1024)).getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> reader(SMALL).read("<stdin>", in))
        .hasMessage("<stdin>: larger than the limit of 64 KiB (--max-file-size); it was not read");
  }

  @Test
  void read_documentLargerThanTheLimit_isRefusedNamingTheDocument() {
    String text = configMap("a", "small") + "---\n" + configMap("b", "b".repeat(20 * 1024));
    assertThatThrownBy(() -> reader(SMALL).readString("two.yaml", text))
        .hasMessage("two.yaml (document 1): larger than the limit of 16 KiB for one document (--max-document-size); "
            + "the file was not read");
  }

  @Test
  void read_longScalarWithinTheLimits_isReadWhole() throws Exception {
    String value = "v".repeat(2 * 1024 * 1024);
    ManifestReader r = reader(new ReadLimits(8 * ReadLimits.MIB, (int) (4 * ReadLimits.MIB), 20))
        .readString("long.yaml", configMap("long", value));
    assertThat(r.problems()).isEmpty();
    assertThat(r.resources().configMap("default", "long").orElseThrow().data().get("k")).isEqualTo(value);
  }

  @Test
  void read_nestingDeeperThanTheLimit_isRefused() {
    String deep = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\nx: " + "[".repeat(30) + "]".repeat(30) + "\n";
    assertThatThrownBy(() -> reader(SMALL).readString("deep.yaml", deep))
        .hasMessageStartingWith("deep.yaml (document 0): mappings and lists are nested deeper than 20 levels");
  }

  @Test
  void read_keyGivenTwice_isNotValidYaml() {
    assertThatThrownBy(() -> reader(SMALL).readString("dup.yaml", "apiVersion: v1\nkind: ConfigMap\nkind: Secret\n"))
        .hasMessageStartingWith("dup.yaml (document 0): not valid YAML: Duplicate field 'kind'");
  }

  @Test
  void read_controlCharacter_isNotValidYaml() {
    assertThatThrownBy(() -> reader(SMALL).readString("ctl.yaml", configMap("c", "bell\u0007")))
        .hasMessageContaining("ctl.yaml (document 0): not valid YAML:").hasMessageContaining("special characters are not allowed");
  }

  @Test
  void read_malformedUtf8_isRefusedAsNotText() {
    byte[] bytes = {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
    assertThatThrownBy(() -> reader(SMALL).read("bad.yaml", new ByteArrayInputStream(bytes)))
        .hasMessageStartingWith("bad.yaml: not UTF-8 text");
  }

  @Test
  void parseSize_acceptsBinaryAndPlainSizes_andRefusesOthers() {
    assertThat(ReadLimits.parseSize("3Mi")).isEqualTo(3 * ReadLimits.MIB);
    assertThat(ReadLimits.parseSize("512Ki")).isEqualTo(512 * 1024);
    assertThat(ReadLimits.parseSize("8MB")).isEqualTo(8 * ReadLimits.MIB);
    assertThat(ReadLimits.parseSize("1048576")).isEqualTo(ReadLimits.MIB);
    assertThatThrownBy(() -> ReadLimits.parseSize("lots")).hasMessageContaining("\"lots\" is not a size");
    assertThatThrownBy(() -> ReadLimits.parseSize("0")).hasMessageContaining("not a positive size");
    assertThatThrownBy(() -> ReadLimits.parseSize("99999999999999999999Gi")).hasMessageContaining("too large");
  }
}
