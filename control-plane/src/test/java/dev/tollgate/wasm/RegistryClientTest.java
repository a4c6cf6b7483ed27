package dev.tollgate.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls Wasm modules from a real distribution registry on loopback, in both image formats. */
class RegistryClientTest {

  /** The smallest valid module: the magic number and version 1. */
  static final byte[] MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};
  private static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  @TempDir Path dir;

  static byte[] tar(String name, byte[] content, boolean gzip) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (var out = gzip ? new GZIPOutputStream(bytes) : bytes; var tar = new TarArchiveOutputStream(out)) {
      TarArchiveEntry entry = new TarArchiveEntry(name);
      entry.setSize(content.length);
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  private static RegistryClient client() {
    return new RegistryClient(Set.of(), 64L << 20);
  }

  @Test
  void dockerFormat_gzippedLayerWithPluginWasm() throws Exception {
    try (LoopbackRegistry registry = LoopbackRegistry.start(dir, null, null)) {
      registry.pushImage("wasm/docker", "0.1.0", DOCKER_MANIFEST, "application/vnd.docker.container.image.v1+json",
          "application/vnd.docker.image.rootfs.diff.tar.gzip", tar("plugin.wasm", MODULE, true));
      byte[] module = client().pull(OciReference.parse("oci://" + registry.address + "/wasm/docker:0.1.0"), null).module();
      assertThat(module).isEqualTo(MODULE);
    }
  }

  @Test
  void ociFormat_tarLayer() throws Exception {
    try (LoopbackRegistry registry = LoopbackRegistry.start(dir, null, null)) {
      registry.pushImage("wasm/oci", "v1", OCI_MANIFEST, "application/vnd.oci.image.config.v1+json",
          "application/vnd.oci.image.layer.v1.tar", tar("./plugin.wasm", MODULE, false));
      assertThat(client().pull(OciReference.parse(registry.address + "/wasm/oci:v1"), null).module()).isEqualTo(MODULE);
    }
  }

  @Test
  void credentials_areRequired_whenTheRegistryAsks() throws Exception {
    try (LoopbackRegistry registry = LoopbackRegistry.start(dir, "puller", "s3cret-pass")) {
      registry.pushImage("wasm/private", "v1", OCI_MANIFEST, "application/vnd.oci.image.config.v1+json",
          "application/vnd.oci.image.layer.v1.tar+gzip", tar("plugin.wasm", MODULE, true));
      OciReference image = OciReference.parse(registry.address + "/wasm/private:v1");
      assertThatThrownBy(() -> client().pull(image, null)).isInstanceOf(WasmFetchException.class)
          .hasMessageContaining("requires credentials");
      assertThatThrownBy(() -> client().pull(image, new RegistryClient.Credentials("puller", "wrong")))
          .isInstanceOf(WasmFetchException.class).hasMessageContaining("refused the pull secret's credentials (HTTP 401)")
          .message().doesNotContain("wrong");
      assertThat(client().pull(image, new RegistryClient.Credentials("puller", "s3cret-pass")).module()).isEqualTo(MODULE);
    }
  }

  @Test
  void imagesWithoutAWasmModule_areRefused() throws Exception {
    try (LoopbackRegistry registry = LoopbackRegistry.start(dir, null, null)) {
      registry.pushImage("wasm/notwasm", "v1", OCI_MANIFEST, "application/vnd.oci.image.config.v1+json",
          "application/vnd.oci.image.layer.v1.tar", tar("plugin.wasm", "#!/bin/sh".getBytes(StandardCharsets.UTF_8), false));
      registry.pushImage("wasm/other", "v1", OCI_MANIFEST, "application/vnd.oci.image.config.v1+json",
          "application/vnd.oci.image.layer.v1.tar", tar("README", MODULE, false));
      assertThatThrownBy(() -> client().pull(OciReference.parse(registry.address + "/wasm/notwasm:v1"), null))
          .hasMessageContaining("does not hold a Wasm module");
      assertThatThrownBy(() -> client().pull(OciReference.parse(registry.address + "/wasm/other:v1"), null))
          .hasMessageContaining("holds no plugin.wasm");
      assertThatThrownBy(() -> client().pull(OciReference.parse(registry.address + "/wasm/absent:v1"), null))
          .hasMessageContaining("answered HTTP 404");
    }
  }

  @Test
  void registriesOffLoopback_areReachedOverHttps() {
    assertThat(OciReference.parse("oci://registry.example.com/wasm/x:1").isLoopback()).isFalse();
    assertThat(OciReference.parse("localhost:5000/wasm/x").isLoopback()).isTrue();
    assertThat(OciReference.parse("localhost:5000/wasm/x").reference()).isEqualTo("latest");
    assertThat(OciReference.parse("127.0.0.1:5000/a/b@sha256:" + "0".repeat(64)).reference()).isEqualTo("sha256:" + "0".repeat(64));
    assertThatThrownBy(() -> OciReference.parse("oci://registry.example.com/Bad Name:1")).isInstanceOf(IllegalArgumentException.class);
  }
}
